import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../support/cli.js';

const agnoRun = join(root, 'test/agno/fixtures/v2.9.0-agent-tools.jsonl');
const agnoLines = readFileSync(agnoRun, 'utf8').trim().split('\n');

interface Report {
  valid: boolean;
  records: number;
  foreign: number;
  issues: { code: string; level: string; line?: number; message: string }[];
}

function validate(file: string, format: string): { status: number | null; report: Report } {
  const result = runCli(['validate', file, '--from', format, '--json']);
  return { status: result.status, report: JSON.parse(result.stdout) as Report };
}

describe('validate --from FORMAT', () => {
  it('calls an agno run invalid LangChain, naming every line', () => {
    const { status, report } = validate(agnoRun, 'langchain');
    expect(status).toBe(1);
    expect(report).toMatchObject({ valid: false, records: agnoLines.length, foreign: agnoLines.length });
    const foreign = report.issues.filter((issue) => issue.message.startsWith('not langchain: it reads as agno'));
    expect(foreign.map((issue) => issue.line)).toEqual(agnoLines.map((_, index) => index + 1));
    expect(foreign.every((issue) => issue.code === 'invalid-input' && issue.level === 'error')).toBe(true);
  });

  it('calls an agno run valid agno, and names the one line of another format in it', () => {
    expect(validate(agnoRun, 'agno')).toMatchObject({ status: 0, report: { valid: true, foreign: 0 } });
    const mixed = join(mkdtempSync(join(tmpdir(), 'aeb-validate-')), 'mixed.jsonl');
    const lines = [...agnoLines];
    lines.splice(3, 0, '{"type":"text-delta","id":"t1","delta":"hi"}');
    writeFileSync(mixed, `${lines.join('\n')}\n`);
    const { status, report } = validate(mixed, 'agno');
    expect(status).toBe(1);
    expect(report.foreign).toBe(1);
    expect(report.issues.filter((issue) => issue.message.startsWith('not agno:'))).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/^not agno: it reads as ai-sdk/) }),
    ]);
  });
});
