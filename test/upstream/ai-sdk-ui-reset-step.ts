// A UI message stream whose first step is discarded by `reset-step` while a tool call was still
// streaming its input. ai 7's processUIMessageStream (packages/ai/src/ui/process-ui-message-stream.ts,
// `case "reset-step"`) removes the parts of the current step, partial tool calls included: useChat
// never shows that call, and it never completed.

/** The chunks: the discarded step holds a half-streamed deleteFile call, the retried step a text. */
export const resetStepDiscardsAToolCall: unknown[] = [
  { type: 'start', messageId: 'msg-1' },
  { type: 'start-step' },
  { type: 'tool-input-start', toolCallId: 'call-1', toolName: 'deleteFile' },
  { type: 'tool-input-delta', toolCallId: 'call-1', inputTextDelta: '{"path":"/tmp/a' },
  { type: 'reset-step' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'I did not delete anything.' },
  { type: 'text-end', id: 't1' },
  { type: 'finish-step' },
  { type: 'finish' },
];
