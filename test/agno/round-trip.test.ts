import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, verify, type CanonicalEvent } from '../../src/index.js';
import { expectGolden, toJsonl } from '../support/golden.js';
import { fixtures, readFixture } from './read-fixture.js';

const names = readdirSync(fixtures).filter((name) => /\.jsonl?$/.test(name) && !name.includes('.canonical.') && !name.includes('.issues.'));
const aggregates = new Set(names.filter((name) => name.endsWith('.json')));

describe('agno own round trip', () => {
  it.each(names)('%s decodes to its golden canonical form', (name) => {
    const { output, issues } = convert(readFixture(name), { from: 'agno', to: 'canonical', encode: { header: false } });
    expectGolden(join(fixtures, name.replace(/\.jsonl?$/, '.canonical.jsonl')), toJsonl(output));
    expectGolden(join(fixtures, name.replace(/\.jsonl?$/, '.issues.jsonl')), toJsonl(issues));
  });

  // Every fixture here is agno 2.x (the 3.1.10 recordings round-trip in test/interop/fixtures.test.ts).
  it.each(names)('%s encodes back to the very records it was decoded from (target 2.x)', (name) => {
    const input = readFixture(name);
    const shape = aggregates.has(name) ? 'aggregate' : 'events';
    const { output } = convert(input, { from: 'agno', to: 'agno', encode: { shape, target: '2.x' } });
    expect(output).toEqual(input);
  });

  // The single-events file is a collection of unrelated events, not one stream.
  it.each(names.filter((name) => !name.includes('single-events')))('%s decodes to a canonical stream without lifecycle errors', (name) => {
    const { output } = convert(readFixture(name), { from: 'agno', to: 'canonical', encode: { header: false } });
    const errors = verify(output as CanonicalEvent[]).filter((issue) => issue.level === 'error');
    expect(errors).toEqual([]);
  });
});
