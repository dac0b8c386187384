import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { readJsonl } from '../support/golden.js';

// A 0.3.4+ turn with a member: no invocation_id, no agent_start or agent_end (9 records, two runs).
const turn = readJsonl(join(import.meta.dirname, 'fixtures', 'constructed-4.5-agent-tool.jsonl')) as Record<string, unknown>[];
const copies = 30;
const log = Array.from({ length: copies }, (_, copy) => turn.map((record) => ({ ...record, session_id: `session-${copy}` }))).flat();

/** The line of record `index` of copy `copy` (one-based, 9 records per copy). */
const lineOf = (copy: number, index: number): number => copy * turn.length + index + 1;

describe('Runner lifecycle issues that every 0.3.4+ run gives', () => {
  it('a log of many turns reports the first synthesized run-start, run-end and minted turn id, then one issue each that counts the rest and names their first twenty lines', () => {
    const directory = mkdtempSync(join(tmpdir(), 'repeated-issues-'));
    const issuesPath = join(directory, 'issues.jsonl');
    const result = runCli(['convert', '-', '--from', 'runner', '--to', 'canonical', '--issues', issuesPath], log.map((record) => JSON.stringify(record)).join('\n') + '\n');
    expect(result.status).toBe(0);
    const issues = readFileSync(issuesPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const about = (text: string) => issues.filter((issue) => String(issue.message).includes(text));

    // Runs start at records 0 (the turn) and 1 (its member) of each copy; a member ends at its
    // final answer (record 6), a turn at the end of the input (no line: its session has no next turn).
    const starts = Array.from({ length: copies }, (_, copy) => [lineOf(copy, 0), lineOf(copy, 1)]).flat();
    const ends = Array.from({ length: copies }, (_, copy) => lineOf(copy, 6));
    expect(about('agent_start')).toEqual([
      expect.objectContaining({ line: starts[0], runId: 'minted-run-1', message: 'no agent_start opens this run (langchain_adk 0.3.4+ emits none); its run-start was synthesized' }),
      {
        code: 'invalid-sequence',
        level: 'info',
        eventType: 'run-start',
        format: 'runner',
        index: starts[1]! - 1,
        line: starts[1],
        message: `the same for ${2 * copies - 1} more runs (lines ${starts.slice(1, 21).join(', ')}, …): no agent_start opens this run (langchain_adk 0.3.4+ emits none); its run-start was synthesized`,
      },
    ]);
    expect(about('agent_end')).toEqual([
      expect.objectContaining({ line: ends[0], runId: 'minted-run-1/WeatherAgent' }),
      expect.objectContaining({
        line: ends[1],
        message: `the same for ${2 * copies - 1} more runs (lines ${ends.slice(1, 21).join(', ')}, …): no agent_end closes this run (langchain_adk 0.3.4+ emits none); its run-end was synthesized after its final answer or at the end of the turn`,
      }),
    ]);
    expect(about('invocation_id')).toEqual([
      expect.objectContaining({ line: lineOf(0, 0), runId: 'minted-run-1' }),
      expect.objectContaining({
        line: lineOf(1, 0),
        message: `the same for ${copies - 1} more turns (lines ${Array.from({ length: 20 }, (_, copy) => lineOf(copy + 1, 0)).join(', ')}, …): no invocation_id (langchain_adk agent events carry none) and no user_message before: the turn got a minted run id`,
      }),
    ]);

    // The summary counts the issues written, code by code.
    const counts = new Map<string, number>();
    for (const issue of issues) counts.set(String(issue.code), (counts.get(String(issue.code)) ?? 0) + 1);
    const summary = result.stderr.split('\n').find((line) => line.startsWith('issues: '));
    expect(summary).toBe(`issues: ${[...counts].map(([code, count]) => `${code} ${count}`).join(', ')}`);
  });

  it('without lines, the closing issue stands at the record of the first repeat and the statistics count it once', () => {
    const { issues, stats } = convert(log.slice(0, 2 * turn.length), { from: 'runner', to: 'canonical' });
    const starts = issues.filter((issue) => issue.eventType === 'run-start');
    expect(starts.map((issue) => [issue.index, issue.message])).toEqual([
      [0, 'no agent_start opens this run (langchain_adk 0.3.4+ emits none); its run-start was synthesized'],
      [1, 'the same for 3 more runs: no agent_start opens this run (langchain_adk 0.3.4+ emits none); its run-start was synthesized'],
    ]);
    expect(stats.issues['invalid-sequence']).toBe(issues.filter((issue) => issue.code === 'invalid-sequence').length);
  });
});
