import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, explode } from '../../src/index.js';

describe('accumulate', () => {
  it('builds an assistant message from text deltas and nests a member run under its leader', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', runId: 'lead', actor: { kind: 'team', name: 'Team' } },
      { type: 'run-start', runId: 'm1', parentRunId: 'lead', actor: { kind: 'agent', name: 'Writer' } },
      { type: 'text-start', runId: 'm1', id: 't' },
      { type: 'text-delta', runId: 'm1', id: 't', delta: 'Hel' },
      { type: 'text-delta', runId: 'm1', id: 't', delta: 'lo' },
      { type: 'text-end', runId: 'm1', id: 't' },
      { type: 'run-end', runId: 'm1' },
      { type: 'run-end', runId: 'lead', usage: { inputTokens: 3 } },
    ];
    const [lead] = accumulate(events);
    expect(lead?.status).toBe('completed');
    expect(lead?.usage).toEqual({ inputTokens: 3 });
    expect(lead?.members).toHaveLength(1);
    expect(lead?.members[0]?.messages).toEqual([{ role: 'assistant', parts: [{ type: 'text', text: 'Hello' }] }]);
    expect(accumulate(explode([lead!]))).toEqual([lead]);
  });
});
