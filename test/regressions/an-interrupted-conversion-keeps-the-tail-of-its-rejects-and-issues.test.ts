import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'aeb-signals-'));

/**
 * Feeds records to the command on a pipe that stays open, waits until it has read the broken
 * ones, then sends `signal`.
 */
async function interrupt(signal: NodeJS.Signals): Promise<{ status: number | null; stdout: string; stderr: string; rejects: string; issues: string }> {
  const rejects = join(scratch, `${signal}.rejects.jsonl`);
  const issues = join(scratch, `${signal}.issues.jsonl`);
  const child = spawn(process.execPath, [cliPath, 'convert', '-', '--to', 'canonical', '--out', 'json', '--rejects', rejects, '--issues', issues]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const seen = new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('line 4: record rejected')) resolve();
    });
  });
  child.stdin.write('{"type":"run-start","runId":"r"}\n{"type":"text-start","runId":"r","id":"t"}\n{"broken\n{"also broken\n');
  await seen;
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.kill(signal);
  const status = await exited;
  return { status, stdout, stderr, rejects: readFileSync(rejects, 'utf8'), issues: readFileSync(issues, 'utf8') };
}

describe('a conversion stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('by %s exits %i with well-formed output and every reject read so far in --rejects', async (signal, code) => {
    const result = await interrupt(signal);
    expect(result.status).toBe(code);
    expect(JSON.parse(result.stdout)).toEqual([
      { canonicalVersion: 1 },
      { type: 'run-start', runId: 'r' },
      { type: 'text-start', runId: 'r', id: 't' },
    ]);
    expect(result.rejects).toContain('{\\"broken');
    expect(result.rejects).toContain('{\\"also broken');
    expect(result.stderr).toContain(`interrupted by ${signal}: the input was read up to line 4`);
  });
});
