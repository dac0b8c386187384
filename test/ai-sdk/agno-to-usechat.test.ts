import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, accumulate, convert, getFormat } from '../../src/index.js';
import { expectGolden, readJsonl } from '../support/golden.js';
import { invalidChunks, readChunks, withoutBridge } from './ui-reader.js';

/** Every agno recording in the repository, with the registered format that reads it. */
const sources = [
  { format: 'agno', folder: join(import.meta.dirname, '../agno/fixtures') },
  { format: 'agno-legacy', folder: join(import.meta.dirname, '../agno-legacy/fixtures') },
]
  .filter(({ format }) => getFormat(format) !== undefined)
  .flatMap(({ format, folder }) =>
    readdirSync(folder)
      .filter((file) => (file.endsWith('.jsonl') && !/\.(canonical|issues)\.jsonl$/.test(file)) || file.endsWith('.json'))
      .map((file) => ({ format, file, folder })),
  );

function readRecording(folder: string, file: string): unknown[] {
  const path = join(folder, file);
  return file.endsWith('.jsonl') ? readJsonl(path) : [JSON.parse(readFileSync(path, 'utf8')) as unknown];
}

const goldens = join(import.meta.dirname, 'fixtures/agno');

/**
 * Events as runs; raw records of the source format are left out: AI SDK targets report them
 * as dropped (convert to the source format to keep them).
 */
function snapshot(events: readonly unknown[]) {
  const kept = (events as CanonicalEvent[]).filter((event) => event.type !== undefined && event.type !== 'raw');
  return accumulate(kept);
}

describe('agno recordings served to useChat', () => {
  it('include both agno formats once they are registered', () => {
    expect(sources.some((source) => source.format === 'agno')).toBe(true);
    expect(sources.some((source) => source.format === 'agno-legacy')).toBe(true);
  });

  for (const { format, file, folder } of sources) {
    const records = readRecording(folder, file);
    const name = file.replace(/\.jsonl?$/, '');

    it(`${file} (${format}) writes only chunks uiMessageChunkSchema accepts`, async () => {
      const { output } = convert(records, { from: format, to: 'ai-sdk-ui' });
      expect(output.length).toBeGreaterThan(0);
      expect(await invalidChunks(output)).toEqual([]);
    });

    it(`${file} (${format}) reads in readUIMessageStream as its golden UIMessage`, async () => {
      const { output, issues } = convert(records, { from: format, to: 'ai-sdk-ui' });
      const read = await readChunks(output);
      const ours = issues.filter((issue) => issue.format === 'ai-sdk-ui');
      // What a plain useChat app shows: our metadata (lineage, source fields) is checked by the read-back tests.
      const shown = { message: withoutBridge(read.message), error: read.error, issues: ours };
      expectGolden(join(goldens, `${name}.uimessage.json`), `${JSON.stringify(shown, null, 2)}\n`);
    });

    it(`${file} (${format}) comes back from ai-sdk-ui as the same runs, members and lineage included`, () => {
      const canonical = convert(records, { from: format, to: 'canonical' }).output;
      const chunks = convert(records, { from: format, to: 'ai-sdk-ui' }).output;
      expect(snapshot(convert(chunks, { from: 'ai-sdk-ui', to: 'canonical' }).output)).toEqual(snapshot(canonical));
    });

    it(`${file} (${format}) comes back from ai-sdk-stream as the same runs`, () => {
      const canonical = convert(records, { from: format, to: 'canonical' }).output;
      const parts = convert(records, { from: format, to: 'ai-sdk-stream' }).output;
      expect(snapshot(convert(parts, { from: 'ai-sdk-stream', to: 'canonical' }).output)).toEqual(snapshot(canonical));
    });

    for (const target of ['v5', 'v6'] as const) {
      it(`${file} (${format}) written for ${target} still reads back as the same runs`, async () => {
        const canonical = convert(records, { from: format, to: 'canonical' }).output;
        const chunks = convert(records, { from: format, to: 'ai-sdk-ui', encode: { target } }).output;
        expect(await invalidChunks(chunks)).toEqual([]);
        expect(snapshot(convert(chunks, { from: 'ai-sdk-ui', to: 'canonical' }).output)).toEqual(snapshot(canonical));
      });
    }
  }
});

const corpus = join(import.meta.dirname, '../corpus');

describe('the canonical corpus served to useChat', () => {
  for (const file of readdirSync(corpus).filter((name) => name.endsWith('.canonical.jsonl'))) {
    const events = readJsonl(join(corpus, file));
    for (const target of ['v5', 'v6', 'v7'] as const) {
      it(`${file} written for ${target} is schema-valid, breaks no consumer rule and reads back as the same runs`, async () => {
        const { output } = convert(events, { from: 'canonical', to: 'ai-sdk-ui', encode: { target } });
        expect(await invalidChunks(output)).toEqual([]);
        const read = await readChunks(output.filter((chunk) => (chunk as { type: string }).type !== 'error'));
        expect(read.error).toBeUndefined();
        expect(snapshot(convert(output, { from: 'ai-sdk-ui', to: 'canonical' }).output)).toEqual(snapshot(events));
      });
    }
    it(`${file} comes back from ai-sdk-stream as the same runs`, () => {
      const { output } = convert(events, { from: 'canonical', to: 'ai-sdk-stream' });
      expect(snapshot(convert(output, { from: 'ai-sdk-stream', to: 'canonical' }).output)).toEqual(snapshot(events));
    });
  }
});
