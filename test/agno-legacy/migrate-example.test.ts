import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonl } from '../support/golden.js';

const root = join(import.meta.dirname, '..', '..');
const output = mkdtempSync(join(tmpdir(), 'migrate-agno-legacy-'));

afterAll(() => rmSync(output, { recursive: true, force: true }));

describe('examples/migrate-agno-legacy.mjs', () => {
  // The example imports the built package (`npm test` builds first); this test builds nothing itself.
  it('migrates every stored 1.x run of the sample folder to agno 2.x files, one summary line each', () => {
    // npm test builds first; a missing build is a failure, not a reason to skip.
    expect(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js (run npm run build)').toBe(true);
    const stdout = execFileSync(process.execPath, [join(root, 'examples', 'migrate-agno-legacy.mjs'), output], { cwd: root, encoding: 'utf8' });
    const inputs = readdirSync(join(root, 'examples', 'stored-runs-1x')).sort();
    const summaries = stdout.split('\n').filter((line) => /^\S.*: \d+ records → /.test(line));
    expect(summaries.map((line) => line.slice(0, line.indexOf(':')))).toEqual(inputs);
    expect(readdirSync(output).sort()).toEqual(
      ['agent-run-response-1.8.4.json', 'agent-tools-1.5.10.jsonl', 'playground-agent-tools-1.8.4.jsonl', 'team-one-member-1.8.4.jsonl'],
    );

    const team = readJsonl(join(output, 'team-one-member-1.8.4.jsonl')) as Record<string, unknown>[];
    const events = team.map((record) => record.event);
    expect(events).toContain('TeamRunContent');
    expect(events.some((name) => String(name).includes('ResponseContent'))).toBe(false);
    const member = team.filter((record) => record.agent_id === 'writer');
    expect(member.every((record) => record.parent_run_id === 'run-1' && !('team_session_id' in record))).toBe(true);

    const playground = readJsonl(join(output, 'playground-agent-tools-1.8.4.jsonl')) as Record<string, unknown>[];
    expect(playground.map((record) => record.event)).toEqual([
      'RunStarted', 'ToolCallStarted', 'ToolCallCompleted', 'RunContent', 'RunContent', 'RunContent', 'RunContent', 'RunContent', 'RunCompleted',
    ]);

    const eraA = readJsonl(join(output, 'agent-tools-1.5.10.jsonl')) as Record<string, unknown>[];
    expect(eraA.map((record) => record.event)).toContain('MemoryUpdateCompleted');
    expect(eraA.every((record) => !('tools' in record))).toBe(true);

    const stored = JSON.parse(readFileSync(join(output, 'agent-run-response-1.8.4.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ run_id: 'run-1', agent_id: 'weather-agent', status: 'RUNNING', metrics: { input_tokens: 30, output_tokens: 9, total_tokens: 39 } });
    expect(stored).not.toHaveProperty('formatted_tool_calls');
  });
});
