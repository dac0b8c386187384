import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'aeb-faults-'));
const start = '{"type":"run-start","runId":"r"}';
const delta = (text: string) => `{"type":"text-delta","runId":"r","id":"t","delta":${JSON.stringify(text)}}`;
const textStart = '{"type":"text-start","runId":"r","id":"t"}';
const end = '{"type":"run-end","runId":"r"}';

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

function records(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('faulty input through the command line', () => {
  it('an empty file converts to nothing and exits 0', () => {
    const result = runCli(['convert', file('empty.jsonl', ''), '--to', 'canonical']);
    expect(result).toMatchObject({ status: 0, stdout: '' });
    expect(result.stderr).toContain('read 0 records');
  });

  it('a BOM, CRLF line ends and blank lines are read as if they were not there', () => {
    const result = runCli(['convert', file('crlf.jsonl', `\ufeff${start}\r\n\r\n${textStart}\r\n${delta('hi')}\r\n\n${end}\r\n`), '--to', 'canonical', '--quiet']);
    expect(result.status).toBe(0);
    expect(records(result.stdout)).toHaveLength(5);
  });

  it('a truncated last line is rejected with its line number and the rest converts', () => {
    const rejects = join(scratch, 'truncated.rejects');
    const result = runCli(['convert', file('truncated.jsonl', `${start}\n${textStart}\n{"type":"text-del`), '--to', 'canonical', '--rejects', rejects]);
    expect(result.status).toBe(1);
    expect(readFileSync(rejects, 'utf8')).toBe(`${JSON.stringify({ line: 3, text: '{"type":"text-del', error: 'invalid JSON: Unterminated string in JSON at position 17' })}\n`);
    expect(result.stderr).toContain('line 3: record rejected: invalid JSON');
    expect(records(result.stdout)).toHaveLength(3);
  });

  it('wrong field types are kept as raw with an invalid-input issue naming the path', () => {
    const result = runCli(['convert', file('types.jsonl', `${start}\n{"type":"text-delta","runId":"r","id":"t","delta":["a"]}\n`), '--from', 'canonical', '--to', 'canonical']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('line 2, canonical, at delta: not a valid canonical record');
    expect(records(result.stdout)[2]).toEqual({ type: 'text-delta', runId: 'r', id: 't', delta: ['a'] });
  });

  it('a 10 000-level nested record is rejected with a clear error, and no stack overflows', () => {
    const deep = `{"type":"data","runId":"r","name":"n","data":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const result = runCli(['convert', file('deep.jsonl', `${start}\n${deep}\n${end}\n`), '--to', 'canonical']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('line 2: record rejected: JSON nested deeper than 1000 levels');
    expect(records(result.stdout)).toHaveLength(3);
  });

  it('invalid UTF-8 is read as U+FFFD and reported once as a warning', () => {
    const bytes = Buffer.concat([Buffer.from(`${start}\n{"type":"data","runId":"r","name":"n","data":"caf`), Buffer.from([0xc3, 0x28]), Buffer.from(`"}\n${end}\n`)]);
    const result = runCli(['convert', file('latin.jsonl', bytes), '--to', 'canonical']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: invalid UTF-8 in the input (first near byte 0)');
    expect(records(result.stdout)[2]).toEqual({ type: 'data', runId: 'r', name: 'n', data: 'caf\ufffd(' });
  });

  it('a 50 MB single record converts whole', () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const result = runCli(['convert', file('big.jsonl', `${start}\n${textStart}\n${delta(big)}\n${end}\n`), '--to', 'canonical', '--quiet']);
    expect(result.status).toBe(0);
    const out = records(result.stdout) as { delta?: string }[];
    expect(out[3]?.delta?.length).toBe(big.length);
  });

  it('duplicate and out-of-order events are written as read and flagged by validate', () => {
    const input = file('order.jsonl', `${delta('a')}\n${start}\n${end}\n${end}\n`);
    const converted = runCli(['convert', input, '--to', 'canonical', '--quiet']);
    expect(records(converted.stdout)).toHaveLength(5);
    const validated = runCli(['validate', input, '--from', 'canonical', '--json']);
    expect(validated.status).toBe(1);
    const report = JSON.parse(validated.stdout) as { issues: { index: number; message: string }[] };
    expect(report.issues.map((issue) => [issue.index, issue.message.split(';')[0]])).toEqual([
      [0, 'event 0 (text-delta) of run "r" comes before its run-start'],
      [0, 'event 0 (text-delta) for "t" is a delta before its start'],
      [3, 'event 3 (run-end) is a second end after run "r" ended with run-end'],
    ]);
  });
});
