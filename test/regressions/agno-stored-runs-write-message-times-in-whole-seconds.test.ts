import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

// agno's Message.created_at is an int: agno 2.9's RunOutput.from_dict rejected the fractional seconds
// we wrote for runs whose time has milliseconds (found by the agno 2.9 oracle of test/interop).
describe('agno stored runs', () => {
  it('write message times in whole seconds, as agno reads them', () => {
    const records = readJsonl(join(import.meta.dirname, '../runner/fixtures/constructed-4.1-session-two-turns.jsonl'));
    const { output } = convert(records, { from: 'runner', to: 'agno', encode: { shape: 'aggregate' } });
    const times = output.flatMap((run) => ((run as { messages?: { created_at?: unknown }[] }).messages ?? []).map((message) => message.created_at));
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(Number.isInteger(time)).toBe(true);
  });
});
