import type { UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { answeredMessage, approvalContinuationChunks, approvalRequestChunks } from '../upstream/ai-sdk-ui-approval-continuation.js';

// An AI SDK approval response (`tool-approval-response`) through LangChain was lost without a
// report: the run snapshot LangChain is written from keeps no resume, and LangChain messages have
// no place for an approval (LangChain's HumanInTheLoopMiddleware keeps its decisions in the graph's
// interrupt; a rejection becomes an error ToolMessage, an approval nothing). The verdicts now ride in
// the run's lineage (`response_metadata.agent_event_bridge.run.resolutions`) and come back as the
// chunks useChat reads.

const paused = approvalRequestChunks;
const continuation = approvalContinuationChunks;

function throughLangChain(chunks: unknown[]) {
  const langchain = convert(chunks, { from: 'ai-sdk-ui', to: 'langchain' });
  return { langchain, back: convert(langchain.output, { from: 'langchain', to: 'ai-sdk-ui' }) };
}

/** What useChat shows of the tool call. */
function toolPart(message: UIMessage | undefined): unknown {
  const part = message?.parts.find((each) => 'toolCallId' in each && each.toolCallId === 'call-1') as Record<string, unknown> | undefined;
  return part === undefined ? undefined : { state: part.state, approval: part.approval, output: part.output };
}

describe('approval records through LangChain', () => {
  it('a pending approval comes back to useChat as approval-requested, the call in tool_calls and the request in the lineage', async () => {
    const { langchain, back } = throughLangChain(paused);
    expect(langchain.output).toMatchObject([
      { kwargs: { tool_calls: [{ id: 'call-1', name: 'deleteFile' }], response_metadata: { agent_event_bridge: { run: { status: 'paused', requirements: [{ id: 'approval-1', kind: 'confirmation', toolCallId: 'call-1' }] } } } } },
    ]);
    expect(toolPart((await readChunks(back.output)).message)).toEqual(toolPart((await readChunks(paused)).message));
  });

  it.each([true, false])('a verdict (approved: %s) comes back to useChat as the same tool-approval-response', async (approved) => {
    const chunks = continuation(approved);
    const { langchain, back } = throughLangChain(chunks);
    expect(langchain.issues.filter((issue) => issue.level !== 'info')).toEqual([]);
    const [first] = langchain.output as { id: string[]; kwargs: Record<string, unknown> }[];
    expect(first?.kwargs.response_metadata).toMatchObject({
      agent_event_bridge: { run: { resolutions: [{ requirementId: 'approval-1', approved, reason: approved ? 'go ahead' : 'not that file' }] } },
    });
    // A rejection is an error ToolMessage, as LangChain's HumanInTheLoopMiddleware writes one.
    if (!approved) expect(first).toMatchObject({ id: ['langchain_core', 'messages', 'ToolMessage'], kwargs: { tool_call_id: 'call-1', status: 'error' } });
    const responses = (back.output as Record<string, unknown>[]).filter((chunk) => chunk.type === 'tool-approval-response');
    expect(responses).toEqual((chunks as Record<string, unknown>[]).filter((chunk) => chunk.type === 'tool-approval-response'));
    const expected = await readChunks(chunks, answeredMessage(approved));
    const read = await readChunks(back.output, answeredMessage(approved));
    expect(read.error).toBeUndefined();
    expect(toolPart(read.message)).toEqual(toolPart(expected.message));
    expect(toolPart(read.message)).toMatchObject({ state: approved ? 'output-available' : 'output-denied', approval: { id: 'approval-1', approved } });
  });

  it('the start chunk carries no approval field', () => {
    const { back } = throughLangChain(continuation(false));
    expect(back.output[0]).toEqual({ type: 'start', messageId: 'msg-1' });
  });

  it.each(['runner', 'ai-sdk-stream'] as const)('a verdict through %s comes back as the same tool-approval-response', (target) => {
    const chunks = continuation(false);
    const written = convert(chunks, { from: 'ai-sdk-ui', to: target }).output;
    const back = convert(written, { from: target, to: 'ai-sdk-ui' }).output as Record<string, unknown>[];
    expect(back.filter((chunk) => chunk.type === 'tool-approval-response')).toEqual((chunks as Record<string, unknown>[]).filter((chunk) => chunk.type === 'tool-approval-response'));
  });

  it.each(['agno', 'agno-legacy'] as const)('a verdict written as %s, whose RunContinued holds none, is reported', (target) => {
    const { issues } = convert(continuation(false), { from: 'ai-sdk-ui', to: target });
    expect(issues.filter((issue) => issue.eventType === 'run-resume')).toMatchObject([{ code: 'dropped', format: target }]);
  });
});
