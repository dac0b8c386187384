import { isRecord, uncarriedRelayLoss } from '../../src/pipeline/adapter-kit.js';
import { type Detection, composeFormat, defineReader, defineWriter } from '../../src/pipeline/format.js';
import { type RunnerDecodeOptions, createRunnerDecoder } from './decode.js';
import { type RunnerEncodeOptions, createRunnerEncoder } from './encode.js';
import { isLegacyType } from './legacy.js';
import { runnerEventTypes } from './schema.js';
import { runnerDecodeOptionsSchema, runnerEncodeOptionsSchema } from './options.js';

const currentTypes = new Set<string>(runnerEventTypes);

/**
 * Who wrote a unified `Event`: orxhestra's additions name it (signature fields since 0.1.4,
 * artifact_delta, thinking parts); without them it is langchain_adk 0.3.3 – 0.3.14 or an early
 * orxhestra, whose `Event` is the same model.
 */
function unifiedEventVersion(record: Record<string, unknown>): string {
  if ('signature' in record || 'signer_did' in record || 'prev_signature' in record) return 'orxhestra 0.1.4+';
  const parts = isRecord(record.content) && Array.isArray(record.content.parts) ? record.content.parts : [];
  if ((isRecord(record.actions) && 'artifact_delta' in record.actions) || parts.some((part) => isRecord(part) && part.type === 'thinking')) return 'orxhestra';
  return 'langchain_adk 0.3.3 – 0.3.14 or orxhestra';
}

/** langchain_adk Runner `Event` records (and the typed event classes before 0.3.3). */
/** Scores a record as a Runner `Event` (current or typed-class form), with the writer's version. */
function detectRunner(record: unknown): Detection | undefined {
  if (!isRecord(record) || typeof record.type !== 'string') return undefined;
  const envelope = 'invocation_id' in record && 'author' in record && 'branch' in record;
  if (currentTypes.has(record.type)) {
    if (envelope && 'turn_complete' in record) return { confidence: 0.95, version: unifiedEventVersion(record) };
    if (envelope || 'agent_name' in record || isRecord(record.content)) return { confidence: 0.8, version: '0.1 – 0.3.2' };
    return undefined;
  }
  if (isLegacyType(record.type) && (envelope || 'agent_name' in record)) return { confidence: 0.85, version: '0.1 – 0.3.2' };
  return undefined;
}

/**
 * Reads Runner `Event` records (`from: runnerReader`): the decoder of {@link runnerFormat}
 * without its encoder, detection or documentation.
 */
export const runnerReader = /* @__PURE__ */ defineReader<RunnerDecodeOptions>({
  name: 'runner',
  createDecoder: createRunnerDecoder,
  options: { decode: runnerDecodeOptionsSchema },
});

/**
 * Writes Runner `Event` records (`to: runnerWriter`): the encoder of {@link runnerFormat}
 * without its decoder, detection or documentation.
 */
export const runnerWriter = /* @__PURE__ */ defineWriter<RunnerEncodeOptions>({
  name: 'runner',
  createEncoder: createRunnerEncoder,
  options: { encode: runnerEncodeOptionsSchema },
});

/** langchain_adk Runner `Event` records (and the typed event classes before 0.3.3). */
export const runnerFormat = /* @__PURE__ */ composeFormat(runnerReader, runnerWriter, {
  title: 'langchain_adk Runner Event (model_dump JSON)',
  versions: { read: 'langchain_adk 0.1 – 0.3.14, orxhestra', write: 'langchain_adk 0.3.3 – 0.3.14 Event' },
  detect: detectRunner,
  losses: [
    { what: 'Runner-only fields (ids, llm_response with raw_message, escalate, ReAct scratchpad, orxhestra signatures)', direction: 'decode', code: 'dropped', level: 'info', note: 'not reported: runner → runner writes the source records back verbatim; other formats receive them only with relay' },
    { what: 'run ids of turns without invocation_id (langchain_adk agent events carry none)', direction: 'decode', code: 'minted', level: 'info', note: 'run-1, run-2 … per turn; members are <turn>/<branch>' },
    { what: 'tool call ids of the typed events before 0.3.1, repeated ReAct ids', direction: 'decode', code: 'minted', level: 'info', note: 'a result takes the oldest open call of its tool; a repeat of react_<tool> becomes react_<tool>#2' },
    { what: 'run-start / run-end without agent_start / agent_end (0.3.4+)', direction: 'decode', code: 'invalid-sequence', level: 'info', note: 'a run without a final answer or error is left open (warning), never completed' },
    { what: 'text or reasoning blocks open at once with interleaved deltas', direction: 'encode', code: 'approximated', level: 'warning', note: 'a Runner agent has one text and one reasoning stream per run: written in arrival order, they read back as one text' },
    { what: 'usage of steps and runs', direction: 'encode', code: 'dropped', level: 'info', note: 'Runner keeps usage only in llm_response of a model turn' },
    { what: 'ids of member runs without a run-start', direction: 'encode', code: 'approximated', level: 'info', note: 'a member is named by its branch; a run-start writes its id in agent_start.metadata.run_id, the root run id travels in invocation_id' },
    { what: 'cancel', direction: 'encode', code: 'approximated', level: 'warning', note: 'an error event with exception_type "CancelledError", read back as cancel' },
    { what: 'pause and resume', direction: 'encode', code: 'approximated', level: 'warning', note: 'agent_message with metadata {paused, requirements} / {resumed, resolutions}, read back as pause / resume' },
    { what: 'reasoning steps, activities, sources, citations', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'system messages', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'data event names other than structured_output, and data ids', direction: 'encode', code: 'dropped', level: 'info', note: 'the data itself is a DataPart; transient data a partial event' },
    { what: 'tool arguments that are not objects (the raw text of arguments that were no JSON)', direction: 'encode', code: 'approximated', level: 'warning', note: 'written as {"input": …} like ReActAgent; they read back so' },
    { what: 'tool results and errors that are not strings', direction: 'encode', code: 'approximated', level: 'info', note: 'written as JSON text' },
    { what: 'input of member runs', direction: 'encode', code: 'dropped', level: 'info', note: 'only a turn starts with a user_message' },
    { what: 'events without time', direction: 'encode', code: 'approximated', level: 'info', note: 'timestamp is required: the last known time, or 0' },
    { what: 'raw records of other formats', direction: 'encode', code: 'dropped', level: 'warning' },
    uncarriedRelayLoss,
  ],
});

export { createRunnerDecoder, createRunnerEncoder };
export { isFinalResponse } from './is-final-response.js';
export type { RunnerDecodeOptions, RunnerEncodeOptions };
