import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agnoEventRecordSchema, agnoRunOutputSchema } from '../../adapters/agno/record-schema.js';
import { agnoRecordMisfit, fitsAgnoEventRecord, fitsAgnoRunOutput, runStatuses } from '../../adapters/agno/schema.js';
import { fixtures, readFixture } from './read-fixture.js';

/** Values a field of a record may hold, right or wrong for any of the checked fields. */
const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0, 42),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

/** A record the schema accepts, some optional fields left out; the property then changes a few. */
const validRecord = fc.record(
  {
    event: fc.string(),
    run_id: fc.option(fc.string()),
    session_id: fc.string(),
    agent_id: fc.string(),
    created_at: fc.integer(),
    nested_depth: fc.constantFrom(0, 1),
  },
  { requiredKeys: ['event'] },
);

const checkedKeys = ['event', 'run_id', 'parent_run_id', 'session_id', 'agent_id', 'team_id', 'workflow_id', 'created_at', 'nested_depth', 'content'];

describe('the hand-written agno record guard', () => {
  it('accepts exactly the records agnoEventRecordSchema accepts', () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(validRecord, fc.dictionary(fc.constantFrom(...checkedKeys), anyValue, { maxKeys: 2 }), (valid, changes) => {
        const record = { ...valid, ...changes };
        const fits = fitsAgnoEventRecord(record);
        verdicts[fits ? 'accepted' : 'refused'] += 1;
        expect(fits).toBe(agnoEventRecordSchema.safeParse(record).success);
      }),
      { numRuns: 2000 },
    );
    // Both answers were exercised, not one of them only.
    expect(verdicts.accepted).toBeGreaterThan(20);
    expect(verdicts.refused).toBeGreaterThan(20);
  });

  it('accepts every record of every agno fixture, as the schema does', () => {
    let records = 0;
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.jsonl') && !/\.(canonical|issues)\.jsonl$/.test(file))) {
      for (const record of readFixture(name)) {
        if (typeof record !== 'object' || record === null || !('event' in record)) continue;
        records += 1;
        expect(fitsAgnoEventRecord(record as Record<string, unknown>)).toBe(agnoEventRecordSchema.safeParse(record).success);
      }
    }
    expect(records).toBeGreaterThan(100);
  });

  it('names the field the schema names first, with the type the schema expects', () => {
    let misfits = 0;
    fc.assert(
      fc.property(validRecord, fc.dictionary(fc.constantFrom(...checkedKeys), anyValue, { maxKeys: 3 }), (valid, changes) => {
        const record = { ...valid, ...changes };
        const parsed = agnoEventRecordSchema.safeParse(record);
        const first = parsed.error?.issues[0];
        const misfit = agnoRecordMisfit(record);
        if (misfit !== undefined) misfits += 1;
        expect(misfit).toEqual(first === undefined ? undefined : { path: first.path.join('.'), expected: (first as { expected?: unknown }).expected });
      }),
      { numRuns: 2000 },
    );
    expect(misfits).toBeGreaterThan(20);
  });
});

/** A RunOutput the aggregate schema accepts, some optional fields left out. */
const validRunOutput = fc.record(
  {
    status: fc.constantFrom(...runStatuses),
    run_id: fc.string(),
    agent_id: fc.string(),
    team_id: fc.string(),
    messages: fc.array(fc.dictionary(fc.string(), fc.string(), { maxKeys: 1 }), { maxLength: 2 }),
    member_responses: fc.array(fc.constant({}), { maxLength: 1 }),
  },
  { requiredKeys: ['status'] },
);

const runOutputKeys = ['status', 'run_id', 'agent_id', 'team_id', 'messages', 'member_responses', 'content'];

describe('the hand-written agno RunOutput guard', () => {
  it('accepts exactly the aggregates agnoRunOutputSchema accepts', () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(validRunOutput, fc.dictionary(fc.constantFrom(...runOutputKeys), fc.oneof(anyValue, fc.constantFrom(...runStatuses)), { maxKeys: 2 }), (valid, changes) => {
        const record = { ...valid, ...changes };
        const fits = fitsAgnoRunOutput(record);
        verdicts[fits ? 'accepted' : 'refused'] += 1;
        expect(fits).toBe(agnoRunOutputSchema.safeParse(record).success);
      }),
      { numRuns: 2000 },
    );
    expect(verdicts.accepted).toBeGreaterThan(20);
    expect(verdicts.refused).toBeGreaterThan(20);
  });

  it('accepts every stored aggregate of the agno fixtures, as the schema does', () => {
    let aggregates = 0;
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.json'))) {
      for (const record of readFixture(name)) {
        if (typeof record !== 'object' || record === null || 'event' in record) continue;
        aggregates += 1;
        expect(fitsAgnoRunOutput(record as Record<string, unknown>)).toBe(agnoRunOutputSchema.safeParse(record).success);
      }
    }
    expect(aggregates).toBeGreaterThan(1);
  });
});
