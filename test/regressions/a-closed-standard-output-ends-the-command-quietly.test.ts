import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../support/cli.js';

describe('a reader that closes standard output early (| head -1)', () => {
  it('ends the command with status 0 and nothing on stderr', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'aeb-epipe-'));
    const input = join(scratch, 'long.jsonl');
    const lines = ['{"type":"run-start","runId":"r"}', '{"type":"text-start","runId":"r","id":"t"}'];
    for (let index = 0; index < 200_000; index += 1) lines.push(`{"type":"text-delta","runId":"r","id":"t","delta":"token ${index} "}`);
    writeFileSync(input, `${lines.join('\n')}\n`);
    const errors = join(scratch, 'stderr.txt');
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" convert "${input}" --to canonical 2>"${errors}" | head -1; echo "status \${PIPESTATUS[0]}"; cat "${errors}"`], {
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('{"canonicalVersion":1}\nstatus 0\n');
  });
});
