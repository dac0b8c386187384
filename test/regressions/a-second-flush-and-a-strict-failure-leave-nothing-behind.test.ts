import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionError, convert, createConverter } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const team = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'));

describe('a conversion that ends', () => {
  it('to a snapshot target (langchain) writes its open runs at the first flush only, not again at a second', () => {
    const converter = createConverter({ from: 'agno', to: 'langchain' });
    // Cut before the team's run ends: its messages are written by flush.
    for (const record of team.slice(0, -1)) converter.push(record);
    const first = converter.flush();
    expect(first.length).toBeGreaterThan(0);
    expect(converter.flush()).toEqual([]);
  });

  it('in strict mode, from a ReadableStream, cancels the source when a record fails', async () => {
    let cancelled: unknown;
    let pulled = 0;
    const source = new ReadableStream<unknown>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(pulled === 1 ? 42 : team[0]);
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const output = convert(source, { from: 'agno', to: 'canonical', strict: true });
    const reader = output.getReader();
    await expect(reader.read()).rejects.toBeInstanceOf(ConversionError);
    expect(cancelled).toBeInstanceOf(ConversionError);
  });
});
