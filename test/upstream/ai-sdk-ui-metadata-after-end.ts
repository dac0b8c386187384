// UI message streams whose server writes message metadata after the message ended otherwise than
// by a plain `finish`: after an `error` (a route's onError, then its metadata, as
// `UIMessageStreamWriter.write` accepts a `message-metadata` chunk at any time), after the
// `finish` of a run waiting for a tool approval, and after an `abort`. ai 7's
// processUIMessageStream (packages/ai/src/ui/process-ui-message-stream.ts, `case "message-metadata"`)
// merges it into the metadata of the message it is building whatever came before: useChat shows one
// assistant message with that metadata.

/** A run whose model fails in the middle of its text, then its metadata. */
export const metadataAfterErrorChunks: unknown[] = [
  { type: 'start', messageId: 'msg-failed' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'The capital of France is' },
  { type: 'error', errorText: 'The model is overloaded.' },
  { type: 'message-metadata', messageMetadata: { failedAfterMs: 1200 } },
];

/** A run that waits for the approval of a tool call, then its metadata. */
export const metadataAfterPauseChunks: unknown[] = [
  { type: 'start', messageId: 'msg-paused' },
  { type: 'start-step' },
  { type: 'tool-input-available', toolCallId: 'call-1', toolName: 'deleteFile', input: { path: '/tmp/report.txt' } },
  { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'call-1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'tool-calls' },
  { type: 'message-metadata', messageMetadata: { waitingFor: 'approval' } },
];

/** A run the user stopped between two steps, then its metadata. */
export const metadataAfterAbortChunks: unknown[] = [
  { type: 'start', messageId: 'msg-stopped' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Let me think.' },
  { type: 'text-end', id: 't1' },
  { type: 'abort', reason: 'stopped by the user' },
  { type: 'message-metadata', messageMetadata: { stoppedAfterMs: 300 } },
];
