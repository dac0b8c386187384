import type { UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { fromUIMessages, toUIMessages } from '../../adapters/ai-sdk/index.js';

/** An assistant message of a tool the user had to approve, in one of the states useChat gives it. */
function approvalMessage(tool: Record<string, unknown>): UIMessage[] {
  return [
    { id: 'user-1', role: 'user', parts: [{ type: 'text', text: 'Delete the old report' }] },
    {
      id: 'run-1',
      role: 'assistant',
      parts: [{ type: 'step-start' }, { type: 'text', text: 'I need your say first.', state: 'done' }, { type: 'dynamic-tool', toolName: 'delete_file', toolCallId: 'call_delete', input: { path: '/tmp/report.txt' }, ...tool }],
    } as UIMessage,
  ];
}

const states: Record<string, Record<string, unknown>> = {
  'approval-requested': { state: 'approval-requested', approval: { id: 'approval-1' } },
  'approval-responded (approved)': { state: 'approval-responded', approval: { id: 'approval-1', approved: true } },
  'approval-responded (denied with a reason)': { state: 'approval-responded', approval: { id: 'approval-1', approved: false, reason: 'keep the report' } },
  'output-denied': { state: 'output-denied', approval: { id: 'approval-1', approved: false, reason: 'keep the report' } },
  'output-available after an approval': { state: 'output-available', output: 'Deleted /tmp/report.txt', approval: { id: 'approval-1', approved: true } },
};

describe('approvals survive fromUIMessages and toUIMessages', () => {
  for (const [name, tool] of Object.entries(states)) {
    it(`a tool part in ${name} comes back with its state and approval`, () => {
      const messages = approvalMessage(tool);
      const back = toUIMessages([fromUIMessages(messages)]);
      const part = back[1]?.parts.find((each) => 'toolCallId' in each);
      expect(part).toEqual(messages[1]?.parts[2]);
    });
  }

  it('a conversation waiting for an approval is a paused run with the confirmation it waits for', () => {
    const run = fromUIMessages(approvalMessage(states['approval-requested'] as Record<string, unknown>));
    expect(run.status).toBe('paused');
    expect(run.requirements).toEqual([{ id: 'approval-1', kind: 'confirmation', toolCallId: 'call_delete', toolName: 'delete_file', input: { path: '/tmp/report.txt' } }]);
  });
});
