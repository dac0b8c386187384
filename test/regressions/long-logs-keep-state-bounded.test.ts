import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { heapAfterGc } from '../support/heap.js';

// State that grew by a couple of kilobytes per run: AI SDK tool parts never released, paused
// runs kept forever by the agno decoder, the AI SDK bridge and the converter.

const fixtures = ['v2.9.0-agent-tools.jsonl', 'v2.9.0-hitl-confirmation.jsonl', 'v2.9.0-team-one-member.jsonl'].map((name) =>
  readJsonl(new URL(`../agno/fixtures/${name}`, import.meta.url).pathname),
);

/** Copy `copy` of the recordings (those at `recordings`, all by default), every run, session and call id made unique to it. */
function copyOf(copy: number, recordings: readonly number[] = [0, 1, 2]): unknown[] {
  return fixtures.flatMap((records, recording) =>
    (recordings.includes(recording) ? records : []).map((record) => JSON.parse(JSON.stringify(record).replace(/:"(run|sess|call)([-_][\w-]*)"/g, `:"$1$2~${copy}.${recording}"`)) as unknown),
  );
}

describe('a long log', () => {
  it('of many tool calls and paused runs converts to ai-sdk-ui with state bounded by open runs, not by its length', () => {
    const converter = createConverter({ from: 'agno', to: 'ai-sdk-ui', collectIssues: false });
    const feed = (from: number, to: number) => {
      for (let copy = from; copy < to; copy += 1) for (const record of copyOf(copy)) converter.push(record);
    };
    feed(0, 1200); // past every bound (1024 paused runs), so what stays is the steady state
    const settled = heapAfterGc();
    // The heap after a full collection still moves by a few MB from one measure to the next: state
    // that grows with the log is higher at every later measure, so the least growth is compared.
    const growth: number[] = [];
    for (const end of [2400, 3600, 4800]) {
      feed(end - 1200, end);
      growth.push(heapAfterGc() - settled);
    }
    // Before the fix: about 2 KB per copy, 2.4 MB after the first 1 200 copies and more after each.
    expect(Math.min(...growth)).toBeLessThan(1.5 * 1024 * 1024);
  }, 90_000);

  it('of many runs that end converts to runner with state bounded by open runs: an ended run lets go of its track', () => {
    const converter = createConverter({ from: 'agno', to: 'runner', collectIssues: false });
    // The tool run and the team run, which end (the paused run of the other recording stays open).
    const feed = (from: number, to: number) => {
      for (let copy = from; copy < to; copy += 1) for (const record of copyOf(copy, [0, 2])) converter.push(record);
    };
    feed(0, 1200);
    const settled = heapAfterGc();
    const growth: number[] = [];
    for (const end of [5200, 9200]) {
      feed(end - 4000, end);
      growth.push(heapAfterGc() - settled);
    }
    // Before the fix every run's track (branch, depth, root) stayed: about 1.5 MB more per 4 000 copies.
    expect(Math.min(...growth)).toBeLessThan(1024 * 1024);
  }, 90_000);
});
