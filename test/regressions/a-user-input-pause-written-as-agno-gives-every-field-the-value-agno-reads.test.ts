import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

/** Every `user_input_schema` list of a record, wherever it is nested. */
function schemas(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.flatMap(schemas);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === 'user_input_schema' && Array.isArray(child) ? [child, ...schemas(child)] : schemas(child)));
}

// agno's UserInputField.from_dict reads data["value"]: agno 2.9 raised KeyError on the fields of a
// canonical user-input requirement, which carry no value (found by the agno 2.9 oracle of test/interop).
describe('a user-input pause written as agno', () => {
  it.each([{ shape: 'events' }, { shape: 'aggregate' }] as const)('gives every field of its schema the value key agno reads ($shape)', ({ shape }) => {
    const events = readJsonl(join(import.meta.dirname, '../corpus/paused-user-input.canonical.jsonl'));
    const { output } = convert(events, { from: 'canonical', to: 'agno', encode: { shape } });
    const fields = schemas(output).flat();
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).toHaveProperty('value');
  });
});
