// `--in auto` on large logs with an awkward start: a broken first line, and a first line far
// longer than a read chunk. Generates the logs (bench/.data/, git-ignored), then times the built
// CLI on each: `node bench/auto-framing.mjs [--size MB] [--cli path/to/cli.js] [--timeout S]`.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cli as builtCli, dataFolder } from './paths.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const megabytes = Number(argument('--size', '200'));
const cli = argument('--cli', builtCli);
const timeoutSeconds = Number(argument('--timeout', '600'));

/** Canonical JSON lines of about `megabytes`, after a first line chosen by the case. */
function generate(name, firstLine) {
  const path = join(dataFolder, `auto-framing-${name}-${megabytes}mb.jsonl`);
  if (existsSync(path)) return path;
  mkdirSync(dataFolder, { recursive: true });
  const file = openSync(path, 'w');
  writeSync(file, `${firstLine}\n{"type":"run-start","runId":"r"}\n{"type":"text-start","runId":"r","id":"t"}\n`);
  let written = firstLine.length;
  const lines = [];
  for (let index = 0; written < megabytes * 1024 * 1024; index += 1) {
    const line = `{"type":"text-delta","runId":"r","id":"t","delta":"token ${index} of a long answer "}`;
    lines.push(line);
    written += line.length + 1;
    if (lines.length === 10_000) {
      writeSync(file, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
  }
  writeSync(file, `${lines.join('\n')}\n{"type":"text-end","runId":"r","id":"t"}\n{"type":"run-end","runId":"r"}\n`);
  closeSync(file);
  return path;
}

const cases = {
  clean: '{"canonicalVersion":1}',
  'broken-first-line': '{"canonicalVersion":1, oops',
  // A 20 MB first record: larger than a read chunk many times over.
  'large-first-line': JSON.stringify({ type: 'data', runId: 'big', name: 'blob', data: 'x'.repeat(20 * 1024 * 1024) }),
};

console.log(`cli: ${cli}`);
for (const [name, firstLine] of Object.entries(cases)) {
  const path = generate(name, firstLine);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, 'convert', path, '--to', 'canonical', '--from', 'canonical'], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = result.signal === 'SIGTERM' ? `stopped after ${timeoutSeconds} s` : (result.stderr.match(/^read .*$/m)?.[0] ?? result.stderr.slice(0, 200));
  console.log(`${name.padEnd(18)} ${seconds.toFixed(1).padStart(7)} s  exit ${result.status}  ${summary}`);
}
