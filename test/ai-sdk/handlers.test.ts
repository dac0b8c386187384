import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type TextStreamPartHandler,
  type TextStreamPartHandlers,
  type UIMessageChunkHandler,
  type UIMessageChunkHandlers,
  textStreamPartHandlers,
  uiMessageChunkHandlers,
} from '../../adapters/ai-sdk/index.js';
import { ConversionError, convert } from '../../src/index.js';
import { readJsonl, toJsonl } from '../support/golden.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const recordsOf = (name: string) => readJsonl(join(fixtures, name)) as Record<string, unknown>[];
const named = (suffixes: readonly string[]) => readdirSync(fixtures).filter((file) => suffixes.some((suffix) => file.endsWith(suffix)));

type Format = 'ai-sdk-ui' | 'ai-sdk-stream';

/** What a conversion gives, as the bytes a user receives: the records (or events) and the issues, one JSON line each. */
function converted(records: unknown[], from: Format, to: Format | 'canonical', handlers?: object): string {
  const decode = handlers === undefined ? undefined : { handlers };
  const { output, issues } = convert(records, { from, to, encode: to === 'canonical' ? { header: false } : undefined, decode: decode as never });
  return toJsonl([...output, { issues }]);
}

describe('the ai-sdk-ui decoder handlers option', () => {
  const records = recordsOf('reasoning-tool-two-steps.ui.jsonl');

  it('a tool-input-available handler wrapping the default changes the tool calls it reads and no other chunk', () => {
    const seen: string[] = [];
    const redacted: UIMessageChunkHandler = (state, chunk, context) => {
      seen.push(`${String(chunk.toolCallId)} in ${state.root?.runId}`);
      const events = uiMessageChunkHandlers['tool-input-available'](state, chunk, context);
      return events.map((event) => (event.type === 'tool-call' ? { ...event, input: { redacted: true } } : event));
    };
    const handlers = { 'tool-input-available': redacted };
    // The full stream written from it: the parts that carry the call's input (tool-call, and
    // tool-result, which restates it) have the redacted one; the rest is byte for byte the same.
    const plain = convert(records, { from: 'ai-sdk-ui', to: 'ai-sdk-stream' }).output as Record<string, unknown>[];
    const overridden = convert(records, { from: 'ai-sdk-ui', to: 'ai-sdk-stream', decode: { handlers } }).output as Record<string, unknown>[];
    expect(seen).toEqual(['call-1 in msg-1']);
    const inputs = (output: Record<string, unknown>[]) => output.filter((record) => 'input' in record).map((record) => [record.type, record.input]);
    expect(inputs(plain)).toEqual([['tool-call', { city: 'Paris' }], ['tool-result', { city: 'Paris' }]]);
    expect(inputs(overridden)).toEqual([['tool-call', { redacted: true }], ['tool-result', { redacted: true }]]);
    const otherwise = (output: Record<string, unknown>[]) => output.map((record) => JSON.stringify('input' in record ? { ...record, input: 'the input' } : record));
    expect(otherwise(overridden)).toEqual(otherwise(plain));

    // The canonical events: the one tool-call differs, every other event is byte for byte the same.
    const events = (decode?: object) => (convert(records, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false }, decode: decode as never }).output as { type: string }[]).map((event) => JSON.stringify(event));
    const [before, after] = [events(), events({ handlers })];
    expect(after.filter((event, index) => event !== before[index])).toEqual([before.find((event) => event.includes('"tool-call"'))?.replace('{"city":"Paris"}', '{"redacted":true}')]);
  });

  it('a record read by a replaced handler is still written back verbatim to its own format, as every source record is', () => {
    const dropAll: UIMessageChunkHandler = () => [];
    const { output } = convert(records, { from: 'ai-sdk-ui', to: 'ai-sdk-ui', decode: { handlers: { 'tool-input-available': dropAll } } });
    expect(output).toEqual(records);
  });

  it('a data-* handler reads every data part and nothing else', () => {
    const additions = recordsOf('constructed-v7-additions.ui.jsonl');
    const dataTypes: string[] = [];
    const dropData: UIMessageChunkHandler = (_state, chunk) => {
      dataTypes.push(String(chunk.type));
      return [];
    };
    type Event = { type: string; name?: string };
    const plain = convert(additions, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } }).output as Event[];
    const overridden = convert(additions, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false }, decode: { handlers: { 'data-*': dropData } } }).output as Event[];

    expect(dataTypes).toEqual(additions.map((record) => String(record.type)).filter((type) => type.startsWith('data-')));
    expect(dataTypes.length).toBeGreaterThan(0);
    const isDataPart = (event: Event) => event.type === 'data' && dataTypes.includes(`data-${event.name}`);
    expect(plain.filter(isDataPart)).toHaveLength(dataTypes.length);
    expect(toJsonl(overridden)).toBe(toJsonl(plain.filter((event) => !isDataPart(event))));
  });

  for (const name of named(['.ui.jsonl'])) {
    it(`handlers that call the exported defaults give ${name} byte for byte as the defaults do, to canonical and to ai-sdk-stream`, () => {
      const input = recordsOf(name);
      const calls: string[] = [];
      const wrapping = Object.fromEntries(
        (Object.keys(uiMessageChunkHandlers) as (keyof UIMessageChunkHandlers)[]).map((type): [string, UIMessageChunkHandler] => [
          type,
          (state, chunk, context) => {
            calls.push(String(chunk.type));
            return uiMessageChunkHandlers[type](state, chunk, context);
          },
        ]),
      );
      expect(converted(input, 'ai-sdk-ui', 'canonical', wrapping)).toBe(converted(input, 'ai-sdk-ui', 'canonical'));
      expect(calls.length).toBeGreaterThan(0);
      expect(converted(input, 'ai-sdk-ui', 'ai-sdk-stream', wrapping)).toBe(converted(input, 'ai-sdk-ui', 'ai-sdk-stream'));
    });
  }
});

describe('the ai-sdk-stream decoder handlers option', () => {
  it('a tool-call handler wrapping the default changes the calls it reads and no other part of what useChat receives', () => {
    const records = recordsOf('reasoning-tool-two-steps.stream.jsonl');
    const redacted: TextStreamPartHandler = (state, part, context) =>
      textStreamPartHandlers['tool-call'](state, part, context).map((event) => (event.type === 'tool-call' ? { ...event, input: { redacted: true } } : event));
    const plain = convert(records, { from: 'ai-sdk-stream', to: 'ai-sdk-ui' }).output as Record<string, unknown>[];
    const overridden = convert(records, { from: 'ai-sdk-stream', to: 'ai-sdk-ui', decode: { handlers: { 'tool-call': redacted } } }).output as Record<string, unknown>[];

    const isCall = (record: Record<string, unknown>) => record.type === 'tool-input-available';
    expect(plain.filter(isCall).map((record) => record.input)).toEqual([{ city: 'Paris' }]);
    expect(overridden.filter(isCall).map((record) => record.input)).toEqual([{ redacted: true }]);
    const otherwise = (output: Record<string, unknown>[]) => output.map((record) => (isCall(record) ? 'call' : JSON.stringify(record)));
    expect(otherwise(overridden)).toEqual(otherwise(plain));
  });

  it('an ai 4 name has a handler of its own: a step-start handler leaves the ai 5 start-step alone', () => {
    const ai4 = recordsOf('constructed-ai4-full-stream.ai4.jsonl');
    const current = recordsOf('text-only.stream.jsonl');
    const calls: string[] = [];
    const counting: TextStreamPartHandler = (state, part, context) => {
      calls.push(String(part.type));
      return textStreamPartHandlers['step-start'](state, part, context);
    };
    expect(converted(ai4, 'ai-sdk-stream', 'canonical', { 'step-start': counting })).toBe(converted(ai4, 'ai-sdk-stream', 'canonical'));
    expect(converted(current, 'ai-sdk-stream', 'canonical', { 'step-start': counting })).toBe(converted(current, 'ai-sdk-stream', 'canonical'));
    expect(calls).toEqual(ai4.filter((record) => record.type === 'step-start').map(() => 'step-start'));
    expect(calls.length).toBeGreaterThan(0);
  });

  for (const name of named(['.stream.jsonl', '.ai4.jsonl'])) {
    it(`handlers that call the exported defaults give ${name} byte for byte as the defaults do, to canonical and to ai-sdk-ui`, () => {
      const input = recordsOf(name);
      let calls = 0;
      const wrapping = Object.fromEntries(
        (Object.keys(textStreamPartHandlers) as (keyof TextStreamPartHandlers)[]).map((type): [string, TextStreamPartHandler] => [
          type,
          (state, part, context) => {
            calls += 1;
            return textStreamPartHandlers[type](state, part, context);
          },
        ]),
      );
      expect(converted(input, 'ai-sdk-stream', 'canonical', wrapping)).toBe(converted(input, 'ai-sdk-stream', 'canonical'));
      expect(calls).toBeGreaterThan(0);
      expect(converted(input, 'ai-sdk-stream', 'ai-sdk-ui', wrapping)).toBe(converted(input, 'ai-sdk-stream', 'ai-sdk-ui'));
    });
  }
});

describe('handlers the AI SDK decoders refuse', () => {
  const cases = [
    { format: 'ai-sdk-ui', records: recordsOf('text-only.ui.jsonl'), title: 'UIMessageChunk type: start, start-step, finish-step' },
    { format: 'ai-sdk-stream', records: recordsOf('text-only.stream.jsonl'), title: 'TextStreamPart type: start, start-step, step-start' },
  ] as const;

  for (const { format, records, title } of cases) {
    const attempt = (handlers: unknown) => () => convert(records, { from: format, to: 'canonical', decode: { handlers } as never });
    const refusal = (got: string) => new RegExp(`^decode option handlers of ${format} must be an object of functions keyed by ${title}, .*; got ${got.replace(/[[\]{}]/g, '\\$&')}$`);

    it(`${format} refuses a type its reader does not dispatch on, naming it and the accepted types`, () => {
      // A data part's own type is not a key: data-* reads them all.
      expect(attempt({ 'data-weather': () => [] })).toThrow(ConversionError);
      expect(attempt({ 'data-weather': () => [] })).toThrow(refusal('{"data-weather":"[function]"}'));
      expect(attempt({ constructor: () => [] })).toThrow(refusal('{"constructor":"[function]"}'));
    });

    it(`${format} refuses a handler that is not a function, and a type given as undefined`, () => {
      expect(attempt({ 'text-delta': 'uppercase' })).toThrow(refusal('{"text-delta":"uppercase"}'));
      expect(attempt({ 'text-delta': undefined })).toThrow(refusal('{"text-delta":"[undefined]"}'));
    });
  }
});
