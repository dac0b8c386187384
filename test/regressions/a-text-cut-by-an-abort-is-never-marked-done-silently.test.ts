import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert, type FormatName } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';

// A run cancelled in the middle of its text (agno RunCancelled, an AI SDK abort, a LangChain
// streamEvents run whose model never ended) was read with the text ended: useChat showed the cut
// text as done and a LangChain message as whole, with no issue. A text an error cut had been fixed
// so; a cancel is the same cut.

function lines(path: string): unknown[] {
  return readFileSync(new URL(path, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

const agnoCancelled = lines('../agno/fixtures/constructed-v2.9.0-cancelled.jsonl');

function canonical(records: readonly unknown[], from: FormatName): CanonicalEvent[] {
  return convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
}

function ends(events: readonly CanonicalEvent[]): string[] {
  return events.filter((event) => event.type === 'text-end' || event.type === 'run-cancel' || event.type === 'run-end').map((event) => event.type);
}

/** A UI message stream stopped by the user in the middle of its text, as streamText writes it. */
const abortedChunks = [
  { type: 'start', messageId: 'msg-1' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'The answer is' },
  { type: 'abort', reason: 'stopped by the user' },
];

describe('a text cut by an abort is never marked done silently', () => {
  it('an agno run cancelled mid-text reaches useChat with its text still streaming', async () => {
    expect(ends(canonical(agnoCancelled, 'agno'))).toEqual(['run-cancel']);
    const read = await readChunks(convert(agnoCancelled, { from: 'agno', to: 'ai-sdk-ui' }).output);
    expect(read.message?.parts.filter((part) => part.type === 'text')).toEqual([{ type: 'text', text: 'Partial', state: 'streaming' }]);
  });

  it('an agno 1.x run cancelled mid-text is read with its text unended', () => {
    const legacy = convert(agnoCancelled, { from: 'agno', to: 'agno-legacy' }).output;
    expect(ends(canonical(legacy, 'agno-legacy'))).toEqual(['run-cancel']);
  });

  it('a UI message stream aborted mid-text stays cut through agno, agno 1.x, Runner and the full stream', async () => {
    for (const target of ['agno', 'agno-legacy', 'runner', 'ai-sdk-stream'] as const) {
      const written = convert(abortedChunks, { from: 'ai-sdk-ui', to: target }).output;
      expect(ends(canonical(written, target)), target).toEqual(['run-cancel']);
      const read = await readChunks(convert(written, { from: target, to: 'ai-sdk-ui' }).output);
      expect(read.message?.parts.filter((part) => part.type === 'text').map((part) => part.type === 'text' && part.state), target).toEqual(['streaming']);
    }
  });

  it('a text that ended right before the abort is reported by agno and agno 1.x, whose streams have no text end', () => {
    const endedThenAborted = [...abortedChunks.slice(0, 4), { type: 'text-end', id: 't1' }, abortedChunks[4]];
    for (const target of ['agno', 'agno-legacy'] as const) {
      const written = convert(endedThenAborted, { from: 'ai-sdk-ui', to: target });
      expect(written.issues.filter((issue) => issue.level === 'warning').map((issue) => `${issue.code} ${issue.eventType} ${issue.message}`), target).toEqual([
        `approximated run-cancel a text that ended right before the run was cancelled reads back as cut: ${target === 'agno' ? 'agno' : 'agno 1.x'} streams have no text or reasoning end`,
      ]);
    }
  });

  it('a text an abort cut is written to useChat without its end', () => {
    const events = canonical(abortedChunks, 'ai-sdk-ui');
    const written = convert(events, { from: 'canonical', to: 'ai-sdk-ui' }).output as { type: string }[];
    expect(written.map((chunk) => chunk.type)).toEqual(['start', 'start-step', 'text-start', 'text-delta', 'abort']);
  });

  it('LangChain, whose messages are whole, reports the text an abort cut', () => {
    const written = convert(abortedChunks, { from: 'ai-sdk-ui', to: 'langchain' });
    expect(written.issues.filter((issue) => issue.level === 'warning').map((issue) => `${issue.code} ${issue.eventType} ${issue.message}`)).toEqual([
      "approximated run-cancel 1 text or reasoning block(s) cut by the run's cancel were written as whole message content: LangChain messages cannot say a text was cut, and read back as finished",
    ]);
  });

  it('a LangChain streamEvents run that stops before its model ends leaves the text cut, and says so', () => {
    const recorded = lines('../langchain/fixtures/agent-tools.stream-events.jsonl');
    // The recording up to the model's second token: the stream was aborted there.
    const aborted = recorded.slice(0, 4);
    const decoded = convert(aborted, { from: 'langchain', to: 'canonical', encode: { header: false } });
    const events = decoded.output as CanonicalEvent[];
    expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(0);
    expect(events.filter((event) => event.type === 'text-end' || event.type === 'step-end')).toEqual([]);
    expect(decoded.issues.filter((issue) => issue.level === 'warning').map((issue) => issue.code)).toEqual(['invalid-sequence']);
  });

  it('a Python chunk stream that ends before its chunk_position "last" leaves the text cut, and says so', () => {
    const chunk = (content: string, last = false) => ({
      lc: 1,
      type: 'constructor',
      id: ['langchain_core', 'messages', 'AIMessageChunk'],
      kwargs: { content, id: 'run-1', ...(last ? { chunk_position: 'last' } : {}), type: 'AIMessageChunk', tool_call_chunks: [], tool_calls: [], invalid_tool_calls: [], additional_kwargs: {}, response_metadata: {} },
    });
    const whole = canonical([chunk('The answer '), chunk('is 42.'), chunk('', true)], 'langchain');
    expect(whole.filter((event) => event.type === 'text-end')).toHaveLength(1);
    const cut = convert([chunk('The answer '), { ...chunk('is'), kwargs: { ...chunk('is').kwargs, chunk_position: null } }], { from: 'langchain', to: 'canonical', encode: { header: false } });
    expect((cut.output as CanonicalEvent[]).filter((event) => event.type === 'text-end')).toEqual([]);
    expect(cut.issues.filter((issue) => issue.level === 'warning').map((issue) => issue.code)).toEqual(['invalid-sequence']);
  });
});
