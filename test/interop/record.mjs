#!/usr/bin/env node
// `npm run fixtures:record`: regenerates test/<format>/fixtures/recorded/<version>/ with the real Python
// libraries of test/interop/.venv (set up first). Each recorder runs in its own library's environment
// and rewrites its folder from scratch, so a scenario that is gone leaves no stale file behind.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const testRoot = join(here, '..');

/** Which recorders write which folder, with which environment. */
export const recordings = [
  { environment: 'agno-3.1.10', scripts: ['agno_runs.py', 'agentos_sse.py'], folder: 'agno/fixtures/recorded/3.1.10' },
  { environment: 'agno-2.9.0', scripts: ['agno_runs.py', 'agentos_sse.py'], folder: 'agno/fixtures/recorded/2.9.0' },
  { environment: 'agno-1.8.4', scripts: ['agno_legacy_runs.py'], folder: 'agno-legacy/fixtures/recorded/1.8.4' },
  { environment: 'langchain-core-1.8.3', scripts: ['langchain_messages.py'], folder: 'langchain/fixtures/recorded/python-langchain-core-1.8.3' },
  { environment: 'orxhestra-0.0.2', scripts: ['runner_events.py'], folder: 'runner/fixtures/recorded/orxhestra-0.0.2' },
];

execFileSync(process.execPath, [join(here, 'setup.mjs')], { stdio: 'inherit' });
for (const { environment, scripts, folder } of recordings) {
  const output = join(testRoot, folder);
  rmSync(output, { recursive: true, force: true });
  mkdirSync(output, { recursive: true });
  for (const script of scripts) {
    execFileSync(join(here, '.venv', environment, 'bin', 'python'), ['-W', 'ignore', join(here, 'record', script), output], { stdio: 'inherit' });
  }
  console.log(`recorded ${folder}`);
}
