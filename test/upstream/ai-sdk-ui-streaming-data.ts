// The data parts of the AI SDK's "Streaming Custom Data" guide (ai 6 docs,
// docs/04-ai-sdk-ui/20-streaming-data.mdx): a route writes a `data-weather` part while it loads,
// a transient `data-notification`, the model's answer, and then the same `data-weather` id again
// with the result, which useChat reconciles into the first part. Written here with ai 7's own
// createUIMessageStream around the answer streamText would give.
import { createUIMessageStream } from 'ai';

/** The chunks the route streams, as JSON records. */
export async function streamingDataChunks(): Promise<unknown[]> {
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      writer.write({ type: 'start', messageId: 'msg-weather' });
      writer.write({ type: 'data-weather', id: 'weather-1', data: { city: 'San Francisco', status: 'loading' } });
      writer.write({ type: 'data-notification', data: { message: 'Processing your request...', level: 'info' }, transient: true });
      writer.write({ type: 'start-step' });
      writer.write({ type: 'text-start', id: 't1' });
      writer.write({ type: 'text-delta', id: 't1', delta: 'It is sunny in San Francisco.' });
      writer.write({ type: 'text-end', id: 't1' });
      writer.write({ type: 'finish-step' });
      writer.write({ type: 'data-weather', id: 'weather-1', data: { city: 'San Francisco', weather: 'sunny', status: 'success' } });
      writer.write({ type: 'finish', finishReason: 'stop' });
    },
  });
  const chunks: unknown[] = [];
  for await (const chunk of stream) chunks.push(JSON.parse(JSON.stringify(chunk)));
  return chunks;
}
