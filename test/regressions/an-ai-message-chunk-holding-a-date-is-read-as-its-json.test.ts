import { AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { type LangChainMessageHandler, createLangChainDecoder, langchainRecordHandlers } from '../../adapters/langchain/index.js';
import type { AdapterContext } from '../../src/pipeline/format.js';

const context: AdapterContext = { report: () => {}, mint: (kind) => `${kind}-1` };

/** The records the decoder hands its AIMessageChunk handler for `records`. */
function handled(records: readonly unknown[]): unknown[] {
  const given: unknown[] = [];
  const recording: LangChainMessageHandler = (state, message, out, record) => {
    given.push({ fields: message.fields, record });
    langchainRecordHandlers.AIMessageChunk(state, message, out, record);
  };
  const decoder = createLangChainDecoder(context, { handlers: { AIMessageChunk: recording } });
  for (const record of records) decoder.push(record);
  decoder.flush();
  return given;
}

describe('an AIMessageChunk instance whose fields hold a Date', () => {
  it('is read as its JSON: toJSON copies the Date key by key, so it is {} there, not its ISO text', () => {
    const at = new Date('2026-12-07T04:00:00.000Z');
    const chunks = [new AIMessageChunk({ id: 'chunk-dated', content: 'now', additional_kwargs: { at }, response_metadata: { at } })];
    const json = JSON.parse(JSON.stringify(chunks)) as unknown[];
    expect(JSON.stringify(json)).toContain('"additional_kwargs":{"at":{}}');
    expect(JSON.stringify(handled(chunks))).toBe(JSON.stringify(handled(json)));
  });
});
