import { describe, expect, it } from 'vitest';
import {
  type CanonicalEvent,
  ConversionError,
  convert,
  createConvertStream,
  createConverter,
  createDecoder,
  createEncoder,
} from '../../src/index.js';

const events: CanonicalEvent[] = [
  { type: 'run-start', runId: 'r1', actor: { kind: 'agent', name: 'A' } },
  { type: 'text-start', runId: 'r1', id: 't' },
  { type: 'text-delta', runId: 'r1', id: 't', delta: 'Hello' },
  { type: 'text-end', runId: 'r1', id: 't' },
  { type: 'run-end', runId: 'r1' },
];

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function* generate<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

function streamOf<T>(items: T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

describe('convert', () => {
  it('canonical to canonical is the identity after the version header, for arrays', () => {
    const { output, issues } = convert(events, { from: 'canonical', to: 'canonical' });
    expect(output).toEqual([{ canonicalVersion: 1 }, ...events]);
    expect(issues).toEqual([]);
  });

  it('gives the same records for an array, an async iterable, a ReadableStream and a TransformStream', async () => {
    const expected = convert(events, { to: 'canonical' }).output;
    expect(await collect(convert(generate(events), { to: 'canonical' }))).toEqual(expected);
    const stream = convert(streamOf<unknown>(events), { to: 'canonical' });
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(await collect(stream as unknown as AsyncIterable<unknown>)).toEqual(expected);
    expect(await collect(streamOf<unknown>(events).pipeThrough(createConvertStream({ from: 'canonical', to: 'canonical' })))).toEqual(expected);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const first = JSON.stringify(convert(events, { to: 'canonical' }));
    const second = JSON.stringify(convert(events, { to: 'canonical' }));
    expect(second).toBe(first);
  });

  it('keeps an invalid canonical record as raw, reports it with its index, and writes it back verbatim', () => {
    const broken = { type: 'text-delta', runId: 'r1', id: 't', delta: 42 };
    const { output, issues } = convert([events[0], broken, events[4]], { from: 'canonical', to: 'canonical' });
    expect(output).toEqual([{ canonicalVersion: 1 }, events[0], broken, events[4]]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid-input', level: 'error', format: 'canonical', index: 1, path: 'delta' }),
    ]);
  });

  it('strict mode throws a ConversionError that names the record, the format and the path', () => {
    const broken = { type: 'text-delta', runId: 'r1', id: 't', delta: 42 };
    expect(() => convert([events[0], broken], { from: 'canonical', to: 'canonical', strict: true })).toThrowError(ConversionError);
    try {
      convert([events[0], broken], { from: 'canonical', to: 'canonical', strict: true });
    } catch (error) {
      expect((error as ConversionError).message).toMatch(/^record 1, canonical, at delta: not a valid canonical record/);
      expect((error as ConversionError).issue).toMatchObject({ index: 1, format: 'canonical' });
    }
  });

  it('a record no format recognizes goes to onReject with its line, or becomes a raw event reported as unknown', () => {
    const rejected: unknown[] = [];
    const converter = createConverter({ to: 'canonical', onReject: (record, _issue, position) => rejected.push([record, position.line]) });
    expect(converter.push({ hello: 'world' }, { line: 7 })).toEqual([]);
    expect(rejected).toEqual([[{ hello: 'world' }, 7]]);
    expect(converter.stats.unknown).toBe(1);

    const decoder = createDecoder();
    expect(decoder.push({ hello: 'world' })).toEqual([{ type: 'raw', runId: 'unknown', format: 'unknown', payload: { hello: 'world' } }]);
    expect(decoder.issues).toEqual([expect.objectContaining({ code: 'unknown-event', index: 0 })]);
  });

  it('an encoder reports a raw record of another format instead of dropping it silently', () => {
    const encoder = createEncoder({ to: 'canonical' });
    // canonical can carry any raw record, so it writes it as an event
    expect(encoder.push({ type: 'raw', runId: 'r', format: 'agno', payload: { event: 'X' } })).toEqual([
      { canonicalVersion: 1 },
      { type: 'raw', runId: 'r', format: 'agno', payload: { event: 'X' } },
    ]);
  });

  it('counts records per format, runs, events and records written', () => {
    const { stats } = convert([...events, { type: 'run-start', runId: 'r2' }], { to: 'canonical' });
    expect(stats).toMatchObject({ records: { canonical: 6 }, runs: 2, events: 6, written: 7, unknown: 0 });
  });

  it('rejects unknown format names with the list of known formats', () => {
    // @ts-expect-error a format name that is not registered does not compile either
    expect(() => convert(events, { to: 'nope' })).toThrowError(/unknown --to format "nope"; known formats: .*canonical/);
    // @ts-expect-error a format name that is not registered does not compile either
    expect(() => convert(events, { from: 'nope', to: 'canonical' })).toThrowError(/unknown --from format "nope"/);
  });

  it('refuses input that is neither an array nor an iterable', () => {
    expect(() => convert(42 as unknown as unknown[], { to: 'canonical' })).toThrowError(TypeError);
  });
});

describe('mixed logs', () => {
  it('two formats that use the same run id in one log keep two runs: the later is renamed and reported', async () => {
    const { readJsonl } = await import('../support/golden.js');
    const legacy = readJsonl(new URL('../agno-legacy/fixtures/v1.8.4-agent-tools.jsonl', import.meta.url).pathname);
    const canonical: CanonicalEvent[] = [
      { type: 'run-start', runId: 'run-1' },
      { type: 'text-start', runId: 'run-1', id: 't' },
      { type: 'text-delta', runId: 'run-1', id: 't', delta: 'hi' },
      { type: 'text-end', runId: 'run-1', id: 't' },
      { type: 'run-end', runId: 'run-1' },
    ];
    const mixed = legacy.flatMap((record, index) => (index < canonical.length ? [canonical[index], record] : [record]));
    const { output, issues, stats } = convert(mixed, { from: 'auto', to: 'canonical' });
    const runIds = new Set(output.flatMap((record) => ((record as { runId?: string }).runId === undefined ? [] : [(record as { runId: string }).runId])));
    expect([...runIds].sort()).toEqual(['run-1', 'run-1@agno-legacy']);
    expect(stats.runsByFormat).toEqual({ canonical: 1, 'agno-legacy': 1 });
    expect(issues.filter((issue) => issue.code === 'minted')).toEqual([
      expect.objectContaining({ format: 'agno-legacy', runId: 'run-1@agno-legacy', message: expect.stringContaining('shares its id with an open canonical run') }),
    ]);
  });
});

describe('detection by neighbours', () => {
  it('a bare start chunk, which both AI SDK formats have, is read in the format of the chunks that follow it', () => {
    const streamParts = [
      { type: 'start' },
      { type: 'start-step', request: {}, warnings: [] },
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', text: 'Hi' },
      { type: 'text-end', id: '0' },
      { type: 'finish-step', response: { id: 'r', timestamp: new Date(0).toISOString(), modelId: 'm' }, usage: {}, finishReason: 'stop', providerMetadata: undefined },
      { type: 'finish', finishReason: 'stop', totalUsage: {} },
    ];
    const uiChunks = [{ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi' }, { type: 'text-end', id: 't' }, { type: 'finish' }];
    expect(convert(streamParts, { to: 'canonical' }).stats.records).toEqual({ 'ai-sdk-stream': streamParts.length });
    expect(convert(uiChunks, { to: 'canonical' }).stats.records).toEqual({ 'ai-sdk-ui': uiChunks.length });
    expect(convert(streamParts, { to: 'canonical' }).stats.runs).toBe(1);
  });
});
