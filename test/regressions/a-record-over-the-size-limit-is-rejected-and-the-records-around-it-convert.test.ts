import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordReader, type InputFraming, type ReadItem, readAll } from '../../src/index.js';
import { runCli } from '../support/cli.js';

const limit = 200;
const long = JSON.stringify({ type: 'data', runId: 'r', name: 'n', data: 'x'.repeat(1000) });

/** The longest text a reader's state could hold, by reading it in small chunks. */
function readInPieces(text: string, framing: InputFraming): ReadItem[] {
  const reader = createRecordReader(framing, { maxRecordLength: limit });
  const items: ReadItem[] = [];
  for (let start = 0; start < text.length; start += 37) items.push(...reader.push(text.slice(start, start + 37)));
  items.push(...reader.flush());
  return items;
}

describe('a record longer than the limit', () => {
  const cases: [InputFraming, string, number, string][] = [
    ['jsonl', `{"a":1}\n${long}\n{"b":2}\n`, 2, long],
    ['sse', `data: {"a":1}\n\ndata: ${long}\n\ndata: {"b":2}\n\n`, 4, `data: ${long}`],
    ['concat', `{"a":1}\n${long}\n{"b":2}\n`, 2, long],
  ];

  it.each(cases)('in %s is rejected with its line and the head of its text, and the records around it are read', (framing, text, line, asRead) => {
    for (const items of [readAll(text, framing, { maxRecordLength: limit }), readInPieces(text, framing)]) {
      expect(items.map((item) => (item.kind === 'record' ? item.record : item))).toEqual([
        { a: 1 },
        { kind: 'reject', line, text: asRead.slice(0, limit), error: `record longer than ${limit} characters (the limit); not read, only its first ${limit} characters are kept here` },
        { b: 2 },
      ]);
    }
  });

  it('converts the records before and after it through the command line, and says in --rejects that its text is cut', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'aeb-long-'));
    const input = join(scratch, 'long.jsonl');
    writeFileSync(input, `{"type":"run-start","runId":"r"}\n${long}\n{"type":"run-end","runId":"r"}\n`);
    const rejects = join(scratch, 'rejects.jsonl');
    const result = runCli(['convert', input, '--to', 'canonical', '--rejects', rejects, '--max-record-length', String(limit)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('{"canonicalVersion":1}\n{"type":"run-start","runId":"r"}\n{"type":"run-end","runId":"r"}\n');
    expect(JSON.parse(readFileSync(rejects, 'utf8'))).toEqual({ line: 2, text: long.slice(0, limit), error: expect.stringContaining('only its first 200 characters are kept here') });
  });
});
