import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../support/cli.js';

describe('a conversion piped to a reader (| md5sum)', () => {
  it('waits for the pipe without a listener left behind per wait: nothing on stderr, every byte through', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'aeb-pipe-'));
    const input = join(scratch, 'long.jsonl');
    const lines = ['{"type":"run-start","runId":"r"}', '{"type":"text-start","runId":"r","id":"t"}'];
    for (let index = 0; index < 100_000; index += 1) lines.push(`{"type":"text-delta","runId":"r","id":"t","delta":"token ${index} "}`);
    lines.push('{"type":"text-end","runId":"r","id":"t"}', '{"type":"run-end","runId":"r"}');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const errors = join(scratch, 'stderr.txt');
    // Every 64 KiB piece fills the pipe, so each one waits for `drain`: a few megabytes wait hundreds of times.
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" convert "${input}" --to canonical --quiet 2>"${errors}" | wc -c; cat "${errors}"`], {
      encoding: 'utf8',
    });
    const direct = spawnSync(process.execPath, [cliPath, 'convert', input, '--to', 'canonical', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(1 << 22);
    expect(piped.stdout).toBe(`${Buffer.byteLength(direct.stdout)}\n`);
  });
});
