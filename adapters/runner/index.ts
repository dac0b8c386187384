import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { defineFormat } from '../../src/pipeline/format.js';
import { type RunnerDecodeOptions, createRunnerDecoder } from './decode.js';
import { type RunnerEncodeOptions, createRunnerEncoder } from './encode.js';
import { isLegacyType } from './legacy.js';
import { runnerEventTypes } from './schema.js';

const currentTypes = new Set<string>(runnerEventTypes);

/** langchain_adk Runner `Event` records (and the typed event classes before 0.3.3). */
export const runnerFormat = defineFormat<RunnerDecodeOptions, RunnerEncodeOptions>({
  name: 'runner',
  title: 'langchain_adk Runner Event (model_dump JSON)',
  versions: { read: 'langchain_adk 0.1 – 0.3.14, orxhestra', write: 'langchain_adk 0.3.3 – 0.3.14 Event' },
  detect(record) {
    if (!isRecord(record) || typeof record.type !== 'string') return undefined;
    const envelope = 'invocation_id' in record && 'author' in record && 'branch' in record;
    if (currentTypes.has(record.type)) {
      if (envelope && 'turn_complete' in record) return { confidence: 0.95, version: '0.3.3+' };
      if (envelope || 'agent_name' in record || isRecord(record.content)) return { confidence: 0.8, version: '0.1 – 0.3.2' };
      return undefined;
    }
    if (isLegacyType(record.type) && (envelope || 'agent_name' in record)) return { confidence: 0.85, version: '0.1 – 0.3.2' };
    return undefined;
  },
  createDecoder: createRunnerDecoder,
  createEncoder: createRunnerEncoder,
  losses: [
    { what: 'usage of steps and runs (llm_response needs the model turn)', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'cancel (written as an error with exception_type CancelledError)', direction: 'encode', code: 'approximated', level: 'warning' },
    { what: 'pause and resume (written as agent_message metadata paused / resumed)', direction: 'encode', code: 'approximated', level: 'warning' },
    { what: 'reasoning steps, activities, sources, citations, system messages', direction: 'encode', code: 'dropped', level: 'info', note: 'system messages: warning' },
    { what: 'data event names other than structured_output', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'non-object tool arguments, non-string tool results', direction: 'encode', code: 'approximated', level: 'info', note: 'arguments as {"input": …}, results as JSON text' },
    { what: 'member run input', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'missing time (timestamp is required)', direction: 'encode', code: 'approximated', level: 'info' },
    { what: 'run ids (no invocation_id on agent events)', direction: 'decode', code: 'minted', level: 'info' },
    { what: 'tool call ids of hierarchy A (before 0.3.1)', direction: 'decode', code: 'minted', level: 'info' },
    { what: 'run-start / run-end without agent_start / agent_end (0.3.4+)', direction: 'decode', code: 'invalid-sequence', level: 'info', note: 'a run without a final answer or error is left open (warning)' },
  ],
});

export { createRunnerDecoder, createRunnerEncoder };
export { isFinalResponse } from './is-final-response.js';
export type { RunnerDecodeOptions, RunnerEncodeOptions };
