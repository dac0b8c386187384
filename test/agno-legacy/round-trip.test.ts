import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { expectGolden, readJsonl, toJsonl } from '../support/golden.js';

const fixtures = join(import.meta.dirname, 'fixtures');

/** The records of a fixture: JSONL streams, or one stored aggregate per JSON file. */
export function readFixture(name: string): unknown[] {
  const path = join(fixtures, name);
  return name.endsWith('.jsonl') ? readJsonl(path) : [JSON.parse(readFileSync(path, 'utf8')) as unknown];
}

const names = readdirSync(fixtures).filter((name) => /\.jsonl?$/.test(name) && !name.includes('.canonical.'));

describe('agno-legacy own round trip', () => {
  it.each(names)('%s decodes to its golden canonical form', (name) => {
    const { output: records, issues } = convert(readFixture(name), { from: 'agno-legacy', to: 'canonical', encode: { header: false } });
    expectGolden(join(fixtures, name.replace(/\.jsonl?$/, '.canonical.jsonl')), toJsonl(records));
    expect(issues).toEqual([]);
  });

  it.each(names)('%s encodes back to the very records it was decoded from', (name) => {
    const input = readFixture(name);
    const { output: records, issues } = convert(input, { from: 'agno-legacy', to: 'agno-legacy' });
    expect(records).toEqual(input);
    expect(issues).toEqual([]);
  });
});
