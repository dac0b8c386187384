import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bridgeKey } from '../../adapters/ai-sdk/index.js';
import { convert } from '../../src/index.js';
import { fixtures, readFixture } from '../agno/read-fixture.js';

/** The bytes a client receives: one JSON text per chunk. */
function bytes(chunks: readonly unknown[]): number {
  return chunks.reduce<number>((sum, chunk) => sum + new TextEncoder().encode(JSON.stringify(chunk)).length, 0);
}

/** A metadata object without our key; undefined when nothing else was in it. */
function withoutOurs(metadata: unknown): unknown {
  if (typeof metadata !== 'object' || metadata === null || !(bridgeKey in metadata)) return metadata;
  const { [bridgeKey]: _ours, ...rest } = metadata as Record<string, unknown>;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** The same chunks with our metadata removed: the lean floor the output is measured against. */
function withoutOurMetadata(chunks: readonly unknown[]): unknown[] {
  return chunks.flatMap((chunk) => {
    const record = chunk as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith(`data-${bridgeKey}`)) return [];
    const copy: Record<string, unknown> = { ...record };
    for (const key of ['providerMetadata', 'messageMetadata']) {
      if (!(key in copy)) continue;
      const rest = withoutOurs(copy[key]);
      if (rest === undefined) delete copy[key];
      else copy[key] = rest;
    }
    return [copy];
  });
}

/** Our bytes over the same chunks' bytes without our metadata, for one agno recording. */
function ratio(file: string): { ratio: number; ours: number; floor: number; chunks: number } {
  const { output } = convert(readFixture(file), { from: 'agno', to: 'ai-sdk-ui' });
  const ours = bytes(output);
  const floor = bytes(withoutOurMetadata(output));
  return { ratio: ours / floor, ours, floor, chunks: output.length };
}

/** The real agno 2.9 recordings (the constructed ones are edge cases, not typical runs). */
const recordings = readdirSync(fixtures).filter((file) => /^v2\.9\.0-.*\.jsonl$/.test(file) && !/\.(canonical|issues)\.jsonl$/.test(file));

describe('ai-sdk-ui output stays lean: our metadata costs at most a fraction of the chunks', () => {
  it('the real agno 2.9 team run is at most 1.5 times its chunks without our metadata', () => {
    const measured = ratio('v2.9.0-team-one-member.jsonl');
    expect(measured.ratio).toBeLessThanOrEqual(1.5);
  });

  it.each(recordings.filter((file) => !file.includes('team') && !file.includes('member')))('the single-agent recording %s is at most 1.2 times its chunks without our metadata', (file) => {
    const measured = ratio(file);
    expect(measured.ratio).toBeLessThanOrEqual(1.2);
  });

  it.each(recordings.filter((file) => !file.includes('hitl')))('%s has no text or reasoning delta that carries metadata', (file) => {
    const { output } = convert(readFixture(file), { from: 'agno', to: 'ai-sdk-ui' });
    const deltas = (output as Record<string, unknown>[]).filter((chunk) => chunk.type === 'text-delta' || chunk.type === 'reasoning-delta');
    expect(deltas.length).toBeGreaterThan(0);
    for (const delta of deltas) expect(Object.keys(delta).sort()).toEqual(['delta', 'id', 'type']);
  });
});
