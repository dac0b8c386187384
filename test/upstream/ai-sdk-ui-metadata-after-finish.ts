// A UI message stream whose server writes message metadata after `finish`, as a route does when it
// learns the usage or a title once the model is done (ai's `UIMessageStreamWriter.write` accepts a
// `message-metadata` chunk at any time). ai 7's processUIMessageStream
// (packages/ai/src/ui/process-ui-message-stream.ts, `case "message-metadata"`) merges it into the
// metadata of the message it is building, the one `finish` just ended: useChat shows one assistant
// message with that metadata, not a second message.

/** The chunks: one answered message, then its metadata. */
export const metadataAfterFinishChunks: unknown[] = [
  { type: 'start', messageId: 'msg-1' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Paris is the capital of France.' },
  { type: 'text-end', id: 't1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'stop' },
  { type: 'message-metadata', messageMetadata: { totalTokens: 42, title: 'Capital of France' } },
];
