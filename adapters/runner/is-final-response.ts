import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { partType, partsOf, textOf } from './content.js';

/**
 * `Event.is_final_response()` of langchain_adk 0.3.x on a record as JSON: a non-partial
 * `agent_message` without tool calls, ReAct step or error flag, with text or structured data
 * (or `actions.skip_summarization`). Sub-agent answers (non-empty `branch`) are final too.
 */
export function isFinalResponse(record: unknown): boolean {
  if (!isRecord(record)) return false;
  if (record.partial === true) return false;
  if (record.type !== 'agent_message') return false;
  const parts = partsOf(record);
  if (parts.some((part) => partType(part) === 'tool_call')) return false;
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  if (truthy(metadata.react_step)) return false;
  if (truthy(metadata.error)) return false;
  if (isRecord(record.actions) && truthy(record.actions.skip_summarization)) return true;
  if (textOf(parts) !== '') return true;
  const data = parts.find((part) => partType(part) === 'data')?.data;
  return isRecord(data) && Object.keys(data).length > 0;
}

/** Python truthiness of a JSON value. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}
