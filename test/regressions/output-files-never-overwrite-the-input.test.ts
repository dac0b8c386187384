import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, root, runCli } from '../support/cli.js';

const corpusCase = readFileSync(join(root, 'test/corpus/text-and-tool.canonical.jsonl'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'aeb-outputs-'));

function input(name: string): string {
  const path = join(scratch, name);
  writeFileSync(path, corpusCase);
  return path;
}

/** One line on stderr, exit 2, nothing on stdout. */
function expectOneLineRefusal(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('--rejects and --issues', () => {
  it('naming the input file are refused and leave it whole', () => {
    const file = input('self.jsonl');
    for (const flag of ['--rejects', '--issues']) {
      const result = runCli(['convert', file, '--to', 'canonical', flag, file]);
      expectOneLineRefusal(result, new RegExp(`^agent-event-bridge: ${flag} .*self\\.jsonl is the input file`));
      expect(readFileSync(file, 'utf8')).toBe(corpusCase);
    }
  });

  it('naming the input through a symbolic link or a relative path are refused', () => {
    const file = input('target.jsonl');
    const link = join(scratch, 'link.jsonl');
    symlinkSync(file, link);
    expectOneLineRefusal(runCli(['convert', link, '--to', 'canonical', '--rejects', file]), /is the input file/);
    expectOneLineRefusal(runCli(['convert', file, '--to', 'canonical', '--issues', link]), /is the input file/);
    expectOneLineRefusal(runCli(['convert', file, '--to', 'canonical', '--issues', relative(root, file)]), /is the input file/);
    expect(readFileSync(file, 'utf8')).toBe(corpusCase);
  });

  it('naming the file that standard input is redirected from are refused', () => {
    const file = input('redirected.jsonl');
    const result = spawnSync(process.execPath, [cliPath, 'convert', '-', '--to', 'canonical', '--rejects', file], {
      stdio: [openSync(file, 'r'), 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--rejects .* is the input file/);
    expect(readFileSync(file, 'utf8')).toBe(corpusCase);
  });

  it('naming one file for both are refused', () => {
    const file = input('both-in.jsonl');
    const shared = join(scratch, 'shared.jsonl');
    expectOneLineRefusal(runCli(['convert', file, '--to', 'canonical', '--issues', shared, '--rejects', shared]), /--issues and --rejects name the same file/);
  });

  it('an unwritable path gives one line and exit 2 before anything is read', () => {
    const file = input('unwritable-in.jsonl');
    const locked = join(scratch, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const isRoot = process.getuid?.() === 0;
    const missingDirectory = runCli(['convert', file, '--to', 'canonical', '--rejects', join(scratch, 'no/such/dir/rejects.jsonl')]);
    expectOneLineRefusal(missingDirectory, /^agent-event-bridge: cannot write --rejects .*rejects\.jsonl: no such directory/);
    const directory = runCli(['convert', file, '--to', 'canonical', '--issues', scratch]);
    expectOneLineRefusal(directory, /^agent-event-bridge: cannot write --issues .*: it is a directory/);
    if (!isRoot) {
      expectOneLineRefusal(runCli(['convert', file, '--to', 'canonical', '--rejects', join(locked, 'r.jsonl')]), /cannot write --rejects .*: permission denied/);
    }
  });
});
