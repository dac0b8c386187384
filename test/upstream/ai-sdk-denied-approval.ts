// A real ai 7 `streamText` run resumed after the user denied a tool approval, built with the
// `ai` package's own MockLanguageModelV4. The exchange follows ai's
// packages/ai/src/generate-text/stream-text.test.ts ("tool execution approval" / denied): the
// prompt holds the assistant's tool call, its approval request and a denied approval response,
// so streamText opens the stream with `tool-output-denied` and the model then answers in text.
import { jsonSchema, streamText, tool } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 6, text: 6, reasoning: undefined },
};

/** The `stream` (fullStream) parts of the resumed run, as JSON records. */
export async function deniedApprovalStream(): Promise<unknown[]> {
  const model = new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'response-metadata', id: 'resp-2', modelId: 'mock-model', timestamp: new Date(0) },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'Understood, I left the file alone.' },
        { type: 'text-end', id: 't1' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
      ]),
    }),
  });
  const result = streamText({
    model,
    tools: { deleteFile: tool({ inputSchema: jsonSchema({ type: 'object' }), needsApproval: true, execute: async () => 'deleted' }) },
    messages: [
      { role: 'user', content: 'Delete /tmp/a' },
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'c4', toolName: 'deleteFile', input: { path: '/tmp/a' } },
          { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'c4' },
        ],
      },
      { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: 'approval-1', approved: false, reason: 'not that file' }] },
    ],
  });
  const parts: unknown[] = [];
  for await (const part of result.stream) parts.push(JSON.parse(JSON.stringify(part)));
  return parts;
}
