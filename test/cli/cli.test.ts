import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../support/cli.js';

const corpusCase = join(root, 'test/corpus/text-and-tool.canonical.jsonl');
const scratch = mkdtempSync(join(tmpdir(), 'aeb-cli-'));

describe('the command line', () => {
  it('convert --to canonical reproduces a canonical corpus case byte for byte', () => {
    const result = runCli(['convert', corpusCase, '--to', 'canonical']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(corpusCase, 'utf8'));
    expect(result.stderr).toMatch(/read 13 records \(canonical 13\)\n1 runs, 12 canonical events; wrote 13 canonical records\nissues: none/);
  });

  it('a broken line exits 1, goes to --rejects with its line number and text as read, and the rest converts', () => {
    const lines = readFileSync(corpusCase, 'utf8').split('\n');
    lines.splice(3, 0, '{"type":"text-delta", oops');
    const input = join(scratch, 'broken.jsonl');
    writeFileSync(input, lines.join('\n'));
    const rejects = join(scratch, 'rejects.txt');
    const result = runCli(['convert', input, '--to', 'canonical', '--rejects', rejects]);
    expect(result.status).toBe(1);
    const written = readFileSync(rejects, 'utf8');
    expect(written.endsWith('\n') && written.split('\n')).toHaveLength(2);
    expect(JSON.parse(written)).toEqual({ line: 4, text: '{"type":"text-delta", oops', error: expect.stringContaining('invalid JSON') });
    const raw = runCli(['convert', input, '--to', 'canonical', '--rejects', rejects, '--rejects-format', 'raw']);
    expect(raw.status).toBe(1);
    expect(readFileSync(rejects, 'utf8')).toBe('{"type":"text-delta", oops\n');
    expect(result.stderr).toContain('line 4: record rejected: invalid JSON');
    expect(result.stdout).toBe(readFileSync(corpusCase, 'utf8'));
  });

  it('reads standard input with -, and writes a JSON array with --out json', () => {
    const result = runCli(['convert', '-', '--to', 'canonical', '--out', 'json', '--quiet'], readFileSync(corpusCase));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const records = JSON.parse(result.stdout) as unknown[];
    expect(records).toHaveLength(13);
  });

  it('--quiet prints nothing on stderr for a conversion with issues, not even their count', () => {
    const loud = runCli(['convert', corpusCase, '--to', 'agno-legacy']);
    expect(loud.stderr).toMatch(/issues: .*dropped/);
    const result = runCli(['convert', corpusCase, '--to', 'agno-legacy', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(loud.stdout);
  });

  it('writes SSE with --out sse', () => {
    const result = runCli(['convert', corpusCase, '--to', 'canonical', '--out', 'sse', '--quiet']);
    expect(result.stdout.startsWith('data: {"canonicalVersion":1}\n\ndata: {"type":"run-start"')).toBe(true);
  });

  it('--issues writes every issue as JSON lines and --strict stops at the first error with exit 1', () => {
    const input = join(scratch, 'invalid.jsonl');
    writeFileSync(input, '{"type":"run-start","runId":"r"}\n{"type":"text-delta","runId":"r","id":"t","delta":7}\n');
    const issues = join(scratch, 'issues.jsonl');
    const lenient = runCli(['convert', input, '--from', 'canonical', '--to', 'canonical', '--issues', issues]);
    expect(lenient.status).toBe(0);
    const written = readFileSync(issues, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(written).toEqual([
      expect.objectContaining({ code: 'invalid-input', line: 2, index: 1 }),
      expect.objectContaining({ code: 'invalid-sequence', runId: 'r', message: expect.stringContaining('has no end') }),
    ]);
    const strict = runCli(['convert', input, '--from', 'canonical', '--to', 'canonical', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('error: line 2, canonical, at delta: not a valid canonical record');
  });

  it('detect prints a table, and --json the documented shape', () => {
    const table = runCli(['detect', corpusCase]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^format\s+versions\s+records\s+runs\ncanonical\s+1\s+13\s+1\n$/);
    const json = runCli(['detect', corpusCase, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ formats: [{ format: 'canonical', versions: ['1'], records: 13, runs: 1 }], unknown: 0, rejected: 0 });
  });

  it('detect counts records no format claims and exits 1', () => {
    const result = runCli(['detect', '-', '--json'], '{"hello":"world"}\n');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ formats: [], unknown: 1, rejected: 0 });
  });

  it('validate accepts a well-formed stream and names the event of a broken lifecycle', () => {
    expect(runCli(['validate', corpusCase, '--from', 'canonical']).status).toBe(0);
    const input = join(scratch, 'lifecycle.jsonl');
    writeFileSync(input, '{"type":"run-start","runId":"r"}\n{"type":"text-delta","runId":"r","id":"t","delta":"a"}\n{"type":"run-end","runId":"r"}\n');
    const result = runCli(['validate', input, '--from', 'canonical', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      valid: false,
      records: 3,
      issues: [{ code: 'invalid-sequence', level: 'error', index: 1, line: 2 }],
    });
  });

  it('usage errors exit 2 and say what is wrong', () => {
    expect(runCli(['convert', corpusCase]).status).toBe(2);
    expect(runCli(['convert', corpusCase]).stderr).toContain('convert needs --to FORMAT');
    expect(runCli(['convert', corpusCase, '--to', 'klingon']).stderr).toContain('unknown --to format "klingon"');
    expect(runCli(['convert', corpusCase, '--to', 'canonical', '--bogus']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['convert', join(scratch, 'missing.jsonl'), '--to', 'canonical']).stderr).toContain('no such file');
  });

  it('--encode passes options to the target encoder: a stored agno 1.x run becomes one RunOutput', () => {
    const stored = join(root, 'test/agno-legacy/fixtures/v1.8.4-agent-run-response.json');
    const result = runCli(['convert', stored, '--in', 'json', '--from', 'agno-legacy', '--to', 'agno', '--encode', 'shape=aggregate', '--out', 'json', '--quiet']);
    expect(result.status).toBe(0);
    const [runOutput, ...rest] = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rest).toEqual([]);
    // agno 1.8.4 stored this run as RUNNING; the migration keeps what was stored: a run that never
    // said it finished has no output, its answer is the last assistant message.
    expect(runOutput).toMatchObject({ run_id: 'run-1', agent_id: 'weather-agent', status: 'RUNNING' });
    expect((runOutput?.messages as { role: string; content?: unknown }[]).at(-1)).toMatchObject({ role: 'assistant', content: 'It is sunny in Paris' });
    expect(runOutput).not.toHaveProperty('event');
    expect(runCli(['convert', stored, '--to', 'agno', '--encode', 'shape']).stderr).toContain('--encode takes KEY=VALUE, got "shape"');
  });

  it('every command has --help', () => {
    for (const command of ['convert', 'detect', 'validate']) {
      const result = runCli([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: agent-event-bridge ${command}`);
    }
  });
});
