// Real ai 7 `streamText` runs whose model calls a tool with input the tool cannot take, built with
// the `ai` package's own MockLanguageModelV4 from ai's
// packages/ai/src/generate-text/stream-text.test.ts ("invalid tool calls" / "single invalid tool
// call": `{ "cities": "San Francisco" }` for a tool that takes `city`), and the same call with
// arguments that are not JSON at all. streamText marks the call `invalid`, keeps its input (the
// parsed object, or the raw text) and answers it with a tool-error; toUIMessageStream says both in
// one `tool-input-error` chunk.
import { streamText, tool } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';
import { z } from 'zod';

const usage = {
  inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

/** The arguments the model sends: upstream's wrong field, or text that is not JSON. */
export const invalidArguments = { 'a wrong field': '{ "cities": "San Francisco" }', 'text that is not JSON': '{ "city": "San Fran' } as const;

function run(input: string) {
  const model = new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'tool-input-start', id: 'call-1', toolName: 'cityAttractions' },
        { type: 'tool-input-delta', id: 'call-1', delta: input },
        { type: 'tool-input-end', id: 'call-1' },
        { type: 'tool-call', toolCallId: 'call-1', toolName: 'cityAttractions', input },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
      ]),
    }),
  });
  return streamText({ model, prompt: 'test-input', tools: { cityAttractions: tool({ inputSchema: z.object({ city: z.string() }) }) } });
}

/** The `stream` (fullStream) parts of the run, as JSON records. */
export async function invalidToolInputStream(input: string): Promise<unknown[]> {
  const parts: unknown[] = [];
  for await (const part of run(input).stream) parts.push(JSON.parse(JSON.stringify(part)));
  return parts;
}

/** The UI message chunks of the run (as useChat receives them). */
export async function invalidToolInputChunks(input: string): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of run(input).toUIMessageStream()) chunks.push(chunk);
  return chunks;
}
