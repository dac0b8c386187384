import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agnoFormat, agnoReader, agnoWriter } from '../../adapters/agno/index.js';
import { agnoLegacyFormat, agnoLegacyReader, agnoLegacyWriter } from '../../adapters/agno-legacy/index.js';
import {
  aiSdkStreamFormat,
  aiSdkStreamReader,
  aiSdkStreamWriter,
  aiSdkUiFormat,
  aiSdkUiReader,
  aiSdkUiWriter,
  toUIMessageChunkStream,
  toUIMessageStreamResponse,
} from '../../adapters/ai-sdk/index.js';
import { langchainFormat, langchainReader, langchainWriter } from '../../adapters/langchain/index.js';
import { runnerFormat, runnerReader, runnerWriter } from '../../adapters/runner/index.js';
import { composeFormat, convert, type AnyFormat, type AnyReader, type AnyWriter } from '../../src/index.js';
import { convert as convertGiven } from '../../src/pipeline/convert.js';
import { readJsonl } from '../support/golden.js';

const fixtures = join(import.meta.dirname, '..');
const agnoTeam = readJsonl(join(fixtures, 'agno/fixtures/v2.9.0-team-one-member.jsonl'));
const agnoPause = readJsonl(join(fixtures, 'agno/fixtures/constructed-v2.9.0-team-member-pause.jsonl'));
const runnerTurn = readJsonl(join(fixtures, 'runner/fixtures/constructed-4.2-llm-agent-tool-turn.jsonl'));
const langchainChunks = readJsonl(join(fixtures, 'langchain/fixtures/agent-tools.chunks.jsonl'));

/** Every format of a subpath with its two halves. */
const halves: [AnyFormat, AnyReader, AnyWriter][] = [
  [agnoFormat, agnoReader, agnoWriter],
  [agnoLegacyFormat, agnoLegacyReader, agnoLegacyWriter],
  [runnerFormat, runnerReader, runnerWriter],
  [langchainFormat, langchainReader, langchainWriter],
  [aiSdkUiFormat, aiSdkUiReader, aiSdkUiWriter],
  [aiSdkStreamFormat, aiSdkStreamReader, aiSdkStreamWriter],
];

/** Records of `source` in every format, read by the whole format and by its reader. */
const sources: [AnyFormat, unknown[]][] = [
  [agnoFormat, agnoTeam],
  [runnerFormat, runnerTurn],
  [langchainFormat, langchainChunks],
];

describe("a format's reader and writer convert as the whole format does", () => {
  it('each whole format of a subpath is its reader and writer with the description added', () => {
    for (const [format, reader, writer] of halves) {
      expect([reader.name, writer.name]).toEqual([format.name, format.name]);
      expect(format.createDecoder).toBe(reader.createDecoder);
      expect(format.createEncoder).toBe(writer.createEncoder);
      expect(format.options).toEqual({ decode: reader.options?.decode, encode: writer.options?.encode });
      expect([format.sseFrame, format.sseDone, format.sseHeaders, format.sourceFits, format.rewriteSource]).toEqual([
        writer.sseFrame,
        writer.sseDone,
        writer.sseHeaders,
        writer.sourceFits,
        writer.rewriteSource,
      ]);
      expect([format.relay?.wrap, format.relay?.unwrap]).toEqual([writer.relay?.wrap, reader.relay?.unwrap]);
      // The halves hold nothing of the other direction, nor what only names and detection use.
      expect(Object.keys(reader).sort()).not.toContain('createEncoder');
      expect(Object.keys(writer).sort()).not.toContain('createDecoder');
      for (const half of [reader, writer]) expect(Object.keys(half).filter((key) => ['detect', 'losses', 'title', 'versions'].includes(key))).toEqual([]);
    }
  });

  it('the useChat route reading with agnoReader sends the bytes it sends with agnoFormat', async () => {
    for (const [records, chunk] of [
      [agnoTeam, '"type":"text-delta"'],
      [agnoPause, '"type":"tool-approval-request"'],
    ] as const) {
      const lean = await toUIMessageStreamResponse(records, { from: agnoReader }).text();
      expect(lean).toContain(chunk);
      expect(lean).toBe(await toUIMessageStreamResponse(records, { from: agnoFormat }).text());
    }
    const chunks = async (from: AnyReader): Promise<unknown[]> => {
      const read: unknown[] = [];
      for await (const chunk of toUIMessageChunkStream(agnoPause, { from })) read.push(chunk);
      return read;
    };
    expect(await chunks(agnoReader)).toEqual(await chunks(agnoFormat));
  });

  it('every reader and writer pair writes what the whole formats write, with the same issues', () => {
    for (const [source, records] of sources) {
      const reader = halves.find(([format]) => format === source)?.[1] as AnyReader;
      for (const [target, , writer] of halves) {
        const whole = convertGiven(records, { from: source, to: target });
        const lean = convertGiven(records, { from: reader, to: writer });
        expect(lean.output.length, `${source.name} → ${target.name}`).toBeGreaterThan(0);
        expect(lean.output, `${source.name} → ${target.name}`).toEqual(whole.output);
        expect(lean.issues, `${source.name} → ${target.name}`).toEqual(whole.issues);
      }
    }
  });

  it("a writer checks and applies its encoder's options as the whole format does", () => {
    const written = convertGiven(agnoTeam, { from: agnoReader, to: agnoWriter, encode: { target: '2.x', shape: 'aggregate' } });
    expect(written.output).toEqual(convert(agnoTeam, { from: 'agno', to: 'agno', encode: { target: '2.x', shape: 'aggregate' } }).output);
    expect(written.output).toHaveLength(1);
    // @ts-expect-error 4.x is no agno target: refused as the whole format refuses it.
    expect(() => convertGiven(agnoTeam, { from: agnoReader, to: agnoWriter, encode: { target: '4.x' } })).toThrowError(
      'encode option target of agno must be 3.x | 2.x; got "4.x"',
    );
    // @ts-expect-error no such decode option.
    expect(() => convertGiven(agnoTeam, { from: agnoReader, to: agnoWriter, decode: { shape: 'events' } })).toThrowError(
      /^agno has no decode option "shape"; its decode options: content=auto \| delta \| cumulative, lastEventIndex=/,
    );
  });

  it('relayed records ride out through a writer and back through a reader, exactly', () => {
    const out = convertGiven(agnoTeam, { from: agnoReader, to: aiSdkUiWriter, relay: true });
    expect(out.output).toEqual(convert(agnoTeam, { from: 'agno', to: 'ai-sdk-ui', relay: true }).output);
    // The relayed groups name agno: the reader of the UI chunks finds it among the formats given.
    // agno 2.9 records come back as the agno writer writes back what it read (migrated to 3.x).
    const back = convertGiven(out.output, { from: aiSdkUiReader, to: agnoWriter, relay: true, formats: [agnoFormat] });
    expect(back.output).toHaveLength(agnoTeam.length);
    expect(back.output).toEqual(convert(agnoTeam, { from: 'agno', to: 'agno' }).output);
    expect(convertGiven(out.output, { from: aiSdkUiReader, to: agnoWriter, relay: true, formats: [agnoFormat], encode: { target: '2.x' } }).output).toEqual(agnoTeam);
  });

  it('composes a format only of halves that name one format and both have (or lack) option schemas and relay', () => {
    const description = { title: 't', versions: { read: '1', write: '1' }, detect: () => undefined, losses: [] };
    expect(() => composeFormat(agnoReader, runnerWriter, description)).toThrowError(`a format's reader and writer name one format; got "agno" and "runner"`);
    expect(() => composeFormat(aiSdkUiReader, { name: 'ai-sdk-ui', createEncoder: aiSdkUiWriter.createEncoder, options: aiSdkUiWriter.options }, description)).toThrowError(
      'format "ai-sdk-ui": its reader and writer must both have relay, or neither',
    );
    const plain = composeFormat({ name: 'plain', createDecoder: agnoReader.createDecoder }, { name: 'plain', createEncoder: agnoWriter.createEncoder }, description);
    expect(Object.keys(plain).sort()).toEqual(['createDecoder', 'createEncoder', 'detect', 'losses', 'name', 'title', 'versions']);
  });
});
