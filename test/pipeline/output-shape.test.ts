import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert } from '../../src/index.js';

const fixture = (path: string): string => join(import.meta.dirname, '..', path);
const jsonl = (path: string): unknown[] => readFileSync(fixture(path), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
const json = (path: string): unknown => JSON.parse(readFileSync(fixture(path), 'utf8')) as unknown;

const runOutput = json('agno/fixtures/v2.9.0-agent-run-output.json');
const runResponse = json('agno-legacy/fixtures/v1.8.4-agent-run-response.json');
const messageList = jsonl('langchain/fixtures/agent-tools.constructor.jsonl');
const agnoStream = jsonl('agno/fixtures/v2.9.0-agent-tools.jsonl');

const isEvent = (record: unknown): boolean => typeof (record as { event?: unknown }).event === 'string';

describe('the output shape follows the input unless shape is given', () => {
  it('a run read from an aggregate or a message list starts with snapshot: true; a stream does not', () => {
    const starts = (records: unknown[], from: 'agno' | 'agno-legacy' | 'langchain') =>
      (convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]).filter((event) => event.type === 'run-start');
    expect(starts([runOutput], 'agno').map((event) => event.type === 'run-start' && event.snapshot)).toEqual([true]);
    expect(starts([runResponse], 'agno-legacy').map((event) => event.type === 'run-start' && event.snapshot)).toEqual([true]);
    expect(starts(messageList, 'langchain').map((event) => event.type === 'run-start' && event.snapshot)).toEqual([true]);
    expect(starts(agnoStream, 'agno').map((event) => event.type === 'run-start' && event.snapshot)).toEqual([undefined]);
  });

  it('an agno 1.x RunResponse becomes one agno RunOutput, not events', () => {
    const { output } = convert([runResponse], { from: 'agno-legacy', to: 'agno' });
    expect(output).toHaveLength(1);
    // 1.8.4 stored this finished run as RUNNING: it has no output, its answer is the last message.
    expect(output[0]).toMatchObject({ run_id: (runResponse as { run_id: string }).run_id, status: 'RUNNING' });
    expect(((output[0] as { messages: { content?: unknown }[] }).messages.at(-1))?.content).toBe('It is sunny in Paris');
    expect(isEvent(output[0])).toBe(false);
  });

  it('an agno RunOutput becomes one 1.x RunResponse, and itself again', () => {
    const down = convert([runOutput], { from: 'agno', to: 'agno-legacy' }).output;
    expect(down).toHaveLength(1);
    expect(isEvent(down[0])).toBe(false);
    expect(convert([runOutput], { from: 'agno', to: 'agno', encode: { target: '2.x' } }).output).toEqual([runOutput]);
  });

  it('a LangChain message list becomes one agno RunOutput with its messages', () => {
    const { output } = convert(messageList, { from: 'langchain', to: 'agno' });
    expect(output).toHaveLength(1);
    const messages = (output[0] as { messages: { role: string }[] }).messages.map((message) => message.role);
    expect(messages.slice(0, 2)).toEqual(['system', 'user']);
    expect(messages).toContain('tool');
  });

  it('shape: events asks for a stream anyway, and a stream stays a stream with auto', () => {
    const events = convert([runResponse], { from: 'agno-legacy', to: 'agno', encode: { shape: 'events' } }).output;
    expect(events.length).toBeGreaterThan(1);
    expect(events.every(isEvent)).toBe(true);
    const stream = convert(agnoStream, { from: 'agno', to: 'agno-legacy' }).output;
    expect(stream.every(isEvent)).toBe(true);
  });

  it('shape: aggregate turns a stream into one aggregate', () => {
    const { output } = convert(agnoStream, { from: 'agno', to: 'agno', encode: { shape: 'aggregate' } });
    expect(output).toHaveLength(1);
    expect(isEvent(output[0])).toBe(false);
  });
});
