import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sweepTargets } from '../upstream/cases.js';
import { approvalRequestStream, approvalRequestStreamChunks } from '../upstream/ai-sdk-approval-request.js';

const folder = mkdtempSync(join(tmpdir(), 'approval-one-run-'));

/** The real streamText run that stops for two approvals, written to a JSONL file per source format. */
const sources = [
  { from: 'ai-sdk-stream', records: approvalRequestStream },
  { from: 'ai-sdk-ui', records: approvalRequestStreamChunks },
] as const;

async function fileOf(from: string, records: () => Promise<unknown[]>): Promise<string> {
  const file = join(folder, `${from}.jsonl`);
  writeFileSync(file, (await records()).map((record) => `${JSON.stringify(record)}\n`).join(''));
  return file;
}

// Each approval request was read as a pause of the stream's run, and the run was counted again
// when the stream went on after it (finish-step, finish): the summary said "2 runs".
describe('a streamText run that stops for approvals', () => {
  it.each(sources.flatMap((source) => sweepTargets.map((to) => ({ ...source, to }))))('read from $from is one run in the summary of convert --to $to', async ({ from, records, to }) => {
    const { stderr, status } = runCli(['convert', await fileOf(from, records), '--to', to]);
    expect(status).toBe(0);
    expect(stderr).toMatch(new RegExp(`^1 runs, \\d+ canonical events; wrote \\d+ ${to} records$`, 'm'));
  });

  it.each(sources)('read from $from is one valid paused run for validate', async ({ from, records }) => {
    const { stdout, status } = runCli(['validate', await fileOf(from, records), '--from', from]);
    expect(stdout).toMatch(/^valid: 8 records, \d+ events, 1 runs, 0 errors/m);
    expect(status).toBe(0);
  });
});
