/** Builds Runner `Event` records in full `model_dump` form for tests. */

let counter = 0;

/** A `TextPart`. */
export function textPart(text: string) {
  return { type: 'text', text, metadata: {} };
}

/** A `ToolCallPart`. */
export function toolCallPart(toolCallId: string, toolName: string, args: Record<string, unknown>) {
  return { type: 'tool_call', tool_call_id: toolCallId, tool_name: toolName, args, metadata: {} };
}

/** A `ToolResponsePart`; an error leaves `result` empty, as LlmAgent writes it. */
export function toolResponsePart(toolCallId: string, toolName: string, result: string, error: string | null = null) {
  return { type: 'tool_response', tool_call_id: toolCallId, tool_name: toolName, result, error, metadata: {} };
}

/** One record with every field, defaults as langchain_adk 0.3.14 writes them. */
export function runnerRecord(type: string, fields: Record<string, unknown> = {}, parts: unknown[] = []): Record<string, unknown> {
  counter += 1;
  const author = typeof fields.author === 'string' ? fields.author : 'Agent';
  return {
    id: `00000000-0000-0000-9999-${String(counter).padStart(12, '0')}`,
    type,
    timestamp: 1773590400 + counter / 4,
    invocation_id: '',
    session_id: 'session-1',
    author,
    agent_name: type === 'user_message' ? null : author,
    branch: '',
    partial: null,
    turn_complete: fields.partial !== true,
    content: { role: null, parts },
    actions: { state_delta: {}, transfer_to_agent: null, escalate: null, skip_summarization: null, end_of_agent: null, compaction: null },
    metadata: {},
    llm_response: null,
    ...fields,
  };
}
