import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert, type FormatName, listFormats } from '../../src/index.js';
import { countCollectionSteps } from '../support/work.js';

/**
 * A log of `runs` pairs: one run that calls a tool and never ends, one that calls a tool,
 * answers and ends. Every finished run used to scan what the open ones left behind (their tool
 * calls, their run trees), so the work per record grew with the log: quadratic time.
 */
function logWithOpenRuns(runs: number): CanonicalEvent[] {
  const events: CanonicalEvent[] = [];
  for (let index = 0; index < runs; index += 1) {
    const sessionId = `session-${index}`;
    const actor = { kind: 'agent', name: 'Assistant' } as const;
    const open = { runId: `open-${index}`, sessionId, actor };
    const done = { runId: `done-${index}`, sessionId, actor };
    events.push(
      { type: 'run-start', ...open },
      { type: 'step-start', ...open },
      { type: 'tool-input-start', ...open, toolCallId: `open-${index}-call`, toolName: 'lookup' },
      { type: 'tool-call', ...open, toolCallId: `open-${index}-call`, toolName: 'lookup', input: { query: index } },
      { type: 'run-start', ...done },
      { type: 'step-start', ...done },
      { type: 'tool-call', ...done, toolCallId: `done-${index}-call`, toolName: 'lookup', input: { query: index } },
      { type: 'tool-result', ...done, toolCallId: `done-${index}-call`, toolName: 'lookup', output: 'found' },
      { type: 'text-start', ...done, id: 'answer' },
      { type: 'text-delta', ...done, id: 'answer', delta: 'Found it.' },
      { type: 'text-end', ...done, id: 'answer' },
      { type: 'step-end', ...done, finishReason: 'stop' },
      { type: 'run-end', ...done },
    );
  }
  return events;
}

/** The same log in `format`, as its own encoder writes it. */
function inFormat(format: FormatName, runs: number): unknown[] {
  const events = logWithOpenRuns(runs);
  return format === 'canonical' ? events : convert(events, { from: 'canonical', to: format }).output;
}

/**
 * Collection steps per input record of converting the log of `runs` pairs from `from` to `to`.
 * Each conversion gets a log of its own: canonical events carry the link to the records they
 * were read from, which a second conversion of the same objects would find already made.
 */
function stepsPerRecord(runs: number, from: FormatName, to: FormatName): number {
  const records = inFormat(from, runs);
  return countCollectionSteps(() => void convert(records, { from, to, collectIssues: false })) / records.length;
}

const formats = listFormats().map((format) => format.name as FormatName);

describe('runs left open', () => {
  for (const from of formats) {
    it(`from ${from}, to every format, cost each record as much work with 400 open runs as with 100`, () => {
      const growth = formats.map((to) => {
        // A first conversion pays once for what is built on first use (schemas, encoders' tables).
        stepsPerRecord(1, from, to);
        return { to, growth: Number((stepsPerRecord(400, from, to) / stepsPerRecord(100, from, to)).toFixed(2)) };
      });
      // Constant work per record gives 1 (a little more: the open runs are closed at the end, once
      // each); a scan over the open runs per record gives about 4.
      expect(growth.filter((each) => each.growth >= 1.2)).toEqual([]);
    }, 60_000);
  }
});
