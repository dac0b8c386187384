import type { CanonicalEvent, Envelope, EventOfType } from '../../src/model/event.js';
import type { Actor, Requirement } from '../../src/model/snapshot.js';
import { type ContentMode, createTextStream, endsRun, handlerTable, isRecord, reportRestatement, type TextStream } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { explode } from '../../src/model/explode.js';
import { decodeRunOutput, isRunOutput, readRunOutput } from './aggregate.js';
import { alreadyRead, createResumeState, decodeTransportFrame, isTransportFrame } from './transport.js';
import { customEventName, structuredContentName, teamTaskActivity } from './write-record.js';
import { citedSources } from './citations.js';
import { fileFromMedia, mediaFile } from './media.js';
import { intermediateTextExt } from './intermediate.js';
import { usageFromMetrics } from './metrics.js';
import { readReasoningStep } from './reasoning-step.js';
import { isPausedTool, readRequirement, requirementFromTool } from './requirement.js';
import { type AgnoEventRole, agnoRecordMisfit, envelopeKeys, type ResolvedEvent, resolveEvent, workflowEvents } from './schema.js';
import { readToolExecution } from './tool-execution.js';
import { append } from '../../src/model/append.js';

/** Options of the agno decoder. */
export interface AgnoDecodeOptions {
  /**
   * How content values are read. `auto` (default): an agent's `RunContent` is a delta (agno 2.x
   * and 3.x stream deltas); a team leader's content is read as cumulative only when consecutive
   * values each restate the whole text so far, which is then reported. `delta` / `cumulative`
   * apply to every content event.
   */
  content?: ContentMode;
  /**
   * Continue a resumed AgentOS stream: events of a run at or below this `event_index` (what the
   * client already had, AgentOS's `last_event_index`) are skipped.
   */
  lastEventIndex?: number;
  /**
   * Handlers that replace the default ones (`agnoEventHandlers`) for the roles they name, for
   * this decoder only: a role is what an event string means (`content` for `RunContent` and
   * `TeamRunContent`). A handler may call the default of its role and change what it returns.
   */
  handlers?: Partial<AgnoEventHandlers>;
}

/**
 * Decodes one agno event of a known role into canonical events; module-level, with the
 * decoder's state, the record, what its event string means, its run and its envelope.
 */
export type AgnoEventHandler = (decoder: AgnoDecoderState, record: Record<string, unknown>, resolved: ResolvedEvent, state: AgnoRunState, base: Envelope) => AgnoDecoded;

/** Handlers by agno event role. */
export type AgnoEventHandlers = Readonly<Record<AgnoEventRole, AgnoEventHandler>>;

/** What the decoder knows of one open run. */
export interface AgnoRunState {
  runId: string;
  parentRunId: string | undefined;
  text: { id: string; stream: TextStream; intermediate: boolean } | undefined;
  /** Whether this run's content was reported as read cumulatively. */
  restated: boolean;
  /** Whether any content of this run was read before its end. */
  said: boolean;
  reasoning: string | undefined;
  ended: boolean;
  /** Tool calls already reported as failed, by id. */
  failedTools: Set<string>;
  /** The envelope of the run's last record, for the events that close it at the end of the input. */
  envelope: Envelope;
  /** Tool calls waiting for their outcome, by id: the record of the outcome restates their arguments. */
  calls: Map<string, CanonicalEvent>;
}

/** A record decoded: its events, and the one that says what the record is about (an outcome, a call). */
export interface AgnoDecoded {
  events: CanonicalEvent[];
  carrier?: CanonicalEvent;
}

/**
 * Events held back one record, because agno may follow their record with a companion that says
 * the same (the pipeline then links both records to the events).
 */
interface Held {
  events: CanonicalEvent[];
  accepts(record: Record<string, unknown>): boolean;
}

/** How many ended runs the decoder remembers (a late `RunCompleted` of an older one is then read as new). */
const finishedLimit = 4096;

/** How many paused runs keep their state for a later `RunContinued`; older pauses are forgotten. */
const pausedLimit = 1024;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function actorOf(record: Record<string, unknown>, resolved: ResolvedEvent | undefined): Actor | undefined {
  if (resolved?.workflow === true) {
    const actor: Actor = { kind: 'workflow' };
    const id = text(record.workflow_id);
    const name = text(record.workflow_name);
    if (id !== undefined) actor.id = id;
    if (name !== undefined) actor.name = name;
    return actor;
  }
  const team = resolved?.team === true || (!('agent_id' in record) && !('agent_name' in record) && ('team_id' in record || 'team_name' in record));
  if (!team && !('agent_id' in record) && !('agent_name' in record)) return undefined;
  const actor: Actor = { kind: team ? 'team' : 'agent' };
  // Keys spelled out: a key built per record costs a string each.
  const id = text(team ? record.team_id : record.agent_id);
  const name = text(team ? record.team_name : record.agent_name);
  if (id !== undefined) actor.id = id;
  if (name !== undefined) actor.name = name;
  return actor;
}

/** The model and provider of a run or model request; empty strings (agno's defaults) are not names. */
function modelOf(record: Record<string, unknown>): { model?: string; provider?: string } {
  const fields: { model?: string; provider?: string } = {};
  const model = text(record.model);
  const provider = text(record.model_provider);
  if (model !== undefined) fields.model = model;
  if (provider !== undefined) fields.provider = provider;
  return fields;
}

const toolMediaKinds = [
  ['images', 'image'],
  ['videos', 'video'],
  ['audio', 'audio'],
  ['files', 'file'],
] as const;

/** The media lists of a `ToolCallCompleted` event as canonical file events. */
function toolMedia(record: Record<string, unknown>, base: Envelope): CanonicalEvent[] {
  const files: CanonicalEvent[] = [];
  for (const [key, kind] of toolMediaKinds) {
    const list = record[key];
    if (!Array.isArray(list)) continue;
    for (const media of list) {
      const file = fileFromMedia(media, kind);
      if (file !== undefined) files.push({ type: 'file', ...base, ...file });
    }
  }
  return files;
}

/** Frames that AgentOS adds when a client resumes a background run (2.x `/resume`); not agno events. */
const resumeFrames: ReadonlySet<string> = new Set(['replay', 'catch_up']);

/** How serious an unreadable record is, and why it was kept raw. */
function unknownRecord(name: string | undefined): { level: 'info' | 'warning'; message: string } {
  if (name === undefined) return { level: 'warning', message: 'not an agno 2.x event or aggregate (no event string, no RunStatus); kept as raw' };
  if (workflowEvents.has(name)) {
    return {
      level: 'info',
      message: `agno workflow event "${name}" has no canonical meaning (only the workflow run and its step, loop, parallel, condition, router and agent brackets do); kept verbatim as a raw event`,
    };
  }
  if (resumeFrames.has(name)) return { level: 'info', message: `AgentOS resume frame "${name}" is not a run event; kept verbatim as a raw event` };
  // AgentOS `event: error` frames report a failed resume; a warning, as no run outcome can be read from them.
  return { level: 'warning', message: `unknown agno event "${name}"; kept verbatim as a raw event` };
}

/** The envelope of workflow events: their step fields are what a step bracket is about, so they stay data. */
const workflowEnvelopeKeys: ReadonlySet<string> = new Set(['created_at', 'event', 'workflow_id', 'workflow_name', 'run_id', 'parent_run_id', 'session_id', 'nested_depth']);

function customFields(record: Record<string, unknown>, resolved: ResolvedEvent): Record<string, unknown> {
  const envelope = resolved.workflow === true ? workflowEnvelopeKeys : envelopeKeys;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!envelope.has(key)) fields[key] = value;
  return fields;
}

/** The state of one agno decoder, shared by the module-level functions that decode its records. */
export interface AgnoDecoderState {
  readonly context: AdapterContext;
  readonly options: AgnoDecodeOptions;
  /** The runs still open, by id. */
  readonly runs: Map<string, AgnoRunState>;
  /** Team runs with a member delegation in flight: agno before 2.1.0 gave members no `parent_run_id`. */
  readonly delegating: string[];
  /** Runs that ended, newest last, so that a late RunCompleted cannot undo their outcome; bounded. */
  readonly finished: Set<string>;
  /** Paused runs, oldest first: a log of many paused runs must not grow without bound. */
  readonly paused: Set<string>;
  /** The handlers this decoder dispatches to: the defaults with the call's `handlers` over them. */
  readonly handlers: AgnoEventHandlers;
}

/** Remembers a paused run, forgetting the state of the oldest pause past the limit. */
function pause(decoder: AgnoDecoderState, runId: string): void {
  const { paused } = decoder;
  paused.delete(runId);
  paused.add(runId);
  if (paused.size <= pausedLimit) return;
  const oldest = paused.values().next().value as string;
  paused.delete(oldest);
  decoder.runs.delete(oldest);
}

function raw(record: unknown, runId: string): CanonicalEvent {
  return { type: 'raw', runId, format: 'agno', payload: record };
}

function closeText(state: AgnoRunState, base: Envelope, events: CanonicalEvent[], cut = false): void {
  if (state.text === undefined) return;
  // Content held back undecided is said now, by the record that ends the text.
  const rest = state.text.stream.release();
  if (rest !== '') events.push({ type: 'text-delta', ...base, id: state.text.id, delta: rest });
  if (!cut) events.push({ type: 'text-end', ...base, id: state.text.id });
  state.text = undefined;
}

function closeReasoning(state: AgnoRunState, base: Envelope, events: CanonicalEvent[], cut = false): void {
  if (state.reasoning === undefined) return;
  if (!cut) events.push({ type: 'reasoning-end', ...base, id: state.reasoning });
  state.reasoning = undefined;
}

/** Ends the open text and reasoning; `cut` (at RunError) writes no end: agno never said they were done. */
function closeAll(state: AgnoRunState, base: Envelope, events: CanonicalEvent[], cut = false): void {
  closeText(state, base, events, cut);
  closeReasoning(state, base, events, cut);
}

function reasoningDelta(decoder: AgnoDecoderState, state: AgnoRunState, base: Envelope, delta: string, events: CanonicalEvent[]): CanonicalEvent {
  closeText(state, base, events);
  if (state.reasoning === undefined) {
    state.reasoning = decoder.context.mint('reasoning');
    events.push({ type: 'reasoning-start', ...base, id: state.reasoning });
  }
  const event: CanonicalEvent = { type: 'reasoning-delta', ...base, id: state.reasoning, delta };
  events.push(event);
  return event;
}

function contentModeOf(decoder: AgnoDecoderState, resolved: ResolvedEvent): ContentMode {
  const { content } = decoder.options;
  if (content === 'delta' || content === 'cumulative') return content;
  // RunContentEvent is "each delta of the RunOutput" (2.x, 3.x); a team leader may restate what
  // was said (agno #9090), so only its content is read from the values themselves.
  return resolved.team ? 'auto' : 'delta';
}

function textDelta(decoder: AgnoDecoderState, state: AgnoRunState, base: Envelope, content: string, resolved: ResolvedEvent, events: CanonicalEvent[]): CanonicalEvent {
  const intermediate = resolved.role === 'intermediate-content';
  closeReasoning(state, base, events);
  // agno ≥ 2.0 re-emits the main model's text as RunIntermediateContent when an output model runs: another text.
  if (state.text !== undefined && state.text.intermediate !== intermediate) closeText(state, base, events);
  if (state.text === undefined) {
    state.text = { id: decoder.context.mint('text'), stream: createTextStream(contentModeOf(decoder, resolved)), intermediate };
    events.push({ type: 'text-start', ...base, id: state.text.id, ...(intermediate ? { ext: intermediateTextExt() } : {}) });
  }
  state.said = true;
  const event: CanonicalEvent = { type: 'text-delta', ...base, id: state.text.id, delta: state.text.stream.push(content) };
  events.push(event);
  return event;
}

function requirementsOf(decoder: AgnoDecoderState, record: Record<string, unknown>): Requirement[] {
  const mint = (): string => decoder.context.mint('requirement');
  // agno 2.3.7 added RunPaused.requirements; earlier pauses name the paused tools only.
  if (Array.isArray(record.requirements)) {
    return record.requirements.filter(isRecord).map((value) => readRequirement(value, mint));
  }
  const tools = Array.isArray(record.tools) ? record.tools.filter(isPausedTool).filter(isRecord) : [];
  return tools.map((tool) => requirementFromTool(tool, mint));
}

function single(events: CanonicalEvent[], carrier: CanonicalEvent): AgnoDecoded {
  events.push(carrier);
  return { events, carrier };
}

/** A record whose one event follows the end of the run's open text and reasoning. */
function afterClosing(state: AgnoRunState, base: Envelope, carrier: CanonicalEvent): AgnoDecoded {
  const events: CanonicalEvent[] = [];
  closeAll(state, base, events);
  return single(events, carrier);
}

/**
 * Member runs that only the leader's completed event names (`stream_member_events=False`):
 * their events come from `member_responses`, linked to the leader's record like its own.
 */
function unseenMembers(decoder: AgnoDecoderState, responses: unknown[], leader: string): CanonicalEvent[] {
  const unseen = responses
    .filter(isRecord)
    .filter((member) => typeof member.run_id !== 'string' || (!decoder.runs.has(member.run_id) && !decoder.finished.has(member.run_id)));
  return explode(unseen.map((member) => readRunOutput(member, decoder.context, leader)));
}

/**
 * A tool call's outcome restates the call's arguments (`tool.tool_args`): its record may be
 * written back only if the call arrived unchanged.
 */
function restateCall(decoder: AgnoDecoderState, state: AgnoRunState, toolCallId: string): void {
  const call = state.calls.get(toolCallId);
  if (call === undefined) return;
  state.calls.delete(toolCallId);
  decoder.context.restates?.(call);
}

function endDelegation(decoder: AgnoDecoderState, resolved: ResolvedEvent, state: AgnoRunState): void {
  if (resolved.team && decoder.delegating.at(-1) === state.runId) decoder.delegating.pop();
}

function mintToolCallId(decoder: AgnoDecoderState): string {
  const minted = decoder.context.mint('tool-call');
  decoder.context.report({ code: 'minted', level: 'info', path: 'tool.tool_call_id', message: `tool call without tool_call_id; gave it id "${minted}"` });
  return minted;
}

/** A content event: reasoning, text or structured content, and the media and citations it holds. */
const decodeContent: AgnoEventHandler = (decoder, record, resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  const reasoning = text(record.reasoning_content);
  if (reasoning !== undefined) reasoningDelta(decoder, state, base, reasoning, events);
  const content = record.content;
  if (typeof content === 'string') {
    textDelta(decoder, state, base, content, resolved, events);
  } else if (content !== undefined && content !== null) {
    closeAll(state, base, events);
    state.said = true;
    events.push({ type: 'data', ...base, name: structuredContentName, data: content });
  }
  // Most content records have neither media nor citations: nothing is allocated for them.
  if (record.image !== undefined && record.image !== null) mediaFile(base, record.image, 'image', events);
  if (record.response_audio !== undefined && record.response_audio !== null) mediaFile(base, record.response_audio, 'audio', events);
  if (record.citations !== undefined && record.citations !== null) {
    for (const source of citedSources(record.citations)) events.push({ type: 'source', ...base, ...source });
  }
  // A content event with nothing canonical in it (only provider data) gives no event: the
  // pipeline carries its record with the next ones.
  if (state.text?.stream.sawCumulative === true && !state.restated) {
    state.restated = true;
    reportRestatement(decoder.context, state.runId, String(record.event), 'agno');
  }
  return { events };
};

/** `RunStarted`: the run's start, with its model. */
const decodeRunStart: AgnoEventHandler = (_decoder, record, _resolved, _state, base) => {
  return single([], { type: 'run-start', ...base, ...modelOf(record) });
};

/** `RunContentCompleted` (2.2+) has no canonical event: the pipeline carries its record with the next events. */
const decodeNothing: AgnoEventHandler = () => {
  return { events: [] };
};

/** `RunCompleted`: ends the run, saying its answer when no content event did. */
const decodeRunEnd: AgnoEventHandler = (decoder, record, resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  closeAll(state, base, events);
  if (Array.isArray(record.member_responses)) append(events, unseenMembers(decoder, record.member_responses, state.runId));
  if (!state.said && resolved.workflow !== true && typeof record.content === 'string' && record.content !== '') {
    // Stored events (store_events) skip RunContent: the answer is only in RunCompleted.content.
    // (A workflow's content restates its last step, which its own runs already said.)
    const id = decoder.context.mint('text');
    events.push({ type: 'text-start', ...base, id }, { type: 'text-delta', ...base, id, delta: record.content }, { type: 'text-end', ...base, id });
  }
  const end: CanonicalEvent = { type: 'run-end', ...base };
  if (record.content !== undefined && record.content !== null) end.output = record.content;
  const usage = usageFromMetrics(record.metrics);
  if (usage !== undefined) end.usage = usage;
  state.ended = true;
  return single(events, end);
};

/** `RunError`: the run fails; its open text and reasoning are cut, not ended. */
const decodeRunError: AgnoEventHandler = (_decoder, record, _resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  closeAll(state, base, events, true);
  // WorkflowError carries its message in `error`, agent and team errors in `content`.
  const error: EventOfType<'run-error'>['error'] = {
    message: text(record.content) ?? text(record.error) ?? text(record.error_type) ?? 'agno run error without a message',
  };
  if (typeof record.error_type === 'string') error.type = record.error_type;
  if (typeof record.error_id === 'string') error.id = record.error_id;
  // `additional_data` (a guardrail's details, anything a server puts there) stays in the source record.
  state.ended = true;
  return single(events, { type: 'run-error', ...base, error });
};

/** `RunCancelled`: the run is cancelled, with its reason. */
const decodeRunCancel: AgnoEventHandler = (_decoder, record, _resolved, state, base) => {
  const cancel: CanonicalEvent = { type: 'run-cancel', ...base };
  const reason = text(record.reason) ?? text(record.content);
  if (reason !== undefined) cancel.reason = reason;
  state.ended = true;
  // Text and reasoning the cancel cut get no end: agno never said they were done.
  const events: CanonicalEvent[] = [];
  closeAll(state, base, events, true);
  return single(events, cancel);
};

/** `RunPaused`: the run waits for what its requirements ask. */
const decodeRunPause: AgnoEventHandler = (decoder, record, _resolved, state, base) => {
  pause(decoder, state.runId);
  return afterClosing(state, base, { type: 'run-pause', ...base, requirements: requirementsOf(decoder, record) });
};

/** `RunContinued`: a paused run goes on. */
const decodeRunResume: AgnoEventHandler = (decoder, _record, _resolved, state, base) => {
  decoder.paused.delete(state.runId);
  return single([], { type: 'run-resume', ...base });
};

/** `ToolCallStarted`: a tool call; a team's call delegates to a member. */
const decodeToolCall: AgnoEventHandler = (decoder, record, resolved, state, base) => {
  const tool = readToolExecution(record.tool);
  if (resolved.team) decoder.delegating.push(state.runId);
  const call: CanonicalEvent = { type: 'tool-call', ...base, toolCallId: tool.toolCallId ?? mintToolCallId(decoder), toolName: tool.toolName ?? '', input: tool.input ?? {} };
  state.calls.set(call.toolCallId, call);
  return afterClosing(state, base, call);
};

/** What a tool call's outcome starts with: the text before it ends, the delegation ends, its call is restated. */
function toolOutcome(decoder: AgnoDecoderState, record: Record<string, unknown>, resolved: ResolvedEvent, state: AgnoRunState, base: Envelope, events: CanonicalEvent[]) {
  closeAll(state, base, events);
  const tool = readToolExecution(record.tool);
  endDelegation(decoder, resolved, state);
  const toolCallId = tool.toolCallId ?? mintToolCallId(decoder);
  restateCall(decoder, state, toolCallId);
  return { tool, toolCallId };
}

/** `ToolCallCompleted`: the call's result, or its error when agno flags it failed, then the media it made. */
const decodeToolResult: AgnoEventHandler = (decoder, record, resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  const { tool, toolCallId } = toolOutcome(decoder, record, resolved, state, base, events);
  const named = tool.toolName === undefined ? {} : { toolName: tool.toolName };
  let carrier: CanonicalEvent;
  if (tool.failed === true) {
    // Never invent success: a completed call flagged tool_call_error is a tool error.
    state.failedTools.add(toolCallId);
    carrier = { type: 'tool-error', ...base, toolCallId, ...named, error: tool.result ?? record.content ?? null };
  } else {
    carrier = { type: 'tool-result', ...base, toolCallId, ...named, output: tool.result ?? null };
  }
  events.push(carrier);
  // Media a tool made (an image generator, 2.x images/videos/audio, 2.6.10+ files) follow its result.
  for (const file of toolMedia(record, base)) events.push(file);
  return { events, carrier };
};

/** `ToolCallError`: the call failed. */
const decodeToolError: AgnoEventHandler = (decoder, record, resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  const { tool, toolCallId } = toolOutcome(decoder, record, resolved, state, base, events);
  state.failedTools.add(toolCallId);
  const named = tool.toolName === undefined ? {} : { toolName: tool.toolName };
  return single(events, { type: 'tool-error', ...base, toolCallId, ...named, error: record.error ?? tool.result ?? null });
};

/** `ReasoningStarted`: a new reasoning block. */
const decodeReasoningStart: AgnoEventHandler = (decoder, _record, _resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  closeAll(state, base, events);
  state.reasoning = decoder.context.mint('reasoning');
  return single(events, { type: 'reasoning-start', ...base, id: state.reasoning });
};

/** `ReasoningContentDelta`: more of the open reasoning. */
const decodeReasoningDelta: AgnoEventHandler = (decoder, record, _resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  const delta = typeof record.reasoning_content === 'string' ? record.reasoning_content : '';
  reasoningDelta(decoder, state, base, delta, events);
  return { events };
};

/** `ReasoningStep`: one step of agno's reasoning agent. */
const decodeReasoningStep: AgnoEventHandler = (_decoder, record, _resolved, _state, base) => {
  return single([], { type: 'reasoning-step', ...base, ...readReasoningStep(record.content) });
};

/** `ReasoningCompleted`: ends the reasoning, opening one first when none was open. */
const decodeReasoningEnd: AgnoEventHandler = (decoder, _record, _resolved, state, base) => {
  const events: CanonicalEvent[] = [];
  closeText(state, base, events);
  if (state.reasoning === undefined) {
    state.reasoning = decoder.context.mint('reasoning');
    events.push({ type: 'reasoning-start', ...base, id: state.reasoning });
  }
  const end: CanonicalEvent = { type: 'reasoning-end', ...base, id: state.reasoning };
  state.reasoning = undefined;
  return single(events, end);
};

/** `ModelRequestStarted`: a model step, with its model. */
const decodeStepStart: AgnoEventHandler = (_decoder, record, _resolved, state, base) => {
  return afterClosing(state, base, { type: 'step-start', ...base, ...modelOf(record) });
};

/** `ModelRequestCompleted`: the step ends, with its usage. */
const decodeStepEnd: AgnoEventHandler = (_decoder, record, _resolved, state, base) => {
  const end: CanonicalEvent = { type: 'step-end', ...base };
  const usage = usageFromMetrics(record);
  if (usage !== undefined) end.usage = usage;
  return afterClosing(state, base, end);
};

/** Brackets (workflow steps, memory updates, team tasks): an activity's start or end, its fields as data. */
const decodeActivity: AgnoEventHandler = (_decoder, record, resolved, _state, base) => {
  const type = resolved.role === 'activity-start' || resolved.role === 'task-created' ? 'activity-start' : 'activity-end';
  const name = resolved.activity ?? teamTaskActivity;
  const fields = customFields(record, resolved);
  const data = Object.keys(fields).length > 0 ? { data: fields } : {};
  return single([], { type, ...base, name, ...data });
};

/** A team's task list: the state it shows. */
const decodeTaskState: AgnoEventHandler = (_decoder, record, resolved, _state, base) => {
  return single([], { type: 'state', ...base, snapshot: customFields(record, resolved) });
};

/** `CustomEvent`: a name and data pair as itself, other fields as the custom event's data. */
const decodeCustom: AgnoEventHandler = (_decoder, record, resolved, _state, base) => {
  const fields = customFields(record, resolved);
  const keys = Object.keys(fields);
  const pair = keys.length === 2 && typeof fields.name === 'string' && fields.name !== customEventName && 'data' in fields;
  return single([], pair ? { type: 'data', ...base, name: fields.name as string, data: fields.data } : { type: 'data', ...base, name: customEventName, data: fields });
};

/** The default handlers, by what an agno event string means (its role, the same for team events). */
export const agnoEventHandlers: AgnoEventHandlers = {
  'run-start': decodeRunStart,
  content: decodeContent,
  'intermediate-content': decodeContent,
  'content-completed': decodeNothing,
  'run-end': decodeRunEnd,
  'run-error': decodeRunError,
  'run-cancel': decodeRunCancel,
  'run-pause': decodeRunPause,
  'run-resume': decodeRunResume,
  'tool-call': decodeToolCall,
  'tool-result': decodeToolResult,
  'tool-error': decodeToolError,
  'reasoning-start': decodeReasoningStart,
  'reasoning-delta': decodeReasoningDelta,
  'reasoning-step': decodeReasoningStep,
  'reasoning-end': decodeReasoningEnd,
  'step-start': decodeStepStart,
  'step-end': decodeStepEnd,
  'activity-start': decodeActivity,
  'activity-end': decodeActivity,
  'task-created': decodeActivity,
  'task-updated': decodeActivity,
  'task-state': decodeTaskState,
  custom: decodeCustom,
};

/**
 * Creates the agno 2.x decoder: streamed `RunOutputEvent` / `TeamRunOutputEvent` records and
 * `RunOutput` / `TeamRunOutput` aggregates in, canonical events out. The events carry the
 * canonical fields only; the pipeline keeps each source record out of band. Each event is
 * decoded by the handler of its role: `agnoEventHandlers`, with `options.handlers` over them.
 */
export function createAgnoDecoder(context: AdapterContext, options: AgnoDecodeOptions = {}): Decoder {
  const decoder: AgnoDecoderState = {
    context,
    options,
    runs: new Map(),
    delegating: [],
    finished: new Set(),
    paused: new Set(),
    handlers: handlerTable(agnoEventHandlers, options.handlers),
  };
  const { runs, delegating, finished, handlers } = decoder;
  let lastRunId: string | undefined;
  const resume = createResumeState(options.lastEventIndex);
  let held: Held | undefined;

  function stateOf(runId: string): AgnoRunState {
    let state = runs.get(runId);
    if (state === undefined) {
      state = {
        runId,
        parentRunId: undefined,
        text: undefined,
        restated: false,
        said: false,
        reasoning: undefined,
        ended: finished.has(runId),
        failedTools: new Set(),
        envelope: { runId },
        calls: new Map(),
      };
      runs.set(runId, state);
    }
    return state;
  }

  function runIdOf(record: Record<string, unknown>, eventType: string): string {
    if (typeof record.run_id === 'string') return record.run_id;
    if (lastRunId !== undefined) return lastRunId;
    const minted = context.mint('run');
    context.report({
      code: 'minted',
      level: 'info',
      eventType,
      path: 'run_id',
      message: `agno record without run_id before any run; gave it run id "${minted}"`,
    });
    return minted;
  }

  /** Forgets an ended run's state, so that memory stays bounded by the runs still open. */
  function finish(runId: string): void {
    runs.delete(runId);
    decoder.paused.delete(runId);
    finished.delete(runId);
    finished.add(runId);
    if (finished.size > finishedLimit) finished.delete(finished.values().next().value as string);
  }

  function envelopeOf(record: Record<string, unknown>, resolved: ResolvedEvent, state: AgnoRunState): Envelope {
    const base: Envelope = { runId: state.runId };
    if (typeof record.parent_run_id === 'string') {
      state.parentRunId = record.parent_run_id;
    } else if (state.parentRunId === undefined) {
      // agno 2.0.x had no parent_run_id: a member run (agent or sub-team) is one that starts inside a team's delegation.
      const leader = delegating.at(-1);
      if (leader !== undefined && leader !== state.runId && resolved.role === 'run-start') state.parentRunId = leader;
    }
    if (state.parentRunId !== undefined) base.parentRunId = state.parentRunId;
    if (typeof record.session_id === 'string') base.sessionId = record.session_id;
    const actor = actorOf(record, resolved);
    if (actor !== undefined) base.actor = actor;
    if (typeof record.created_at === 'number') base.time = record.created_at * 1000;
    return base;
  }

  function decodeRecord(record: unknown): CanonicalEvent[] {
    const out: CanonicalEvent[] = [];
    if (!isRecord(record)) {
      context.report({ code: 'invalid-input', level: 'warning', message: 'an agno record must be a JSON object; kept as raw' });
      out.push(raw(record, lastRunId ?? 'unknown'));
      return out;
    }
    if (!('event' in record) && isRunOutput(record)) return decodeRunOutput(record, context);
    if (isTransportFrame(record)) {
      for (const event of decodeTransportFrame(record, lastRunId, context)) {
        if (event.type === 'run-error') {
          const state = stateOf(event.runId);
          if (state.ended) continue;
          Object.assign(event, state.envelope ?? {}, { type: 'run-error', runId: event.runId });
          finish(event.runId);
        }
        out.push(event);
      }
      return out;
    }
    const misfit = agnoRecordMisfit(record);
    if (misfit !== undefined && typeof record.event === 'string') {
      const path = misfit.path;
      context.report({
        code: 'invalid-input',
        level: 'error',
        eventType: record.event,
        path,
        message: `agno ${record.event} record with a wrong field type at ${path} (expected ${misfit.expected}); kept as raw, given to no run`,
      });
      out.push(raw(record, 'unknown'));
      return out;
    }
    const name = misfit === undefined ? (record.event as string) : undefined;
    const resolved = name === undefined ? undefined : resolveEvent(name);
    if (resolved === undefined || name === undefined) {
      const runId = typeof record.run_id === 'string' ? record.run_id : lastRunId ?? 'unknown';
      const { level, message } = unknownRecord(name);
      context.report({ code: 'unknown-event', level, eventType: name, runId, message });
      out.push(raw(record, runId));
      return out;
    }
    const runId = runIdOf(record, name);
    if (alreadyRead(record, runId, resume, context)) return out;
    lastRunId = runId;
    const state = stateOf(runId);
    const base = envelopeOf(record, resolved, state);
    state.envelope = base;
    if (state.ended && resolved.role === 'run-end') {
      // agno ≥ 2.6.10 follows RunCancelled with a RunCompleted; it must not turn the cancel into success.
      context.report({
        code: 'invalid-sequence',
        level: 'info',
        eventType: name,
        runId,
        message: `${name} after the run already ended; kept verbatim as a raw event so the run keeps its first outcome`,
      });
      out.push(raw(record, runId));
      return out;
    }
    if (resolved.role === 'tool-error') {
      const tool = readToolExecution(record.tool);
      if (tool.toolCallId !== undefined && state.failedTools.has(tool.toolCallId)) {
        context.report({
          code: 'invalid-sequence',
          level: 'info',
          eventType: name,
          runId,
          message: `${name} for tool call "${tool.toolCallId}" that was already reported failed; kept verbatim as a raw event`,
        });
        out.push(raw(record, runId));
        return out;
      }
    }
    // One lookup per record: every role has a handler (the defaults cover them all).
    const decoded = handlers[resolved.role](decoder, record, resolved, state, base);
    for (const event of decoded.events) out.push(event);
    const carrier = decoded.carrier;
    if (carrier !== undefined && endsRun(carrier)) finish(runId);
    if (carrier?.type === 'run-cancel' || (carrier?.type === 'tool-error' && resolved.role === 'tool-result')) {
      const toolCallId = carrier.type === 'tool-error' ? carrier.toolCallId : undefined;
      held = {
        events: out.splice(0),
        accepts(next) {
          if (next.run_id !== runId || typeof next.event !== 'string') return false;
          const role = resolveEvent(next.event)?.role;
          if (toolCallId === undefined) return role === 'run-end';
          return role === 'tool-error' && readToolExecution(next.tool).toolCallId === toolCallId;
        },
      };
    }
    return out;
  }

  return {
    push(record) {
      const out: CanonicalEvent[] = [];
      if (held !== undefined) {
        const waiting = held;
        held = undefined;
        // The companion (ToolCallError after a failed ToolCallCompleted, RunCompleted after
        // RunCancelled) says nothing new: its record is linked to the held events.
        if (isRecord(record) && waiting.accepts(record)) return waiting.events;
        for (const event of waiting.events) out.push(event);
      }
      append(out, decodeRecord(record));
      return out;
    },
    flush() {
      const out: CanonicalEvent[] = held?.events ?? [];
      held = undefined;
      // A stream_events=False stream has no RunCompleted: its text blocks end with the input.
      for (const state of runs.values()) {
        if (state.text === undefined && state.reasoning === undefined) continue;
        closeAll(state, state.envelope, out);
      }
      return out;
    },
    forget(runId) {
      const out: CanonicalEvent[] = [];
      const state = runs.get(runId);
      if (state === undefined) return out;
      if (state.text !== undefined || state.reasoning !== undefined) closeAll(state, state.envelope, out);
      runs.delete(runId);
      decoder.paused.delete(runId);
      const leader = delegating.indexOf(runId);
      if (leader !== -1) delegating.splice(leader, 1);
      return out;
    },
  };
}
