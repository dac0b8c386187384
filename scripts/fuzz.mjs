// npm run fuzz: the property tests (every test file that reads FUZZ_RUNS or the shared
// `propertyRuns`) with 20 000 cases each instead of the 200 of `npm test`, without a time limit per
// test. FUZZ_RUNS sets another number, FUZZ_SEED reproduces a run.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testFolder = join(root, 'test');

/** The test files under `folder` that take their number of cases from FUZZ_RUNS. */
function propertyFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === '.venv' || entry.name === 'fixtures' ? [] : propertyFiles(path);
    return entry.name.endsWith('.test.ts') && /\bpropertyRuns\b|FUZZ_RUNS/.test(readFileSync(path, 'utf8')) ? [relative(root, path)] : [];
  });
}

const files = propertyFiles(testFolder);
if (files.length === 0) {
  console.error('fuzz: no test file reads FUZZ_RUNS or propertyRuns');
  process.exit(1);
}
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--testTimeout', '0', ...files], { stdio: 'inherit', cwd: root, env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '20000' } });
process.exit(result.status ?? 1);
