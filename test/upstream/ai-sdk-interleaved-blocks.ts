// A real ai 7 `streamText` run whose model interleaves two text blocks and two reasoning blocks,
// built with the `ai` package's own MockLanguageModelV4 from the model stream of ai's
// packages/ai/src/generate-text/stream-text.test.ts ("mixed multi content streaming with
// interleaving parts" / "mixed text and reasoning blocks"): text 1 says "Hello, world!" and text 2
// "This is a test." with their deltas alternating, reasoning 0 and 3 likewise.
import { streamText } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';

const usage = {
  inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

function interleavingModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'reasoning-start', id: '0' },
        { type: 'text-start', id: '1' },
        { type: 'reasoning-delta', id: '0', delta: 'Thinking...' },
        { type: 'text-delta', id: '1', delta: 'Hello' },
        { type: 'text-delta', id: '1', delta: ', ' },
        { type: 'text-start', id: '2' },
        { type: 'text-delta', id: '2', delta: 'This ' },
        { type: 'text-delta', id: '2', delta: 'is ' },
        { type: 'reasoning-start', id: '3' },
        { type: 'reasoning-delta', id: '0', delta: "I'm thinking..." },
        { type: 'reasoning-delta', id: '3', delta: 'Separate thoughts' },
        { type: 'text-delta', id: '2', delta: 'a' },
        { type: 'text-delta', id: '1', delta: 'world!' },
        { type: 'reasoning-end', id: '0' },
        { type: 'text-delta', id: '2', delta: ' test.' },
        { type: 'text-end', id: '2' },
        { type: 'reasoning-end', id: '3' },
        { type: 'text-end', id: '1' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
      ]),
    }),
  });
}

/** The `stream` (fullStream) parts of the run, as JSON records. */
export async function interleavedBlocksStream(): Promise<unknown[]> {
  const result = streamText({ model: interleavingModel(), prompt: 'test-input' });
  const parts: unknown[] = [];
  for await (const part of result.stream) parts.push(JSON.parse(JSON.stringify(part)));
  return parts;
}

/** The UI message chunks of the run (as useChat receives them). */
export async function interleavedBlocksChunks(): Promise<unknown[]> {
  const result = streamText({ model: interleavingModel(), prompt: 'test-input' });
  const chunks: unknown[] = [];
  for await (const chunk of result.toUIMessageStream()) chunks.push(chunk);
  return chunks;
}
