import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, type Run, accumulate, convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const corpus = join(import.meta.dirname, '..', 'corpus');
const cases = readdirSync(corpus)
  .filter((file) => file.endsWith('.canonical.jsonl'))
  .map((file) => file.replace('.canonical.jsonl', ''));

function flatten(runs: Run[]): Run[] {
  return runs.flatMap((run) => [run, ...flatten(run.members)]);
}

function runsOf(events: readonly unknown[]): Run[] {
  return flatten(accumulate(events.filter((record) => 'type' in (record as object)) as CanonicalEvent[]));
}

describe('the canonical corpus through runner and back', () => {
  for (const name of cases) {
    it(`${name}: every run keeps its id, parent, actor and status`, () => {
      const events = readJsonl(join(corpus, `${name}.canonical.jsonl`));
      const runner = convert(events, { from: 'canonical', to: 'runner' });
      const back = convert(runner.output, { from: 'runner', to: 'canonical' });
      const decoded = runsOf(back.output);
      for (const run of runsOf(events)) {
        const found = decoded.find((candidate) => candidate.runId === run.runId);
        expect(found, `run ${run.runId}`).toBeDefined();
        expect(found?.parentRunId, `parent of ${run.runId}`).toBe(run.parentRunId);
        expect(found?.status, `status of ${run.runId}`).toBe(run.status);
        if (run.actor?.name !== undefined) expect(found?.actor?.name, `actor of ${run.runId}`).toBe(run.actor.name);
      }
    });
  }
});
