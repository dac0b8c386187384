import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type TextStreamPart, type ToolSet, toUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { bridgeKey } from '../../adapters/ai-sdk/index.js';
import { type CanonicalEvent, convert } from '../../src/index.js';
import { expectGolden, readJsonl, toJsonl } from '../support/golden.js';
import { readChunks } from './ui-reader.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const names = (suffix: string) =>
  readdirSync(fixtures)
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length));

const formats = [
  { format: 'ai-sdk-ui', suffix: '.ui.jsonl' },
  { format: 'ai-sdk-stream', suffix: '.stream.jsonl' },
] as const;

for (const { format, suffix } of formats) {
  describe(`${format} recordings of streamText runs`, () => {
    it('are there to test', () => {
      expect(names(suffix).length).toBeGreaterThanOrEqual(6);
    });

    for (const name of names(suffix)) {
      const records = readJsonl(join(fixtures, `${name}${suffix}`));

      it(`${name} decodes to its golden canonical events and issues`, () => {
        const { output, issues } = convert(records, { from: format, to: 'canonical', encode: { header: false } });
        expectGolden(join(fixtures, `${name}${suffix.replace('.jsonl', '.canonical.jsonl')}`), toJsonl([...output, { issues }]));
      });

      it(`${name} comes back unchanged from ${format} to ${format}`, () => {
        const { output, issues } = convert(records, { from: format, to: format });
        expect(output).toEqual(records);
        expect(issues.filter((issue) => issue.code !== 'minted')).toEqual([]);
      });

      it(`${name} comes back unchanged through canonical JSONL`, () => {
        const canonical = convert(records, { from: format, to: 'canonical' }).output;
        expect(convert(canonical, { from: 'canonical', to: format }).output).toEqual(records);
      });
    }
  });
}

/** Replays recorded parts through the AI SDK's own `toUIMessageStream`. */
async function aiOwnChunks(parts: readonly unknown[]): Promise<unknown[]> {
  const stream = new ReadableStream<TextStreamPart<ToolSet>>({
    start(controller) {
      for (const part of parts) controller.enqueue(part as TextStreamPart<ToolSet>);
      controller.close();
    },
  });
  const chunks: unknown[] = [];
  const errorMessage = (error: unknown) => (error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error));
  for await (const chunk of toUIMessageStream({ stream, sendSources: true, onError: errorMessage })) chunks.push(chunk);
  return chunks;
}

describe('ai-sdk-stream to ai-sdk-ui', () => {
  for (const name of names('.stream.jsonl')) {
    it(`${name} gives the UIMessage the AI SDK's own toUIMessageStream gives`, async () => {
      const parts = readJsonl(join(fixtures, `${name}.stream.jsonl`));
      const ours = await readChunks(convert(parts, { from: 'ai-sdk-stream', to: 'ai-sdk-ui' }).output);
      const theirs = await readChunks(await aiOwnChunks(parts));
      expect(ours.error).toEqual(theirs.error);
      expect(theirs.message).toBeDefined();
      const { id: _ours, ...ourMessage } = ours.message as unknown as Record<string, unknown>;
      const { id: _theirs, ...theirMessage } = theirs.message as unknown as Record<string, unknown>;
      // Ours adds one thing: the run's usage in the message metadata, under our key, on the
      // finish chunk (which a client stopped by an error chunk never reads).
      const end = (convert(parts, { from: 'ai-sdk-stream', to: 'canonical' }).output as CanonicalEvent[]).find((event) => event.type === 'run-end');
      const usage = end?.type === 'run-end' && ours.error === undefined ? end.usage : undefined;
      expect(ourMessage).toEqual({ ...theirMessage, metadata: usage === undefined ? undefined : { [bridgeKey]: { usage } } });
    });
  }
});
