import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { heapAfterGc } from '../support/heap.js';

// A Runner turn ends only when its session's next turn starts, and a run that gave no answer by
// then stays unended. Nothing can reach it after its turn closed, yet the converter followed it
// and the snapshot encoders held it to the end of the input: a session of many such turns grew
// by about 2 KB per turn (runner → langchain), and its runs were written after every other run.

const fixtures = new URL('../runner/fixtures/', import.meta.url).pathname;
/** A user_message that opens a turn (langchain_adk 0.3.x), and a tool that fails with no answer after it. */
const [question] = readJsonl(`${fixtures}constructed-4.1-session-two-turns.jsonl`) as Record<string, unknown>[];
const [failedTool] = readJsonl(`${fixtures}reference-3.2-tool-error.jsonl`) as Record<string, unknown>[];

/** Turn `turn` of one long session: the question, then the failed tool call, and no answer. */
function turnRecords(turn: number): unknown[] {
  const opening = { ...question, id: `question-${turn}`, invocation_id: `turn-${turn}`, session_id: 'one-session' };
  const failure = JSON.parse(JSON.stringify(failedTool).replace('"call_2"', `"call-${turn}"`)) as Record<string, unknown>;
  return [opening, { ...failure, session_id: 'one-session' }];
}

describe('a Runner run its turn left open', () => {
  it('is written to langchain when its session’s next turn starts, not after every later run', () => {
    const converter = createConverter({ from: 'runner', to: 'langchain' });
    const written = [0, 1, 2].flatMap((turn) => turnRecords(turn).flatMap((record) => converter.push(record)));
    const flushed = converter.flush();
    const runOf = (record: unknown) => (record as { kwargs: { response_metadata: { agent_event_bridge: { run_id: string } } } }).kwargs.response_metadata.agent_event_bridge.run_id;
    // Before, all three were written at the end, when the input ended.
    expect(written.map(runOf)).toEqual(['turn-0', 'turn-0', 'turn-1', 'turn-1']);
    expect(flushed.map(runOf)).toEqual(['turn-2', 'turn-2']);
    const unended = converter.issues.filter((issue) => issue.message.includes('has no end'));
    const leftOpen = converter.issues.filter((issue) => issue.message.includes('left open rather than reported as completed'));
    // Each turn still says it was left open; only the last run was cut by the end of the input.
    expect(leftOpen.map((issue) => issue.runId)).toEqual(['turn-0', 'turn-1', 'turn-2']);
    expect(unended.map((issue) => issue.runId)).toEqual(['turn-2']);
  });

  it('is let go by the converter and the langchain target: a long session keeps state bounded by its open turn', () => {
    const converter = createConverter({ from: 'runner', to: 'langchain', collectIssues: false });
    const feed = (from: number, to: number) => {
      for (let turn = from; turn < to; turn += 1) for (const record of turnRecords(turn)) converter.push(record);
    };
    feed(0, 2000);
    const settled = heapAfterGc();
    const growth: number[] = [];
    for (const end of [6000, 10_000, 14_000]) {
      feed(end - 4000, end);
      growth.push(heapAfterGc() - settled);
    }
    // Before the fix: 7.8 MB more after the first 4 000 turns, and more after each.
    expect(Math.min(...growth)).toBeLessThan(1024 * 1024);
  }, 90_000);
});
