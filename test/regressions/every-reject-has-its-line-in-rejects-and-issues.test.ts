import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'aeb-rejects-'));

function jsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('rejected records', () => {
  it('each have their line in --rejects and in --issues, far past the 20 printed on stderr', () => {
    const lines = ['{"type":"run-start","runId":"r"}'];
    for (let index = 0; index < 30; index += 1) lines.push(`{"broken ${index}`);
    lines.push('{"type":"run-end","runId":"r"}');
    const input = join(scratch, 'many.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const rejects = join(scratch, 'many.rejects.jsonl');
    const issues = join(scratch, 'many.issues.jsonl');
    const result = runCli(['convert', input, '--to', 'canonical', '--rejects', rejects, '--issues', issues]);
    expect(result.status).toBe(1);
    const expectedLines = Array.from({ length: 30 }, (_, index) => index + 2);
    expect(jsonLines(rejects)).toEqual(expectedLines.map((line) => ({ line, text: `{"broken ${line - 2}`, error: expect.stringContaining('invalid JSON') })));
    expect(jsonLines(issues).map((issue) => [issue.code, issue.line])).toEqual(expectedLines.map((line) => ['invalid-input', line]));
    expect(result.stderr).toContain('read 32 records (canonical 2); rejected 30 (30 unreadable)');
  });

  it('of no known format are written as read, counted once, and named in --issues with their line', () => {
    const unknownRecord = '{ "hello" :  "world",  "n": 1.50 }';
    const input = join(scratch, 'unknown.jsonl');
    writeFileSync(input, `{"type":"run-start","runId":"r"}\n${unknownRecord}\n{"type":"run-end","runId":"r"}\n`);
    const rejects = join(scratch, 'unknown.rejects.jsonl');
    const issues = join(scratch, 'unknown.issues.jsonl');
    const result = runCli(['convert', input, '--to', 'canonical', '--rejects', rejects, '--issues', issues]);
    expect(result.status).toBe(1);
    expect(jsonLines(rejects)).toEqual([{ line: 2, text: unknownRecord, error: 'no registered format recognizes it' }]);
    expect(jsonLines(issues)).toEqual([expect.objectContaining({ code: 'unknown-event', line: 2 })]);
    expect(result.stderr).toContain('read 3 records (canonical 2); rejected 1 (1 unrecognized)');
    expect(result.stderr.match(/line 2/g)).toHaveLength(1);
  });
});
