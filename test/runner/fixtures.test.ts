import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, convert } from '../../src/index.js';
import { expectGolden, readJsonl, toJsonl } from '../support/golden.js';
import { decodeRunner } from './decode-runner.js';

const folder = join(import.meta.dirname, 'fixtures');
const recordings = readdirSync(folder)
  .filter((name) => name.endsWith('.jsonl') && !name.endsWith('.canonical.jsonl') && !name.endsWith('.issues.jsonl'))
  .sort();

describe('runner recordings', () => {
  it('include every JSON example of the reference and the constructed streams', () => {
    expect(recordings.filter((name) => name.startsWith('reference-')).length).toBe(13);
    expect(recordings.filter((name) => name.startsWith('constructed-')).length).toBe(12);
  });

  for (const name of recordings) {
    const records = readJsonl(join(folder, name));
    const base = join(folder, name.replace(/\.jsonl$/, ''));

    it(`${name} decodes to its golden canonical events and issues`, () => {
      const { output, issues } = decodeRunner(records);
      expectGolden(`${base}.canonical.jsonl`, toJsonl(output));
      expectGolden(`${base}.issues.jsonl`, toJsonl(issues));
    });

    it(`${name} decodes to valid canonical events only`, () => {
      for (const event of decodeRunner(records).output) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
    });

    it(`${name} comes back unchanged through runner → runner`, () => {
      const { output } = convert(records, { from: 'runner', to: 'runner' });
      expect(output).toEqual(records);
    });

    it(`${name} is detected as runner record by record`, () => {
      const { stats } = convert(records, { from: 'auto', to: 'canonical' });
      expect(stats.records).toEqual({ runner: records.length });
    });
  }
});
