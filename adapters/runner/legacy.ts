import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { partsOf, textOf } from './content.js';
import { type LegacyEventType, legacyEventTypes } from './schema.js';

/** A record in the shape of the unified `Event`, as the decoder reads it. */
export interface UnifiedView {
  type: string;
  partial: boolean;
  content: { parts: Record<string, unknown>[] };
  metadata: Record<string, unknown>;
  actions: Record<string, unknown>;
  llm_response: unknown;
  /** Partial text restates everything so far (every legacy partial; ReAct answers). */
  cumulative?: boolean;
}

const legacyTypes = new Set<string>(legacyEventTypes);

/** Whether a `type` belongs to the typed event classes of langchain_adk 0.1 – 0.3.2. */
export function isLegacyType(type: unknown): type is LegacyEventType {
  return typeof type === 'string' && legacyTypes.has(type);
}

function text(value: string): Record<string, unknown> {
  return { type: 'text', text: value, metadata: {} };
}

function stringOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Reads a record as the unified `Event` (0.3.3+) it corresponds to, following the mapping of
 * commit 0e945fe: typed classes of hierarchy A (0.1 – 0.2.4, loose string fields, content null)
 * and B (0.2.5 – 0.3.2, text in content parts) become agent_message / tool_response.
 * @param parts the record's parts (`partsOf`), when the caller has them already.
 */
export function unifiedView(record: Record<string, unknown>, parts: Record<string, unknown>[] = partsOf(record)): UnifiedView {
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  const view: UnifiedView = {
    type: String(record.type),
    partial: record.partial === true,
    content: { parts },
    metadata,
    actions: isRecord(record.actions) ? record.actions : {},
    llm_response: record.llm_response ?? null,
  };
  if (!isLegacyType(record.type)) return view;
  // Hierarchy A kept the text in a loose field; B moved it into a TextPart.
  const loose = (field: string): Record<string, unknown>[] => (typeof record[field] === 'string' ? [text(record[field])] : parts);
  switch (record.type) {
    case 'thought':
      return { ...view, type: 'agent_message', cumulative: true, content: { parts: loose('thought') }, metadata: { ...metadata, react_step: 'thought', scratchpad: record.scratchpad ?? '' } };
    case 'action':
      return { ...view, type: 'agent_message', content: { parts: [] }, metadata: { ...metadata, react_step: 'action', action: record.action ?? null, action_input: record.action_input ?? null } };
    case 'observation':
      return { ...view, type: 'agent_message', content: { parts: loose('observation') }, metadata: { ...metadata, react_step: 'observation', tool_name: record.tool_name ?? null } };
    case 'final_answer': {
      const answer = loose('answer');
      // 0.2.3 – 0.2.4 kept structured output in its own field; B made it a DataPart.
      const structured = isRecord(record.structured_output) ? [{ type: 'data', data: record.structured_output, metadata: {} }] : [];
      return { ...view, type: 'agent_message', cumulative: true, content: { parts: [...answer, ...structured] } };
    }
    case 'tool_call': {
      const args = isRecord(record.tool_input) ? record.tool_input : { input: record.tool_input ?? null };
      const call = { type: 'tool_call', tool_call_id: metadata.tool_call_id, tool_name: stringOf(record.tool_name), args, metadata: {} };
      return { ...view, type: 'agent_message', content: { parts: [call] } };
    }
    case 'tool_result': {
      const result = 'result' in record ? stringOf(record.result) : textOf(parts);
      const error = typeof record.error === 'string' ? record.error : null;
      const response = { type: 'tool_response', tool_call_id: metadata.tool_call_id, tool_name: stringOf(record.tool_name), result, error, metadata: {} };
      return { ...view, type: 'tool_response', content: { parts: [response] } };
    }
    case 'error':
      return { ...view, type: 'agent_message', content: { parts: [text(stringOf(record.message))] }, metadata: { ...metadata, error: true, exception_type: record.exception_type ?? null } };
    default:
      return view;
  }
}
