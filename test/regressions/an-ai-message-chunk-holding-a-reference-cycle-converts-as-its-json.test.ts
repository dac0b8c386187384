import { AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { handledChunks as handled } from '../support/langchain-chunk-handler.js';

/** A chunk whose `additional_kwargs` hold an object that refers to itself. */
function cyclicChunk(): AIMessageChunk {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  return new AIMessageChunk({ id: 'chunk-cyclic', content: 'hi there', additional_kwargs: { cyclic } });
}

describe('an AIMessageChunk instance holding a reference cycle', () => {
  it('converts to AI SDK UI chunks with its text (it overflowed the stack)', () => {
    const { output, issues } = convert([cyclicChunk()], { from: 'langchain', to: 'ai-sdk-ui' });
    expect(issues.filter((issue) => issue.level === 'error')).toEqual([]);
    const text = (output as { type: string; delta?: string }[]).filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta).join('');
    expect(text).toBe('hi there');
  });

  it('is read as its JSON, where toJSON writes the cycle as a not_implemented object', () => {
    const chunk = cyclicChunk();
    const json = JSON.parse(JSON.stringify([chunk])) as unknown[];
    expect(JSON.stringify(json)).toContain('"cyclic":{"name":"loop","self":{"lc":1,"type":"not_implemented","id":["Object"]}}');
    expect(JSON.stringify(handled([chunk]))).toBe(JSON.stringify(handled(json)));
  });
});
