import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** One agno record of run `runId`. */
function record(event: string, runId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { created_at: 1700000000, event, agent_id: 'a', agent_name: 'A', run_id: runId, session_id: 's', ...extra };
}

/** Eight agno runs that start, say a word and never end: with the bound at 4, run-0 … run-3 are let go. */
const log = Array.from({ length: 8 }, (_, index) => [
  record('RunStarted', `run-${index}`, { model: 'm', model_provider: 'p' }),
  record('RunContent', `run-${index}`, { content: 'hi', content_type: 'str' }),
]).flat();

interface Report {
  unended: number;
  issues: Array<{ code: string; level: string; message: string; line?: number; runId?: string }>;
}

describe('validate reports a run the open-run bound ends once', () => {
  const file = join(tmpdir(), `validate-bound-once-${process.pid}.jsonl`);
  writeFileSync(file, log.map((each) => `${JSON.stringify(each)}\n`).join(''));

  it('names the first run let go in one issue, where the bound is passed, and counts the four at the end', () => {
    const report = JSON.parse(runCli(['validate', file, '--from', 'agno', '--max-open-runs', '4', '--json']).stdout) as Report;
    const bound = report.issues.filter((issue) => issue.message.includes('runs open: the oldest'));
    // The decoder ends the run and the lifecycle checker lets it go: one event, said once.
    expect(bound).toEqual([expect.objectContaining({ code: 'approximated', level: 'warning', runId: 'run-0', line: 9 })]);
    expect(report.issues.filter((issue) => issue.message.includes('ended early'))).toEqual([
      expect.objectContaining({ message: '4 runs were ended early: more than 4 runs open (maxOpenRuns)' }),
    ]);
    expect(report.unended).toBe(8);
  });

  it('prints it once in the text report too', () => {
    const { stdout, status } = runCli(['validate', file, '--from', 'agno', '--max-open-runs', '4']);
    expect(stdout.split('\n').filter((line) => line.includes('"run-0"'))).toEqual([
      'warning: line 9: more than 4 runs open: the oldest, "run-0", was ended here as at the end of the input, as is each after it (maxOpenRuns) [approximated]',
    ]);
    expect(stdout).toContain('8 runs (8 without an end)');
    expect(status).toBe(0);
  });
});
