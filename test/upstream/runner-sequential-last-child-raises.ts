// langchain_adk 0.3.14 Runner events (model_dump JSON) of a SequentialAgent "pipeline" whose last
// child's model call raises. Shapes from /work/shared/reference/runner-events.md: the branch of
// a composite's child is its name (§6, tests/test_branch_attribution.py), composites emit nothing
// themselves (§4.5), and an LLM exception ends the child with one agent_message carrying
// metadata {error: true, exception_type} after which its astream returns (§4.2), so the turn ends.

const actions = { state_delta: {}, transfer_to_agent: null, escalate: null, skip_summarization: null, end_of_agent: null, compaction: null };

function event(id: number, author: string, partial: boolean | null, text: string, metadata: Record<string, unknown> = {}) {
  return {
    id: `00000000-0000-4000-8000-00000000000${id}`,
    type: 'agent_message',
    timestamp: 1780000000 + id,
    invocation_id: '',
    session_id: 'session-1',
    author,
    agent_name: author,
    branch: author,
    partial,
    turn_complete: partial !== true,
    content: { role: null, parts: [{ type: 'text', text, metadata: {} }] },
    actions,
    metadata,
    llm_response: null,
  };
}

/** The records of the turn: the first child answers, the second one's model call raises. */
export const sequentialLastChildRaises: unknown[] = [
  event(1, 'drafter', true, 'Draft ready.'),
  event(2, 'drafter', false, 'Draft ready.'),
  event(3, 'reviewer', null, 'Error code: 429 - rate limit exceeded', { error: true, exception_type: 'RateLimitError' }),
];
