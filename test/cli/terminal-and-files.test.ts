import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProgress } from '../../src/cli/io.js';
import { cliPath, root, runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'aeb-terminal-'));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Runs a shell command on a pseudo-terminal (util-linux `script`): stdin, stdout and stderr of
 * the command are the terminal, whose output is returned.
 */
function onTerminal(command: string, input = ''): string {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { input, encoding: 'utf8', timeout: 30_000 });
  if (result.error !== undefined) throw new Error(`util-linux script is needed to test terminal behaviour: ${result.error.message}`);
  return result.stdout;
}

/** A JSON Lines file of about 3 MB, so that reading it takes many chunks. */
function largeFile(): string {
  const path = join(scratch, 'large.jsonl');
  const lines = ['{"type":"run-start","runId":"r"}', '{"type":"text-start","runId":"r","id":"t"}'];
  for (let index = 0; index < 40_000; index += 1) lines.push(`{"type":"text-delta","runId":"r","id":"t","delta":"token ${index} "}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('the command line', () => {
  it('prints the package version with --version and -v', () => {
    for (const flag of ['--version', '-v']) {
      const result = runCli([flag]);
      expect(result).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('says in one line that a file is missing or a directory, exit 2, for every command', () => {
    const missing = join(scratch, 'x.jsonl');
    for (const args of [['convert', missing, '--to', 'canonical'], ['detect', missing], ['validate', missing, '--from', 'agno']]) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`agent-event-bridge: cannot read ${missing}: no such file\n`);
    }
    expect(runCli(['convert', scratch, '--to', 'canonical']).stderr).toBe(`agent-event-bridge: cannot read ${scratch}: it is a directory\n`);
  });

  it('hints on stderr how to end input when it reads standard input from a terminal', () => {
    const screen = onTerminal(`"${process.execPath}" "${cliPath}" convert --to canonical --quiet`, '{"type":"run-start","runId":"r"}\n');
    expect(screen).toContain('agent-event-bridge: reading from stdin; pass a FILE or pipe records in (Ctrl-D ends)');
    expect(screen).toContain('{"canonicalVersion":1}');
    const piped = runCli(['convert', '-', '--to', 'canonical'], '{"type":"run-start","runId":"r"}\n');
    expect(piped.stderr).not.toContain('reading from stdin');
  });

  it('shows percentage and ETA for a file and records per second for a pipe, on a terminal only', () => {
    const file = largeFile();
    const fromFile = onTerminal(`"${process.execPath}" "${cliPath}" convert "${file}" --to canonical --from canonical > /dev/null`);
    expect(fromFile).toMatch(/\r\x1b\[K\d+% · [\d.]+ [KM]?B of [\d.]+ MB · \d+ records · ETA \d+ s/);
    const fromPipe = onTerminal(`cat "${file}" | "${process.execPath}" "${cliPath}" convert - --to canonical --from canonical > /dev/null`);
    expect(fromPipe).toMatch(/\r\x1b\[K\d+ records · [\d.]+ [KM]?B · \d+ records\/s/);
    expect(fromPipe).not.toContain('%');
    expect(runCli(['convert', file, '--to', 'canonical', '--from', 'canonical']).stderr).not.toContain('\x1b[K');
  });
});

describe('the progress line', () => {
  it('for a file gives the share read, the bytes and the time left at the rate so far', () => {
    expect(formatProgress({ records: 1200, bytes: 25 * 1024 * 1024, total: 100 * 1024 * 1024, elapsedMs: 10_000 })).toBe('25% · 25.0 MB of 100.0 MB · 1200 records · ETA 30 s');
    expect(formatProgress({ records: 1, bytes: 1024 * 1024, total: 1000 * 1024 * 1024, elapsedMs: 1000 })).toBe('0% · 1.0 MB of 1000.0 MB · 1 records · ETA 16 min 39 s');
  });

  it('for a pipe gives records, bytes and records per second', () => {
    expect(formatProgress({ records: 5000, bytes: 2048, total: undefined, elapsedMs: 2000 })).toBe('5000 records · 2.0 KB · 2500 records/s');
  });
});
