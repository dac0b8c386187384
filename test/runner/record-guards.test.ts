import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsPart, fitsRunnerEnvelope, partSchemas, runnerEnvelopeSchema } from '../../adapters/runner/schema.js';

/** Values a field may hold, right or wrong for any of the checked fields. */
const anyValue = fc.oneof(
  fc.string(),
  fc.constantFrom('text', 'data', 'file', 'tool_call', 'tool_response', 'thinking'),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  fc.constant(new Date(0)),
);

/** Each key of `keys` set to a value right for some schema, then a few changed to any value. */
function records(valid: Record<string, fc.Arbitrary<unknown>>) {
  const keys = Object.keys(valid);
  return fc
    .tuple(fc.record(valid, { requiredKeys: [] }), fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 2 }))
    .map(([record, changes]) => ({ ...record, ...changes }) as Record<string, unknown>);
}

/** Runs the property and checks both verdicts occurred: a check that always agrees by refusing proves nothing. */
function agree(arbitrary: fc.Arbitrary<Record<string, unknown>>, guard: (value: Record<string, unknown>) => boolean, schema: { safeParse(value: unknown): { success: boolean } }) {
  const verdicts = { accepted: 0, refused: 0 };
  fc.assert(
    fc.property(arbitrary, (value) => {
      const fits = guard(value);
      verdicts[fits ? 'accepted' : 'refused'] += 1;
      expect(fits).toBe(schema.safeParse(value).success);
    }),
    { numRuns: 1500 },
  );
  expect(verdicts.accepted).toBeGreaterThan(20);
  expect(verdicts.refused).toBeGreaterThan(20);
}

const metadata = fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 });

describe('the hand-written Runner record guards', () => {
  it('accept exactly the envelopes runnerEnvelopeSchema accepts', () => {
    agree(
      records({
        id: fc.string(),
        type: fc.constantFrom('agent_message', 'user_message'),
        timestamp: fc.double({ noNaN: true, noDefaultInfinity: true }),
        invocation_id: fc.string(),
        session_id: fc.option(fc.string()),
        author: fc.string(),
        agent_name: fc.option(fc.string()),
        branch: fc.string(),
        partial: fc.option(fc.boolean()),
        turn_complete: fc.boolean(),
        metadata,
      }).filter((record) => 'type' in record),
      fitsRunnerEnvelope,
      runnerEnvelopeSchema,
    );
  });

  const parts: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
    text: { type: fc.constant('text'), text: fc.string(), metadata },
    data: { type: fc.constant('data'), data: metadata, metadata },
    file: { type: fc.constant('file'), uri: fc.option(fc.string()), inline_bytes: fc.option(fc.string()), mime_type: fc.option(fc.string()), name: fc.option(fc.string()), metadata },
    tool_call: { type: fc.constant('tool_call'), tool_call_id: fc.string(), tool_name: fc.string(), args: metadata, metadata },
    tool_response: { type: fc.constant('tool_response'), tool_call_id: fc.string(), tool_name: fc.string(), result: fc.string(), error: fc.option(fc.string()), metadata },
    thinking: { type: fc.constant('thinking'), thinking: fc.string(), metadata },
  };

  it.each(Object.keys(parts))('accept exactly the %s parts its schema accepts', (type) => {
    const schema = partSchemas[type];
    if (schema === undefined) throw new Error(`no schema for ${type}`);
    agree(records(parts[type] as Record<string, fc.Arbitrary<unknown>>), (part) => fitsPart(type, part), schema);
  });
});
