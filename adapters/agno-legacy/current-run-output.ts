import type { Run } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type JsonPatch, diffJson } from '../../src/pipeline/json-patch.js';
import { writeRunOutput } from '../agno/index.js';

/** 1.x metric keys and their 2.x names (reference §8); `null` marks keys 2.x removed. */
const metricNames: Readonly<Record<string, string | null>> = {
  time: 'duration',
  audio_tokens: 'audio_total_tokens',
  input_audio_tokens: 'audio_input_tokens',
  output_audio_tokens: 'audio_output_tokens',
  cached_tokens: 'cache_read_tokens',
  prompt_tokens: null,
  completion_tokens: null,
  prompt_tokens_details: null,
  completion_tokens_details: null,
};

/** 2.x `ToolExecution` keys a 1.x tool execution lacks, written as agno 2.9.0 writes them unset. */
const addedToolKeys = ['child_run_id', 'user_feedback_schema', 'answered', 'external_execution_silent', 'approval_type', 'approval_id'];

/** Renames 1.x `MessageMetrics` to 2.x `MessageMetrics`; like 2.x, zeros are left out. */
function currentMetrics(metrics: unknown): unknown {
  if (!isRecord(metrics)) return metrics;
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metrics)) {
    const name = key in metricNames ? metricNames[key] : key;
    if (name === null || name === undefined || value === 0) continue;
    renamed[name] = value;
  }
  return renamed;
}

/** The non-empty texts joined by a newline, as the official migration joins `thinking` and `reasoning_content`. */
export function joined(...texts: unknown[]): string | undefined {
  const present = texts.filter((text): text is string => typeof text === 'string' && text !== '');
  return present.length === 0 ? undefined : present.join('\n');
}

/** A 1.x `Message.to_dict()` as 2.x writes it: `thinking` merged into `reasoning_content`, metrics renamed. */
export function currentMessage(message: unknown): unknown {
  if (!isRecord(message)) return message;
  const current: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    if (key === 'thinking' || key === 'reasoning_content') continue;
    if (key === 'redacted_thinking') current.redacted_reasoning_content = value;
    else if (key === 'metrics') current.metrics = currentMetrics(value);
    else current[key] = value;
  }
  // The official migration: reasoning_content = thinking + "\n" + reasoning_content.
  const reasoning = joined(message.thinking, message.reasoning_content);
  if (reasoning !== undefined) current.reasoning_content = reasoning;
  return current;
}

/** A 1.x `ToolExecution.to_dict()` as 2.9.0 writes it: the added keys as null, `metrics.time` → `duration`. */
export function currentToolExecution(tool: unknown): unknown {
  if (!isRecord(tool)) return tool;
  const current: Record<string, unknown> = { ...tool, metrics: currentMetrics(tool.metrics) ?? null };
  for (const key of addedToolKeys) current[key] ??= null;
  return current;
}

/**
 * The patch that makes the agno adapter write a stored 1.x run as the `RunOutput` agno 2.x
 * itself would hold for it (reference §8, §13.7): what the canonical run cannot carry — the
 * content of a run that says RUNNING, the `tools` list, message timestamps and metrics,
 * `extra_data` — is lifted from the 1.x record, renamed; `formatted_tool_calls` and
 * `team_session_id` are left behind. It goes into the run's `ext.agno.aggregate`, where the agno
 * adapter's `writeRunOutput` applies it.
 * @param run the canonical run read from `record`, members already bridged.
 */
export function currentRunOutputPatch(record: Record<string, unknown>, run: Run): JsonPatch | undefined {
  const derived = writeRunOutput(run);
  const current: Record<string, unknown> = structuredClone(derived);
  if (!('content' in current) && record.content !== undefined && record.content !== null) {
    current.content = record.content;
    current.content_type = record.content_type ?? 'str';
  }
  const reasoning = joined(record.thinking, record.reasoning_content);
  if (reasoning !== undefined) current.reasoning_content = reasoning;
  if (Array.isArray(record.messages)) current.messages = record.messages.map(currentMessage);
  if (Array.isArray(record.tools)) current.tools = record.tools.map(currentToolExecution);
  for (const key of ['citations', 'images', 'videos', 'audio', 'response_audio']) {
    if (record[key] !== undefined && record[key] !== null) current[key] = record[key];
  }
  const extraData = isRecord(record.extra_data) ? record.extra_data : {};
  if (Array.isArray(extraData.references)) current.references = extraData.references;
  if (Array.isArray(extraData.add_messages)) current.additional_input = extraData.add_messages.map(currentMessage);
  if (Array.isArray(extraData.reasoning_steps)) current.reasoning_steps = extraData.reasoning_steps;
  if (Array.isArray(extraData.reasoning_messages)) current.reasoning_messages = extraData.reasoning_messages.map(currentMessage);
  return diffJson(current, derived);
}
