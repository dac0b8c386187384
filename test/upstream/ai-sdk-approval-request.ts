// A real ai 7 `streamText` run that stops for two tool approvals, built with the `ai` package's own
// MockLanguageModelV4 as ai's packages/ai/src/generate-text/stream-text.test.ts ("tool execution
// approval") builds one: the model calls a tool whose `needsApproval` is true twice in one step, so
// streamText writes a `tool-approval-request` after each call, ends the step and finishes with
// `tool-calls` without running either.
import { jsonSchema, streamText, tool } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';

const usage = {
  inputTokens: { total: 9, noCache: 9, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 14, text: 14, reasoning: undefined },
};

function run() {
  let ids = 0;
  const model = new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'response-metadata', id: 'resp-1', modelId: 'mock-model', timestamp: new Date(0) },
        { type: 'tool-call', toolCallId: 'call-1', toolName: 'deleteFile', input: '{"path":"/tmp/a"}' },
        { type: 'tool-call', toolCallId: 'call-2', toolName: 'deleteFile', input: '{"path":"/tmp/b"}' },
        { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
      ]),
    }),
  });
  return streamText({
    model,
    prompt: 'Delete /tmp/a and /tmp/b',
    // Fixed ids and clock, as upstream's tests fix them: the approval ids and step times repeat.
    _internal: { generateId: () => `approval-${++ids}`, now: () => 0 },
    tools: { deleteFile: tool({ inputSchema: jsonSchema({ type: 'object' }), needsApproval: true, execute: async () => 'deleted' }) },
  });
}

/** The `stream` (fullStream) parts of the run, as JSON records. */
export async function approvalRequestStream(): Promise<unknown[]> {
  const parts: unknown[] = [];
  for await (const part of run().stream) parts.push(JSON.parse(JSON.stringify(part)));
  return parts;
}

/** The UI message chunks of the run (as useChat receives them). */
export async function approvalRequestStreamChunks(): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of run().toUIMessageStream()) chunks.push(chunk);
  return chunks;
}
