import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readRecords } from '../interop/recorded.js';
import { Oracle, skipPython, skipReason } from '../interop/python.js';

// Python's message_to_dict names a message by its `type` (`AIMessageChunk`, `chat` …) and
// messages_from_dict builds the class that name says. Written in the stored form, a Python chunk got
// JavaScript's type (`ai`, `generic`), so langchain-core rejected it (`Input should be 'ai'`), even
// for records read from messages_to_dict in that very form.
const recorded = join(import.meta.dirname, '../langchain/fixtures/recorded/python-langchain-core-1.8.3');
const files = ['chunks.messages-to-dict.jsonl', 'other-classes.messages-to-dict.jsonl', 'chunks.dumpd.jsonl', 'other-classes.dumpd.jsonl'];

describe('Python LangChain messages written in the stored form', () => {
  it.each(files)('keep the type Python names them by (%s)', (file) => {
    const { output } = convert(readRecords(join(recorded, file)), { from: 'langchain', to: 'langchain', encode: { form: 'stored' } });
    const types = (output as { type: string; data: { type: string } }[]).map((record) => [record.type, record.data.type]);
    expect(types.length).toBeGreaterThan(0);
    for (const [outer, inner] of types) expect(outer).toBe(inner);
  });

  it('written back from messages_to_dict are the very records', () => {
    const records = readRecords(join(recorded, 'chunks.messages-to-dict.jsonl'));
    expect(convert(records, { from: 'langchain', to: 'langchain', encode: { form: 'stored' } }).output).toEqual(records);
  });

  it('read from JavaScript keep JavaScript’s type', () => {
    const chunk = { lc: 1, type: 'constructor', id: ['langchain_core', 'messages', 'AIMessageChunk'], kwargs: { content: 'Hi', tool_calls: [], invalid_tool_calls: [], additional_kwargs: {}, response_metadata: {} } };
    expect(convert([chunk], { from: 'langchain', to: 'langchain', encode: { form: 'stored' } }).output).toMatchObject([{ type: 'ai', data: { content: 'Hi' } }]);
  });
});

describe.skipIf(skipPython)(`Python LangChain messages written in the stored form, read by langchain-core${skipPython ? ` (${skipReason})` : ''}`, () => {
  let oracle: Oracle;
  beforeAll(async () => {
    oracle = await Oracle.start('langchain-core-1.8.3');
  }, 60_000);
  afterAll(() => oracle.close());

  it.each(files)('are read by messages_from_dict with every field they were written with (%s)', async (file) => {
    const { output } = convert(readRecords(join(recorded, file)), { from: 'langchain', to: 'langchain', encode: { form: 'stored' } });
    expect(await oracle.check('message', output)).toEqual(output.map(() => ({ id: expect.any(Number), ok: true })));
  });
});
