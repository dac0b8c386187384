import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert, createConvertStream, createDecoder, readAll } from '../../src/index.js';
import type { Issue } from '../../src/index.js';
import type { FormatName } from '../../src/registry.js';

const formats: FormatName[] = ['agno', 'agno-legacy', 'runner', 'ai-sdk-ui', 'ai-sdk-stream', 'canonical', 'langchain'];

/** An agno run with text and a tool call, as parsed records. */
const agnoRun = readAll(readFileSync(new URL('../agno/fixtures/v2.9.0-agent-tools.jsonl', import.meta.url), 'utf8')).flatMap((item) => (item.kind === 'record' ? [item.record] : []));

/** Valid records of `format`: the agno run written in it. */
const recordsOf = (format: FormatName): Record<string, unknown>[] =>
  convert(agnoRun, { from: 'agno', to: format }).output.filter((record): record is Record<string, unknown> => typeof record === 'object' && record !== null && !Array.isArray(record));

function cycle(): unknown {
  const looped: Record<string, unknown> = { name: 'loop' };
  looped.self = looped;
  return looped;
}

function deep(levels: number): unknown {
  let nested: unknown = {};
  for (let level = 0; level < levels; level += 1) nested = { nested };
  return nested;
}

const faults = [
  { name: 'refers to itself', value: cycle, message: /refers to itself \(a reference cycle\)/ },
  { name: 'nests 100 000 levels deep', value: () => deep(100_000), message: /deeper than 1000 levels/ },
];

/** The records of `format` with the fault in a field of the middle one, which is returned too. */
function withFault(format: FormatName, fault: unknown): { records: unknown[]; faulty: unknown } {
  const records: unknown[] = recordsOf(format);
  const middle = Math.floor(records.length / 2);
  const faulty = { ...(records[middle] as Record<string, unknown>), extra: fault };
  records[middle] = faulty;
  return { records, faulty };
}

const rejection = (issues: readonly Issue[], message: RegExp): Issue[] => issues.filter((issue) => issue.code === 'invalid-input' && issue.level === 'error' && message.test(issue.message));

describe('a record given as an object that refers to itself or nests 100 000 levels deep', () => {
  for (const format of formats) {
    for (const fault of faults) {
      it(`${format}: one that ${fault.name} is rejected by convert, and the records around it convert as without it`, () => {
        const { records, faulty } = withFault(format, fault.value());
        const { output, issues } = convert(records, { from: format, to: format });
        expect(rejection(issues, fault.message)).toHaveLength(1);
        const expected = convert(records.filter((record) => record !== faulty), { from: format, to: format }).output;
        expect(output).toEqual(expected);
      });

      it(`${format}: one that ${fault.name} goes to onReject of createDecoder with its issue`, () => {
        const { records, faulty } = withFault(format, fault.value());
        const rejected: { record: unknown; issue: Issue }[] = [];
        const decoder = createDecoder({ from: format, onReject: (record, issue) => rejected.push({ record, issue }) });
        for (const record of records) decoder.push(record);
        decoder.flush();
        expect(rejected).toHaveLength(1);
        expect(rejected[0]?.record).toBe(faulty);
        expect(rejection([rejected[0]?.issue as Issue], fault.message)).toHaveLength(1);
      });

      it(`${format}: one that ${fault.name} is rejected by createConvertStream, which writes the rest as without it`, async () => {
        const { records, faulty } = withFault(format, fault.value());
        const stream = createConvertStream({ from: format, to: 'ai-sdk-ui' });
        const source = new ReadableStream({
          start(controller) {
            for (const record of records) controller.enqueue(record);
            controller.close();
          },
        });
        const output: unknown[] = [];
        for await (const record of source.pipeThrough(stream)) output.push(record);
        expect(rejection(stream.issues, fault.message)).toHaveLength(1);
        const expected = convert(records.filter((record) => record !== faulty), { from: format, to: 'ai-sdk-ui' }).output;
        expect(output).toEqual(expected);
        expect(output.at(-1)).toMatchObject({ type: 'finish' });
      });
    }
  }
});
