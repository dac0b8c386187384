// A real ai 7 `streamText` run stopped by its abort signal in the middle of its answer, built with
// the `ai` package's own MockLanguageModelV4. The model stream follows ai's
// packages/ai/src/generate-text/stream-text.test.ts ("options.abortSignal": the run is aborted
// while the model streams): streamText forwards an `abort` part and never ends the text. The text
// was cut: no target may say it was done.
import { streamText } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

/** A model that streams the start of its answer, then waits until the run is aborted. */
function stalledModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doStream: async ({ abortSignal }) => ({
      stream: new ReadableStream({
        start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'response-metadata', id: 'resp-1', modelId: 'mock-model', timestamp: new Date(0) });
          controller.enqueue({ type: 'text-start', id: 't1' });
          controller.enqueue({ type: 'text-delta', id: 't1', delta: 'The answer is' });
          abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
        },
      }),
    }),
  });
}

/** The run, aborted as soon as its first text delta arrives. */
function abortedRun() {
  const controller = new AbortController();
  const result = streamText({ model: stalledModel(), prompt: 'What is the answer?', abortSignal: controller.signal });
  return { result, abort: () => controller.abort() };
}

/** The `stream` (fullStream) parts of the aborted run, as JSON records. */
export async function textCutByAbortStream(): Promise<unknown[]> {
  const { result, abort } = abortedRun();
  const parts: unknown[] = [];
  for await (const part of result.stream) {
    parts.push(JSON.parse(JSON.stringify(part)));
    if (part.type === 'text-delta') abort();
  }
  return parts;
}

/** The UI message chunks of the aborted run (as useChat receives them). */
export async function textCutByAbortChunks(): Promise<unknown[]> {
  const { result, abort } = abortedRun();
  const chunks: unknown[] = [];
  for await (const chunk of result.toUIMessageStream()) {
    chunks.push(chunk);
    if (chunk.type === 'text-delta') abort();
  }
  return chunks;
}
