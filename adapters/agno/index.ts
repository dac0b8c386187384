import { isRecord, lossReporter, reportUnfitSource, uncarriedRelayLoss } from '../../src/pipeline/adapter-kit.js';
import { composeFormat, defineReader, defineWriter } from '../../src/pipeline/format.js';
import { type AgnoDecodeOptions, type AgnoDecoded, type AgnoDecoderState, type AgnoEventHandler, type AgnoEventHandlers, type AgnoRunState, agnoEventHandlers, createAgnoDecoder } from './decode.js';
import { detectAgno } from './detect.js';
import { type AgnoEncodeOptions, createAgnoEncoder } from './encode.js';
import { agnoDecodeOptionsSchema, agnoEncodeOptionsSchema } from './options.js';
import { eventExistsIn, migrateRecord } from './target.js';

/** Whether a record's shape (event or stored run) is the one the options ask for. */
function shapeFits(record: unknown, shape: AgnoEncodeOptions['shape']): boolean {
  return shape === undefined || shape === 'auto' || (shape === 'aggregate') === !(isRecord(record) && 'event' in record);
}

/**
 * Reads agno 2.x and 3.x records (`from: agnoReader`): the decoder of {@link agnoFormat} without
 * its encoder, detection or documentation, for a program that only reads agno (a useChat route).
 */
export const agnoReader = /* @__PURE__ */ defineReader<AgnoDecodeOptions>({
  name: 'agno',
  createDecoder: createAgnoDecoder,
  options: { decode: agnoDecodeOptionsSchema },
});

/**
 * Writes agno 3.x (or 2.9) records (`to: agnoWriter`): the encoder of {@link agnoFormat} without
 * its decoder, detection or documentation.
 */
export const agnoWriter = /* @__PURE__ */ defineWriter<AgnoEncodeOptions>({
  name: 'agno',
  createEncoder: createAgnoEncoder,
  options: { encode: agnoEncodeOptionsSchema },
  // AgentOS (2.0.3+) frames each event as `event: <EventName>` and one line of compact JSON.
  sseFrame(record) {
    const name = typeof record === 'object' && record !== null && 'event' in record ? (record as { event: unknown }).event : undefined;
    return typeof name === 'string' && name !== '' ? { event: name, data: JSON.stringify(record) } : { data: JSON.stringify(record) };
  },
  // An event stream asked for as aggregates, or the reverse, is written from the canonical fields;
  // so is an event the version asked for does not have (3.x compaction as 2.x).
  sourceFits(record, options, context) {
    const fits = shapeFits(record, options?.shape) && eventExistsIn(record, options?.target ?? '3.x');
    if (!fits) reportUnfitSource(context, 'agno');
    return fits;
  },
  // Any other record is migrated to the version asked for, field by field.
  rewriteSource: (record, options, context) => migrateRecord(record, options?.target ?? '3.x', lossReporter(context)),
});

/** agno 2.x and 3.x: `RunOutputEvent` / `TeamRunOutputEvent` streams and `RunOutput` / `TeamRunOutput` aggregates. */
export const agnoFormat = /* @__PURE__ */ composeFormat(agnoReader, agnoWriter, {
  title: 'agno 2.x and 3.x run events (RunOutputEvent, TeamRunOutputEvent), RunOutput aggregates and AgentOS SSE frames',
  versions: { read: '2.0 – 3.1', write: '3.1 (default); 2.9 with target: "2.x"' },
  detect: detectAgno,
  losses: [
    {
      what: 'agno-only fields (nested_depth, session_state, metadata, metrics details, tool metrics and timing sentences, media ids, member_responses copies, RunContentCompleted, references, additional_input, RunError additional_data, the media lists of RunCompleted)',
      direction: 'decode',
      code: 'dropped',
      level: 'info',
      note: 'they stay in the source record: agno → agno writes the record back verbatim, relay carries it; no other target receives them, and an edited event is written without them',
    },
    {
      what: 'workflow events other than the run lifecycle and step brackets (StepOutput, StepError, pauses …)',
      direction: 'decode',
      code: 'unknown-event',
      level: 'info',
      note: 'kept verbatim as raw events; written back by agno, reported by other encoders',
    },
    { what: 'unknown event strings', direction: 'decode', code: 'unknown-event', level: 'warning', note: 'kept verbatim as raw events' },
    {
      what: 'AgentOS transport notices (replay, catch_up, subscribed) and events a resumed stream repeats (same run, event_index already read)',
      direction: 'decode',
      code: 'dropped',
      level: 'info',
      note: 'not run events: written back by the agno target from the source records; error and stream_expired frames become run-error',
    },
    {
      what: 'RunCompleted after RunCancelled, ToolCallError after a failed ToolCallCompleted, when not adjacent',
      direction: 'decode',
      code: 'invalid-sequence',
      level: 'info',
      note: 'kept as raw so the first outcome stands; an adjacent one is written back with the first outcome\'s record',
    },
    { what: 'tool call inputs that are not objects (the raw text of arguments that were no JSON)', direction: 'encode', code: 'approximated', level: 'warning', note: 'tool_args is a dict: written as {"input": …}, and read back so' },
    { what: 'text or reasoning blocks open at once with interleaved deltas', direction: 'encode', code: 'approximated', level: 'warning', note: 'agno has one content and one reasoning stream per run: written in arrival order, they read back as one text' },
    { what: 'the input of a run in an event stream', direction: 'encode', code: 'dropped', level: 'info', note: 'RunStarted has no input; shape: aggregate keeps it' },
    { what: 'finish reasons of runs and model requests', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'message ids of model requests, source ids, citation texts', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'model request duration', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'reasoning signatures', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'user and system messages in an event stream', direction: 'encode', code: 'dropped', level: 'info', note: 'agno streams carry no input messages; use shape: aggregate' },
    { what: 'state events', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: "a resume's resolution list (approvals, inputs)", direction: 'encode', code: 'dropped', level: 'info', note: 'agno takes the answers in the continue request (continue_run, AgentOS /continue); RunContinued holds none' },
    { what: 'handoffs', direction: 'encode', code: 'dropped', level: 'info', note: 'agno delegates through tool calls' },
    { what: 'video and generic file outputs', direction: 'encode', code: 'approximated', level: 'info', note: 'written as a CustomEvent' },
    { what: 'activities agno does not have', direction: 'encode', code: 'approximated', level: 'info', note: 'written as a CustomEvent' },
    {
      what: 'the time of a CustomEvent (data, video and file outputs, other activities) in a run without times (AI SDK sources)',
      direction: 'encode',
      code: 'minted',
      level: 'info',
      note: 'created_at 0, once per run: agno cannot read a CustomEvent without created_at',
    },
    { what: 'raw records of other formats', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'members of an agent run (aggregate shape)', direction: 'encode', code: 'dropped', level: 'warning', note: 'only TeamRunOutput has member_responses' },
    {
      what: 'data (other than structured content), file and source parts of messages (aggregate shape)',
      direction: 'encode',
      code: 'dropped',
      level: 'warning',
      note: "a Message.to_dict() has no field for them; once per kind and run, with the count",
    },
    {
      what: 'agno records asked for in the other shape (an event stream as aggregates, aggregates as events), and 3.x compaction events asked for as 2.x',
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'written from their canonical fields (agno-only and unknown fields left out), said once per conversion',
    },
    {
      what: 'with target: "2.x", what only agno 3.x holds: queue_attempt, cancellation_stage, compaction, a set tool parent_tool_call_id, media metadata',
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'one issue per kind (compaction and parent_tool_call_id: warning); everything else of a 3.x record is kept, event_index moves after the event\'s fields as 2.9\'s AgentOS wrote it',
    },
    {
      what: 'with target: "2.x", media references (offloaded media)',
      direction: 'encode',
      code: 'dropped',
      level: 'warning',
      note: 'a reference with a URL, on media with no url or content of its own, becomes the media url (approximated, info)',
    },
    {
      what: 'with target: "2.x", the 3.x compaction events (CompactionStarted / CompactionCompleted)',
      direction: 'encode',
      code: 'approximated',
      level: 'info',
      note: 'written as a CustomEvent with activity "compaction"',
    },
    { what: 'a text or reasoning that ended right before its run was cancelled', direction: 'encode', code: 'approximated', level: 'warning', note: 'agno streams have no text end: it reads back cut' },
    {
      what: 'the id and transient flag of a data event',
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'a CustomEvent has neither: each update is its own event, transient data reads back as data of the run; a stored run leaves transient data out',
    },
    uncarriedRelayLoss,
  ],
});

export { agnoEventHandlers, createAgnoDecoder, createAgnoEncoder, detectAgno };
export type { AgnoDecodeOptions, AgnoDecoded, AgnoDecoderState, AgnoEncodeOptions, AgnoEventHandler, AgnoEventHandlers, AgnoRunState };
export { readRunOutput, writeRunOutput, isRunOutput } from './aggregate.js';
export { readMessage, writeMessage, agnoRoles, parseArguments, type MessageDefaults } from './message.js';
export { citedSources, type CitedSource } from './citations.js';
export { readReasoningStep, writeReasoningStep, type ReasoningStepFields } from './reasoning-step.js';
export { usageFromMetrics, metricsFromUsage, modelRequestUsageFields } from './metrics.js';
export { fileFromMedia, mediaFromFile, mediaKindOf, type MediaKind, type FileFields } from './media.js';
export { readRequirement, requirementFromTool, requirementKind, isPausedTool, writeRequirement, pausedToolExecution } from './requirement.js';
export { readToolExecution, writeToolExecution, resultString, type ToolExecutionFields } from './tool-execution.js';
export { allEventNames, resolveEvent, workflowEvents, hasLegacyMarkers, type AgnoEventRole, type ResolvedEvent } from './schema.js';
export { agnoToolsWithAnswers, resolutionsFromAgnoTools, type AgnoToolExecution } from './continue.js';
export {
  agentOSCancelRequest,
  agentOSContinueRequest,
  agentOSResumeRequest,
  readAgentOSResponse,
  type AgentOSAnswer,
  type AgentOSCancelOptions,
  type AgentOSContinueOptions,
  type AgentOSRequest,
  type AgentOSResumeOptions,
  type AgentOSRun,
} from './agent-os.js';
