import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/index.js';
import { runCli } from '../support/cli.js';

// `out.push(...events)` with one RunOutput of 50 000 messages (150 000 events) overflowed the
// stack, and so did the recursive walks over members of a 5 000-level parent_run_id chain.
// The conversions run in the built CLI: a process's main thread has the stack a user's code
// has (test workers have four times more, where these inputs fit).
const targets: [string, ...string[]][] = [
  ['canonical'],
  ['agno'],
  ['agno', 'shape=aggregate'],
  ['agno-legacy'],
  ['agno-legacy', 'shape=aggregate'],
  ['langchain'],
  ['runner'],
  ['ai-sdk-ui'],
  ['ai-sdk-stream'],
];
const cases = targets.map((target) => [target.join(' --encode '), target] as const);

/** Converts JSON lines from agno with the CLI; the written JSON lines and the issues. */
function cli(input: string, [to, encode]: readonly [string, ...string[]]): { written: string; issues: { code: string; message: string }[] } {
  const issuesFile = join(mkdtempSync(join(tmpdir(), 'deep-')), 'issues.jsonl');
  const { status, stdout, stderr } = runCli(['convert', '-', '--from', 'agno', '--to', to, ...(encode === undefined ? [] : ['--encode', encode]), '--issues', issuesFile], input);
  expect(stderr).not.toContain('Maximum call stack');
  expect(status).toBe(0);
  const issues = readFileSync(issuesFile, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { code: string; message: string });
  return { written: stdout, issues };
}

function runOutputWithMessages(count: number): Record<string, unknown> {
  const record = JSON.parse(readFileSync(join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-run-output.json'), 'utf8')) as Record<string, unknown>;
  record.messages = Array.from({ length: count }, (_, index) => ({ id: `m${index}`, role: index % 2 === 0 ? 'user' : 'assistant', content: `line ${index}`, created_at: 1700000000 }));
  return record;
}

/** A team whose every member is a team, `depth` levels down by parent_run_id, the innermost one speaking. */
function teamChain(depth: number): Record<string, unknown>[] {
  const envelope = (level: number) => ({ created_at: 1700000000, team_id: `team-${level}`, team_name: `Team ${level}`, run_id: `run-${level}`, session_id: 'sess', ...(level > 0 ? { parent_run_id: `run-${level - 1}` } : {}) });
  const records: Record<string, unknown>[] = [];
  for (let level = 0; level < depth; level += 1) records.push({ ...envelope(level), event: 'TeamRunStarted', model: 'fake-model', model_provider: 'Fake' });
  records.push({ ...envelope(depth - 1), event: 'TeamRunContent', content: 'from the bottom', content_type: 'str' });
  for (let level = depth - 1; level >= 0; level -= 1) records.push({ ...envelope(level), event: 'TeamRunCompleted', content: `done ${level}`, content_type: 'str' });
  return records;
}

describe('a RunOutput of 50 000 messages', () => {
  const input = JSON.stringify(runOutputWithMessages(50_000));
  it.each(cases)('converts to %s with its last message', (_, target) => {
    expect(cli(input, target).written).toContain('line 49999');
  });
});

describe('a 5 000-level chain of teams by parent_run_id', () => {
  const input = teamChain(5000)
    .map((record) => JSON.stringify(record))
    .join('\n');
  it.each(cases)('converts to %s', (_, target) => {
    const { written, issues } = cli(input, target);
    // Whatever is written can be read back by the framing readers (at most 1000 levels of JSON).
    expect(readAll(written, 'jsonl').filter((item) => item.kind === 'reject')).toEqual([]);
    if (target[1] === 'shape=aggregate') {
      // Nested member_responses stop where JSON would nest too deep; what is cut is reported.
      const cut = issues.filter((issue) => issue.code === 'dropped' && issue.message.includes('nested'));
      expect(cut).toHaveLength(1);
      expect(cut[0]?.message).toMatch(/member runs nested deeper than \d+ levels/);
      expect(written).not.toContain('from the bottom');
    } else if (target[0] === 'runner') {
      // Branch paths stop growing past their limit, so records stay small; nesting is in the agent_starts.
      expect(Math.max(...written.split('\n').map((line) => line.length))).toBeLessThan(2000);
      expect(issues.filter((issue) => issue.message.includes('nested deeper than'))).toHaveLength(1);
      expect(written).toContain('from the bottom');
    } else {
      expect(written).toContain('from the bottom');
    }
  });
});
