import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter, createDecoder, createVerifier } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { heapAfterGc } from '../support/heap.js';

/** An agno run that starts and is never heard of again. */
function started(index: number): Record<string, unknown> {
  return { created_at: 1700000000, event: 'RunStarted', agent_id: 'a', agent_name: 'A', run_id: `run-${index}`, session_id: `session-${index}`, model: 'm', model_provider: 'p' };
}

const unended = (message: string | undefined): boolean => message !== undefined && /has no end|have no end/.test(message);

describe('many runs left open at the end of the input', () => {
  it('are named one by one up to 100, then counted in one issue, by convert', () => {
    const converter = createConverter({ from: 'agno', to: 'agno' });
    for (let index = 0; index < 1000; index += 1) converter.push(started(index));
    converter.flush();
    const reported = converter.issues.filter((issue) => unended(issue.message));
    expect(reported).toHaveLength(101);
    expect(reported.slice(0, 100).map((issue) => issue.runId)).toEqual(Array.from({ length: 100 }, (_, index) => `run-${index}`));
    expect(reported[100]).toMatchObject({ code: 'invalid-sequence', level: 'info', message: expect.stringMatching(/^900 more runs have no end/) });
  });

  it('are named one by one up to 100, then counted, by validate, whose summary counts them all', () => {
    const file = join(tmpdir(), `open-runs-${process.pid}.jsonl`);
    writeFileSync(file, Array.from({ length: 300 }, (_, index) => `${JSON.stringify(started(index))}\n`).join(''));
    const text = runCli(['validate', file, '--from', 'agno']);
    expect(text.stdout.split('\n').filter((line) => line.includes('has no end'))).toHaveLength(100);
    expect(text.stdout).toContain('200 more runs have no end');
    expect(text.stdout).toMatch(/^valid: 300 records, 300 events, 300 runs \(300 without an end\), 0 errors/m);
    const json = JSON.parse(runCli(['validate', file, '--from', 'agno', '--json']).stdout) as { unended: number; issues: Array<{ message: string }> };
    expect(json.unended).toBe(300);
    expect(json.issues.filter((issue) => unended(issue.message))).toHaveLength(101);
  });

  it('cost validate (decoder and lifecycle checker) under 600 bytes of heap each', () => {
    const runs = 50_000;
    const before = heapAfterGc();
    const decoder = createDecoder({ from: 'agno', collectIssues: false });
    const verifier = createVerifier();
    for (let index = 0; index < runs; index += 1) for (const event of decoder.push(started(index))) verifier.push(event);
    const perRun = (heapAfterGc() - before) / runs;
    // Before: about 2 000 bytes, four empty Sets per run in the lifecycle checker.
    expect(perRun).toBeLessThan(600);
    expect(verifier.end().filter((issue) => unended(issue.message))).toHaveLength(101);
  });

  it('cost an agno → agno conversion under 1 000 bytes of heap each', () => {
    const runs = 50_000;
    const before = heapAfterGc();
    const converter = createConverter({ from: 'agno', to: 'agno', collectIssues: false });
    for (let index = 0; index < runs; index += 1) converter.push(started(index));
    const perRun = (heapAfterGc() - before) / runs;
    // Before: about 1 500 bytes; the converter kept each run's first event with its source record.
    expect(perRun).toBeLessThan(1000);
    expect(converter.stats.runs).toBe(runs);
  });
});
