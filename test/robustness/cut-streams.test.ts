import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, listFormats, readAll, type Run } from '../../src/index.js';
import type { FormatName } from '../../src/registry.js';

const testRoot = new URL('..', import.meta.url).pathname;

/** Recorded event streams (JSONL, several records) of every adapter, not goldens. */
function streams(): { file: string; records: unknown[] }[] {
  const out: { file: string; records: unknown[] }[] = [];
  for (const folder of readdirSync(testRoot)) {
    const fixtures = join(testRoot, folder, 'fixtures');
    if (!existsSync(fixtures)) continue;
    for (const file of readdirSync(fixtures, { recursive: true }) as string[]) {
      if (!file.endsWith('.jsonl') || file.includes('.canonical.') || file.includes('.issues.')) continue;
      const records = readAll(readFileSync(join(fixtures, file), 'utf8'), 'jsonl').flatMap((item) => (item.kind === 'record' ? [item.record] : []));
      const end = firstEnding(records);
      if (end !== undefined && end > 0 && leavesRunning(records.slice(0, end))) out.push({ file: `${folder}/${file}`, records: records.slice(0, end) });
    }
  }
  return out;
}

const ends = new Set(['run-end', 'run-error', 'run-cancel']);

/**
 * How many records a stream has before the first one that ends a run (decoders may emit a
 * record's events later, so each prefix is decoded whole); undefined for inputs that are not
 * event streams, where no prefix ends a run before the input ends.
 */
function firstEnding(records: unknown[]): number | undefined {
  for (let length = 1; length < records.length; length += 1) {
    const { output } = convert(records.slice(0, length), { from: 'auto', to: 'canonical' });
    if (output.some((event) => ends.has((event as { type?: string }).type ?? ''))) return length - 1;
  }
  return undefined;
}

/** Whether some run of these records is still running at their end (not ended, not paused). */
function leavesRunning(records: unknown[]): boolean {
  const events = convert(records, { from: 'auto', to: 'canonical' }).output.filter((record) => 'type' in (record as object)) as CanonicalEvent[];
  const all = (runs: Run[]): Run[] => runs.flatMap((run) => [run, ...all(run.members)]);
  return all(accumulate(events)).some((run) => run.status === 'running');
}

describe('a stream cut in the middle of a run', () => {
  const cut = streams();

  it('is found in the recordings of several adapters', () => {
    expect(new Set(cut.map(({ file }) => file.split('/')[0])).size).toBeGreaterThanOrEqual(3);
  });

  for (const { file, records } of cut) {
    it(`${file} cut before its first run ends converts to every format and reports the run it left open`, () => {
      const half = records;
      for (const format of listFormats()) {
        const { issues } = convert(half, { from: 'auto', to: format.name as FormatName });
        expect(
          // The pipeline reports a run that never ended; a decoder that closes it reports its repair.
          issues.some((issue) => issue.code === 'invalid-sequence'),
          `${file} → ${format.name}`,
        ).toBe(true);
      }
    });
  }
});
