import { AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { handledChunks as handled } from '../support/langchain-chunk-handler.js';

describe('an AIMessageChunk instance whose fields hold a Date', () => {
  it('is read as its JSON: toJSON copies the Date key by key, so it is {} there, not its ISO text', () => {
    const at = new Date('2026-12-07T04:00:00.000Z');
    const chunks = [new AIMessageChunk({ id: 'chunk-dated', content: 'now', additional_kwargs: { at }, response_metadata: { at } })];
    const json = JSON.parse(JSON.stringify(chunks)) as unknown[];
    expect(JSON.stringify(json)).toContain('"additional_kwargs":{"at":{}}');
    expect(JSON.stringify(handled(chunks))).toBe(JSON.stringify(handled(json)));
  });
});
