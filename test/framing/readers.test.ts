import { describe, expect, it } from 'vitest';
import { createRecordReader, type InputFraming, type ReadItem, readAll, sniffFraming } from '../../src/index.js';
import { maxNestingDepth } from '../../src/internal.js';

function readInChunks(text: string, framing: InputFraming, cuts: number[]): ReadItem[] {
  const reader = createRecordReader(framing);
  const items: ReadItem[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    items.push(...reader.push(text.slice(start, cut)));
    start = cut;
  }
  items.push(...reader.flush());
  return items;
}

/** Every split into two chunks, and one character per chunk. */
function expectSameAtEveryBoundary(text: string, framing: InputFraming): ReadItem[] {
  const whole = readAll(text, framing);
  for (let cut = 0; cut <= text.length; cut += 1) {
    expect(readInChunks(text, framing, [cut]), `split at ${cut}`).toEqual(whole);
  }
  const singles = Array.from({ length: text.length - 1 }, (_, index) => index + 1);
  expect(readInChunks(text, framing, singles)).toEqual(whole);
  return whole;
}

const jsonl = '\ufeff{"a":1}\r\n\n{"b":"x\\ny"}\n{broken\n{"c":[1,{"d":2}]}';
const sse = [
  'event: RunStarted',
  'data: {"event":"RunStarted","run_id":"r1"}',
  '',
  ': a comment',
  'event: RunContent',
  'data: {"event":"RunContent",',
  'data:  "content":"hi"}',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');
const concat = '{\n  "event": "RunResponse",\n  "content": "a}b{"\n}{\n  "event": "RunCompleted",\n  "nested": {"x": [1, 2]}\n}\n';

describe('framing readers', () => {
  it('jsonl gives the same records and rejects wherever the chunks split', () => {
    const items = expectSameAtEveryBoundary(jsonl, 'jsonl');
    expect(items).toEqual([
      { kind: 'record', record: { a: 1 }, line: 1, text: '{"a":1}' },
      { kind: 'record', record: { b: 'x\ny' }, line: 3, text: '{"b":"x\\ny"}' },
      { kind: 'reject', text: '{broken', line: 4, error: expect.stringContaining('invalid JSON') },
      { kind: 'record', record: { c: [1, { d: 2 }] }, line: 5, text: '{"c":[1,{"d":2}]}' },
    ]);
  });

  it('sse joins multi-line data, skips comments and [DONE], whatever the chunk boundaries', () => {
    const items = expectSameAtEveryBoundary(sse, 'sse');
    expect(items.map((item) => (item.kind === 'record' ? item.record : item))).toEqual([
      { event: 'RunStarted', run_id: 'r1' },
      { event: 'RunContent', content: 'hi' },
    ]);
  });

  it('sse reads agno 2.0.0 – 2.0.2 frames whose indented JSON continues without data: prefixes', () => {
    const quirk = 'event: RunStarted\ndata: {\n  "event": "RunStarted",\n  "run_id": "r1",\n  "nested": {\n    "a": 1\n  }\n}\n\nevent: RunCompleted\ndata: {\n  "event": "RunCompleted"\n}\n\n';
    const items = expectSameAtEveryBoundary(quirk, 'sse');
    expect(items).toEqual([
      { kind: 'record', record: { event: 'RunStarted', run_id: 'r1', nested: { a: 1 } }, line: 9, text: expect.stringMatching(/^\{\n {2}"event": "RunStarted"/) },
      { kind: 'record', record: { event: 'RunCompleted' }, line: 14, text: '{\n  "event": "RunCompleted"\n}' },
    ]);
    expect(readAll(quirk.replaceAll('\n', '\r\n'), 'auto')).toEqual(items);
  });

  it('concatenated pretty JSON splits on balanced braces, ignoring braces inside strings', () => {
    const items = expectSameAtEveryBoundary(concat, 'concat');
    expect(items).toEqual([
      { kind: 'record', record: { event: 'RunResponse', content: 'a}b{' }, line: 1, text: '{\n  "event": "RunResponse",\n  "content": "a}b{"\n}' },
      { kind: 'record', record: { event: 'RunCompleted', nested: { x: [1, 2] } }, line: 4, text: expect.stringContaining('"RunCompleted"') },
    ]);
  });

  it('concatenated JSON rejects a value cut off at the end of the input', () => {
    expect(readAll('{"a":1}{"b":', 'concat')).toEqual([
      { kind: 'record', record: { a: 1 }, line: 1, text: '{"a":1}' },
      { kind: 'reject', text: '{"b":', line: 1, error: 'input ended inside a JSON value' },
    ]);
  });

  it('json reads an array as one record per element and an object as one record', () => {
    expect(expectSameAtEveryBoundary('[{"a":1},{"b":2}]', 'json').map((item) => item.kind === 'record' && item.record)).toEqual([
      { a: 1 },
      { b: 2 },
    ]);
    expect(readAll('{"a":1}', 'json')).toEqual([{ kind: 'record', record: { a: 1 }, line: 1, text: '{"a":1}' }]);
  });

  it('auto sniffs each framing from the first bytes and reads identically at every boundary', () => {
    expect(sniffFraming(jsonl, true)).toBe('jsonl');
    expect(sniffFraming(sse, true)).toBe('sse');
    expect(sniffFraming(concat, true)).toBe('concat');
    expect(sniffFraming(' [1]', true)).toBe('json');
    expect(sniffFraming('[\n  {"a": 1}\n]\n', true)).toBe('json');
    expect(sniffFraming('["human","hi"]\n["ai","hello"]\n', true)).toBe('jsonl');
    expect(sniffFraming('[1]\n', true)).toBe('json');
    expect(expectSameAtEveryBoundary(jsonl, 'auto')).toEqual(readAll(jsonl, 'jsonl'));
    expect(expectSameAtEveryBoundary(sse, 'auto')).toEqual(readAll(sse, 'sse'));
    expect(expectSameAtEveryBoundary(concat, 'auto')).toEqual(readAll(concat, 'concat'));
  });

  it('an empty input gives nothing in every framing', () => {
    for (const framing of ['auto', 'jsonl', 'sse', 'concat', 'json'] as const) {
      expect(readAll('', framing)).toEqual([]);
      expect(readAll('\n\n', framing)).toEqual([]);
    }
  });
});

describe('the nesting limit', () => {
  const deep = (levels: number) => `${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}`;

  it('rejects a record nested deeper than the limit and reads one at the limit', () => {
    const tooDeep = readAll(`${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}\n`, 'jsonl');
    expect(tooDeep).toMatchObject([{ kind: 'reject', error: `JSON nested deeper than ${maxNestingDepth} levels` }]);
    expect(readAll(`${deep(maxNestingDepth / 2)}\n`, 'jsonl')).toMatchObject([{ kind: 'record' }]);
    expect(readAll(`${deep(maxNestingDepth / 2 + 1)}\n`, 'jsonl')).toMatchObject([{ kind: 'reject' }]);
  });

  it('reads long shallow records with many brackets, in values and in strings', () => {
    const manyObjects = JSON.stringify(Array.from({ length: 3 * maxNestingDepth }, (_, index) => ({ index })));
    const bracesInText = JSON.stringify({ text: '{['.repeat(2 * maxNestingDepth) });
    for (const text of [manyObjects, bracesInText]) {
      expect(readAll(`${text}\n`, 'jsonl')).toEqual([{ kind: 'record', record: JSON.parse(text), line: 1, text }]);
    }
  });
});
