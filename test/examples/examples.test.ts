import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

function run(script: string, args: string[] = []) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
}

describe('the examples', () => {
  it('agno-to-langchain-history prints the team run as LangChain messages with member names, tool calls and results', () => {
    const result = run('examples/agno-to-langchain-history.mjs');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ai (My Team):  → delegate_task_to_member({"member_id":"writer","task":"Describe Paris"}) [call_1]');
    expect(result.stdout).toContain('tool (delegate_task_to_member): ← [call_1] Paris is lovely');
    expect(result.stdout).toContain('ai (Writer): Paris is lovely');
    expect(result.stdout).toContain('ai (My Team): Team says Paris is lovely');
  });

  it('normalize-mixed-log writes the six-format log as one agno stream and counts what it read', () => {
    const result = run('examples/normalize-mixed-log.mjs');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('event');
    expect(result.stderr).toMatch(/"agno-legacy":9,"agno":22,"runner":8,"langchain":6,"ai-sdk-ui":21,"ai-sdk-stream":10/);
    expect(result.stderr).toMatch(/rejected 0/);
  });
});
