import { type UIMessage, type UIMessageChunk, readUIMessageStream, uiMessageChunkSchema } from 'ai';

/** What `readUIMessageStream({terminateOnError: true})` made of a chunk list: the last message, and the error that ended it. */
export interface ReadResult {
  message: UIMessage | undefined;
  error: string | undefined;
}

/**
 * Feeds chunks to the AI SDK's own reducer, as useChat does, stopping at the first protocol error.
 * @param continues the message a continuation stream updates (useChat's last assistant message).
 */
export async function readChunks(chunks: readonly unknown[], continues?: UIMessage): Promise<ReadResult> {
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as UIMessageChunk);
      controller.close();
    },
  });
  let message: UIMessage | undefined;
  try {
    for await (const snapshot of readUIMessageStream({ stream, terminateOnError: true, ...(continues === undefined ? {} : { message: continues }) })) message = snapshot;
    return { message, error: undefined };
  } catch (error) {
    return { message, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The chunks `uiMessageChunkSchema` rejects, with the reason. */
export async function invalidChunks(chunks: readonly unknown[]): Promise<{ chunk: unknown; error: string }[]> {
  const schema = uiMessageChunkSchema();
  const invalid: { chunk: unknown; error: string }[] = [];
  for (const chunk of chunks) {
    const result = await schema.validate?.(chunk);
    if (result !== undefined && !result.success) invalid.push({ chunk, error: String(result.error) });
  }
  return invalid;
}
