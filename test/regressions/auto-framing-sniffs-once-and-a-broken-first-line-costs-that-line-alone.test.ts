import { describe, expect, it } from 'vitest';
import { createRecordReader, readAll, type ReadItem } from '../../src/index.js';

const records = Array.from({ length: 50 }, (_, index) => JSON.stringify({ type: 'text-delta', runId: 'r', id: 't', delta: `token ${index}` }));

function summary(items: ReadItem[]): [string, number][] {
  return items.map((item) => [item.kind, item.line]);
}

describe('--in auto', () => {
  it('reads a JSON Lines file whose first line is broken line by line: only that line is rejected', () => {
    for (const broken of ['{"type":"text-delta", oops', '{"type":"run-start","runId":"r"', '{', '{"a":1}{"b":2}']) {
      const text = `${broken}\n${records.join('\n')}\n`;
      const items = readAll(text, 'auto');
      expect(summary(items), broken).toEqual([['reject', 1], ...records.map((_, index): [string, number] => ['record', index + 2])]);
    }
  });

  it('reads the broken first line alone when the next lines are longer than the sniffed prefix', () => {
    const long = JSON.stringify({ type: 'text-delta', runId: 'r', id: 't', delta: 'x'.repeat(100_000) });
    const items = readAll(`{"broken\n${long}\n${long}\n`, 'auto');
    expect(summary(items)).toEqual([
      ['reject', 1],
      ['record', 2],
      ['record', 3],
    ]);
  });

  it('decides the framing from a bounded prefix: a first line longer than 64 KiB is JSON Lines before it ends', () => {
    const reader = createRecordReader('auto');
    const piece = `{"type":"text-delta","runId":"r","id":"t","delta":"${'x'.repeat(16 * 1024)}`;
    expect(reader.push(piece)).toEqual([]);
    expect(reader.framing).toBe('auto');
    for (let index = 0; index < 4; index += 1) reader.push('y'.repeat(16 * 1024));
    expect(reader.framing).toBe('jsonl');
    expect(reader.push('"}\n{"type":"run-end","runId":"r"}\n').map((item) => item.kind)).toEqual(['record', 'record']);
  });

  it('still reads pretty-printed concatenated JSON and JSON lines of arrays', () => {
    const pretty = '{\n  "event": "RunResponse",\n  "content": "a"\n}\n{\n  "event": "RunCompleted"\n}\n';
    expect(createRecordReaderFramingOf(pretty)).toBe('concat');
    expect(createRecordReaderFramingOf('{"event": "RunResponse",\n  "content": "a"}\n')).toBe('concat');
    expect(createRecordReaderFramingOf('["human","hi"]\n["ai","hello"]\n')).toBe('jsonl');
    expect(createRecordReaderFramingOf('[\n  {"a": 1}\n]\n')).toBe('json');
  });
});

function createRecordReaderFramingOf(text: string): string {
  const reader = createRecordReader('auto');
  // One character at a time: the decision does not depend on where chunks end.
  for (const character of text) reader.push(character);
  reader.flush();
  return reader.framing;
}
