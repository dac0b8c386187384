// The UI message streams of a tool approval, as ai 7 writes them: the run that stops for the
// approval (`tool-approval-request`, then `finish`; packages/ai/src/generate-text/stream-text.ts
// with a tool whose `needsApproval` is true), and the continuation once the user answered, which
// opens with the verdict (`tool-approval-response`) and what came of it (`tool-output-available`, or
// `tool-output-denied` as stream-text.test.ts's "tool execution approval" / denied case streams it).
import type { UIMessage } from 'ai';

/** The run that waits for the approval of its call. */
export const approvalRequestChunks: unknown[] = [
  { type: 'start', messageId: 'msg-1' },
  { type: 'start-step' },
  { type: 'tool-input-available', toolCallId: 'call-1', toolName: 'deleteFile', input: { path: '/tmp/report.txt' } },
  { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'call-1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'tool-calls' },
];

/** The continuation after the user's verdict. */
export function approvalContinuationChunks(approved: boolean): unknown[] {
  return [
    { type: 'start', messageId: 'msg-1' },
    { type: 'tool-approval-response', approvalId: 'approval-1', approved, reason: approved ? 'go ahead' : 'not that file' },
    approved ? { type: 'tool-output-available', toolCallId: 'call-1', output: 'deleted' } : { type: 'tool-output-denied', toolCallId: 'call-1' },
    { type: 'start-step' },
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: approved ? 'Deleted.' : 'I left it alone.' },
    { type: 'text-end', id: 't1' },
    { type: 'finish-step' },
    { type: 'finish', finishReason: 'stop' },
  ];
}

/** The assistant message useChat holds when the continuation arrives, after the user's verdict. */
export function answeredMessage(approved: boolean): UIMessage {
  return {
    id: 'msg-1',
    role: 'assistant',
    parts: [
      { type: 'step-start' },
      {
        type: 'tool-deleteFile',
        toolCallId: 'call-1',
        state: 'approval-responded',
        input: { path: '/tmp/report.txt' },
        approval: { id: 'approval-1', approved, reason: approved ? 'go ahead' : 'not that file' },
      },
    ],
  };
}
