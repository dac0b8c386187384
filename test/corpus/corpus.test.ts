import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, type Issue, listFormats, type Run } from '../../src/index.js';
import { expectGolden, readJsonl, toJsonl } from '../support/golden.js';
import type { FormatName } from '../../src/registry.js';

const corpus = new URL('.', import.meta.url).pathname;
const cases = readdirSync(corpus)
  .filter((file) => file.endsWith('.canonical.jsonl'))
  .map((file) => file.replace('.canonical.jsonl', ''));

/** Every registered target, and the encoder options worth a golden of their own. */
const targets = listFormats()
  .filter((format) => format.name !== 'canonical')
  .flatMap((format) =>
    format.name === 'ai-sdk-ui'
      ? [
          { name: format.name as FormatName, label: format.name, encode: undefined },
          { name: format.name as FormatName, label: `${format.name}.v5`, encode: { target: 'v5' } },
        ]
      : [{ name: format.name as FormatName, label: format.name, encode: undefined }],
  );

function describeIssues(issues: Issue[]): string {
  return toJsonl(issues.map(({ code, level, eventType, path, index, runId, message }) => ({ code, level, eventType, path, index, runId, message })));
}

function flatten(runs: Run[]): Run[] {
  return runs.flatMap((run) => [run, ...flatten(run.members)]);
}

describe('the canonical corpus fanned out to every format', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    const events = readJsonl(join(corpus, `${name}.canonical.jsonl`));
    const inputRuns = flatten(accumulate(events.filter((record) => 'type' in (record as object)) as CanonicalEvent[]));

    for (const target of targets) {
      it(`${name} → ${target.label} matches its golden output and issues, and decodes back with lineage and status`, () => {
        const { output, issues } = convert(events, { from: 'canonical', to: target.name, ...(target.encode === undefined ? {} : { encode: target.encode }) });
        expectGolden(join(corpus, 'out', name, `${target.label}.out.jsonl`), toJsonl(output));
        expectGolden(join(corpus, 'out', name, `${target.label}.issues.jsonl`), describeIssues(issues));

        const back = convert(output, { from: target.name, to: 'canonical' });
        const decodedRuns = flatten(accumulate(back.output.filter((record) => 'type' in (record as object)) as CanonicalEvent[]));
        for (const run of inputRuns) {
          const decoded = decodedRuns.find((candidate) => candidate.runId === run.runId);
          expect(decoded, `run ${run.runId} survives ${target.label}`).toBeDefined();
          expect(decoded?.parentRunId, `parent of ${run.runId}`).toBe(run.parentRunId);
          expect(decoded?.status, `status of ${run.runId}`).toBe(run.status);
        }
      });
    }
  }
});
