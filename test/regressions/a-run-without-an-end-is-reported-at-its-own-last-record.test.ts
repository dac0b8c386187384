import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter, createDecoder, createVerifier } from '../../src/index.js';
import { runCli } from '../support/cli.js';

/** One agno record of run `runId`. */
function record(event: string, runId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { created_at: 1700000000, event, agent_id: 'a', agent_name: 'A', run_id: runId, session_id: 's', ...extra };
}

/**
 * run-1 is last heard of on line 3 and run-3 on line 6; run-2 ends on line 5. The input ends on
 * line 7 with a record of run-2's session that names no open run.
 */
const log = [
  record('RunStarted', 'run-1', { model: 'm', model_provider: 'p' }),
  record('RunStarted', 'run-2', { model: 'm', model_provider: 'p' }),
  record('RunContent', 'run-1', { content: 'half an answer', content_type: 'str' }),
  record('RunContent', 'run-2', { content: 'a whole answer', content_type: 'str' }),
  record('RunCompleted', 'run-2', { content: 'a whole answer', content_type: 'str' }),
  record('RunStarted', 'run-3', { model: 'm', model_provider: 'p' }),
  record('RunCompleted', 'run-4', { content: 'late', content_type: 'str' }),
];

const unended = (message: string): boolean => message.includes('has no end');

describe('a run without an end is reported at its own last record', () => {
  it('validate prints the line of each open run’s last record, not the last line of the input', () => {
    const file = join(tmpdir(), `unended-at-last-record-${process.pid}.jsonl`);
    writeFileSync(file, log.map((each) => `${JSON.stringify(each)}\n`).join(''));
    const lines = runCli(['validate', file, '--from', 'agno']).stdout.split('\n').filter(unended);
    expect(lines).toEqual([
      expect.stringMatching(/^info: line 3: run "run-1" has no end/),
      expect.stringMatching(/^info: line 6: run "run-3" has no end/),
    ]);
    const json = JSON.parse(runCli(['validate', file, '--from', 'agno', '--json']).stdout) as { issues: Array<{ message: string; line?: number; runId?: string }> };
    expect(json.issues.filter((issue) => unended(issue.message)).map(({ runId, line }) => ({ runId, line }))).toEqual([
      { runId: 'run-1', line: 3 },
      { runId: 'run-3', line: 6 },
    ]);
  });

  it('convert gives each open run the index and line of its own last record', () => {
    const converter = createConverter({ from: 'agno', to: 'agno' });
    log.forEach((each, index) => converter.push(each, { line: index + 1 }));
    converter.flush();
    expect(converter.issues.filter((issue) => unended(issue.message)).map(({ runId, index, line }) => ({ runId, index, line }))).toEqual([
      { runId: 'run-1', index: 2, line: 3 },
      { runId: 'run-3', index: 5, line: 6 },
    ]);
  });

  it('the lifecycle checker names the index of each open run’s last event and the line its caller gave', () => {
    const decoder = createDecoder({ from: 'agno' });
    const verifier = createVerifier();
    const lastEventOf = new Map<string, number>();
    let count = 0;
    log.forEach((each, index) => {
      for (const event of decoder.push(each)) {
        verifier.push(event, index + 1);
        lastEventOf.set(event.runId, count);
        count += 1;
      }
    });
    const reported = verifier.end().filter((issue) => unended(issue.message));
    expect(reported.map(({ runId, index, line }) => ({ runId, index, line }))).toEqual([
      { runId: 'run-1', index: lastEventOf.get('run-1'), line: 3 },
      { runId: 'run-3', index: lastEventOf.get('run-3'), line: 6 },
    ]);
    expect(lastEventOf.get('run-1')).toBeLessThan(count - 1);
  });
});
