import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate, canonicalEventSchema, explode, runSchema } from '../../src/index.js';
import { propertyRuns, propertySeed, runsArbitrary } from '../support/arbitraries.js';

describe('accumulate and explode', () => {
  it('accumulate(explode(runs)) equals the runs for generated teams with members, tools, pauses and errors', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        for (const run of runs) runSchema.parse(run);
        expect(accumulate(explode(runs))).toEqual(runs);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });

  it('every event explode produces is a valid canonical event', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        for (const event of explode(runs)) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });

  it('accumulate never reports an issue for what explode produced', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        const issues: unknown[] = [];
        accumulate(explode(runs), { onIssue: (issue) => issues.push(issue) });
        expect(issues).toEqual([]);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });
});
