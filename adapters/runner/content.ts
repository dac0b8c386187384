import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** The parts of a record's `content` (`[]` when content is null, as in legacy hierarchy A). */
export function partsOf(record: Record<string, unknown>): Record<string, unknown>[] {
  const content = record.content;
  if (!isRecord(content) || !Array.isArray(content.parts)) return [];
  return content.parts.filter(isRecord);
}

/** `Event.text`: the text parts joined without a separator. */
export function textOf(parts: readonly Record<string, unknown>[]): string {
  let text = '';
  for (const part of parts) {
    if (partType(part) === 'text' && typeof part.text === 'string') text += part.text;
  }
  return text;
}

/**
 * The type of a part; a part without `type` is told by its fields, as pydantic's smart union does.
 */
export function partType(part: Record<string, unknown>): string | undefined {
  if (typeof part.type === 'string') return part.type;
  if (typeof part.tool_call_id === 'string') return 'result' in part || 'error' in part ? 'tool_response' : 'tool_call';
  if (typeof part.text === 'string') return 'text';
  if (isRecord(part.data)) return 'data';
  return undefined;
}
