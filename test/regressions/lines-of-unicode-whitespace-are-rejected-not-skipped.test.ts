import { describe, expect, it } from 'vitest';
import { readAll, type ReadItem } from '../../src/index.js';

function outline(items: ReadItem[]): unknown[] {
  return items.map((item) => (item.kind === 'record' ? item.record : { reject: item.text, line: item.line }));
}

describe('whitespace that JSON does not allow', () => {
  it('on a line of its own in JSON Lines is rejected with its line; space, tab and CR are skipped', () => {
    const text = '{"a":1}\n\u00a0\n \t\r\n\u2028\n\u3000 \n\ufeff\n{"b":2}\n';
    expect(outline(readAll(text, 'jsonl'))).toEqual([
      { a: 1 },
      { reject: '\u00a0', line: 2 },
      { reject: '\u2028', line: 4 },
      { reject: '\u3000 ', line: 5 },
      { reject: '\ufeff', line: 6 },
      { b: 2 },
    ]);
  });

  it('as SSE data is rejected', () => {
    expect(outline(readAll('data: {"a":1}\n\ndata: \u00a0\n\ndata: {"b":2}\n\n', 'sse'))).toEqual([{ a: 1 }, { reject: '\u00a0', line: 4 }, { b: 2 }]);
  });

  it('between concatenated values is rejected, one reject per line with its own line', () => {
    expect(outline(readAll('{"a":1}\n\u3000\njunk\n{"b":2}\u00a0', 'concat'))).toEqual([
      { a: 1 },
      { reject: '\u3000', line: 2 },
      { reject: 'junk', line: 3 },
      { b: 2 },
      { reject: '\u00a0', line: 4 },
    ]);
  });
});
