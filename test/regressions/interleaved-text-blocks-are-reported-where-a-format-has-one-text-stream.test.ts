import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { interleavedBlocksChunks } from '../upstream/ai-sdk-interleaved-blocks.js';

// Two text blocks whose deltas interleave (ai's own streamText test case) came back through agno as
// "Hello, This is aworld! test." without a word said.

describe('interleaved text blocks are reported where a format has one text stream', () => {
  for (const target of ['agno', 'agno-legacy', 'runner'] as const) {
    it(`${target} reports the interleaving of the texts and of the reasonings, once each`, async () => {
      const written = convert(await interleavedBlocksChunks(), { from: 'ai-sdk-ui', to: target });
      const reported = written.issues.filter((issue) => issue.code === 'approximated' && issue.level === 'warning');
      expect(reported.map((issue) => issue.eventType)).toEqual(['text-delta', 'reasoning-delta']);
      expect(reported[0]?.message).toContain('blocks "1" and "2"');
    });
  }

  it('AI SDK targets and LangChain keep the two texts apart, so they report nothing', async () => {
    for (const target of ['ai-sdk-stream', 'langchain'] as const) {
      const written = convert(await interleavedBlocksChunks(), { from: 'ai-sdk-ui', to: target });
      expect(written.issues.filter((issue) => issue.level === 'warning'), target).toEqual([]);
    }
  });
});
