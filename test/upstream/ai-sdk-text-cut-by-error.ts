// A real ai 7 `streamText` run whose model fails in the middle of its answer, built with the `ai`
// package's own MockLanguageModelV4. The model stream follows ai's
// packages/ai/src/generate-text/stream-text.test.ts ("should forward error in doStream as error
// stream part"), with a text already started: streamText forwards the error part, never ends the
// text, and still closes the step and the stream (finish-step and finish with finishReason
// "error"). The text was cut: no target may say it was done.
import { streamText } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';

function failingModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'response-metadata', id: 'resp-1', modelId: 'mock-model', timestamp: new Date(0) },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'The answer is' },
        { type: 'error', error: 'upstream connection reset' },
      ]),
    }),
  });
}

/** The `stream` (fullStream) parts of the failed run, as JSON records. */
export async function textCutByErrorStream(): Promise<unknown[]> {
  const result = streamText({ model: failingModel(), prompt: 'What is the answer?', onError: () => {} });
  const parts: unknown[] = [];
  for await (const part of result.stream) parts.push(JSON.parse(JSON.stringify(part)));
  return parts;
}

/** The UI message chunks of the failed run, the error text shown as it is (as useChat receives them). */
export async function textCutByErrorChunks(): Promise<unknown[]> {
  const result = streamText({ model: failingModel(), prompt: 'What is the answer?', onError: () => {} });
  const chunks: unknown[] = [];
  for await (const chunk of result.toUIMessageStream({ onError: (error) => String(error) })) chunks.push(chunk);
  return chunks;
}
