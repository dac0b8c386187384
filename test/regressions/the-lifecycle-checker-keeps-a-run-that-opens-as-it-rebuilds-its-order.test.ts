import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, createVerifier, type Issue } from '../../src/index.js';

// The lifecycle checker listed a new run in its order of open runs before keeping it. When that
// listing rebuilt the order (dropping the runs no longer kept), the new run was dropped with them:
// the bound then let go of a later run instead, and the dropped one was kept for good. Once such
// runs outnumbered the bound, the oldest in the order was none and the checker threw a TypeError.

const envelope = { sessionId: 'session', actor: { kind: 'agent' as const, name: 'A' }, time: 1_700_000_000_000 };
const start = (runId: string): CanonicalEvent => ({ type: 'run-start', ...envelope, runId });
const end = (runId: string): CanonicalEvent => ({ type: 'run-end', ...envelope, runId });

describe('the lifecycle checker keeps a run that opens as it rebuilds its order', () => {
  it('lets go of the run opened first when the bound is passed', () => {
    const verifier = createVerifier({ maxOpenRuns: 2 });
    const found: Issue[] = [];
    // 1 024 runs that end leave 1 024 entries to rebuild the order from when the next run opens.
    for (let index = 0; index < 1024; index += 1) {
      found.push(...verifier.push(start(`ended-${index}`)), ...verifier.push(end(`ended-${index}`)));
    }
    for (const runId of ['first', 'second', 'third']) found.push(...verifier.push(start(runId)));
    const letGo = found.filter((issue) => issue.runId !== undefined && issue.message.includes('open'));
    expect(letGo.map((issue) => issue.runId)).toEqual(['first']);
  });

  it('never throws however many runs open while it rebuilds', () => {
    const verifier = createVerifier({ maxOpenRuns: 2 });
    for (let round = 0; round < 20; round += 1) {
      for (let index = 0; index < 1024; index += 1) {
        verifier.push(start(`ended-${round}-${index}`));
        verifier.push(end(`ended-${round}-${index}`));
      }
      for (let index = 0; index < 3; index += 1) expect(() => verifier.push(start(`open-${round}-${index}`))).not.toThrow();
    }
    expect(() => verifier.end()).not.toThrow();
    expect(verifier.unended).toBe(60);
  });
});
