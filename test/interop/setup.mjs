#!/usr/bin/env node
// Creates one virtual environment per file of test/interop/requirements/ (test/interop/.venv/<name>/,
// git-ignored) and installs its pinned packages from PyPI. A stamp in each environment records the
// hash of its requirements file and the Python it was built with, so a run with nothing changed
// only reads five small files. `npm test` runs this first; AEB_SKIP_PYTHON=1 skips it (and the
// interop tests say they were skipped by it).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = import.meta.dirname;
const requirementsFolder = join(here, 'requirements');
const venvRoot = join(here, '.venv');
const minimumPython = [3, 10];

if (process.env.AEB_SKIP_PYTHON === '1') {
  console.log('interop: AEB_SKIP_PYTHON=1, the Python environments are not set up and the interop tests are skipped');
  process.exit(0);
}

const python = process.env.AEB_PYTHON ?? 'python3';

/** The interpreter's version as "3.11.7", or undefined when it cannot be run. */
function pythonVersion() {
  try {
    return execFileSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(`interop: ${message}`);
  process.exit(1);
}

const version = pythonVersion();
const installHint =
  'The interop tests run the real Python libraries (agno, langchain-core, orxhestra) from PyPI. ' +
  'Install Python 3.10 or newer with its venv module (Debian/Ubuntu: apt-get install python3 python3-venv), ' +
  'set AEB_PYTHON to its path, or set AEB_SKIP_PYTHON=1 to skip these tests.';
if (version === undefined) fail(`${python} was not found. ${installHint}`);
const [major, minor] = version.split('.').map(Number);
if (major < minimumPython[0] || (major === minimumPython[0] && minor < minimumPython[1])) fail(`${python} is ${version}. ${installHint}`);
try {
  execFileSync(python, ['-c', 'import venv, ensurepip'], { stdio: 'ignore' });
} catch {
  fail(`${python} ${version} has no venv/ensurepip module. ${installHint}`);
}

/** The stamp an environment must carry to be up to date with its requirements file. */
function stampOf(requirementsPath) {
  return createHash('sha256').update(readFileSync(requirementsPath)).update(`\npython ${version}\n`).digest('hex');
}

async function ensure(name) {
  const requirements = join(requirementsFolder, `${name}.txt`);
  const venv = join(venvRoot, name);
  const stampPath = join(venv, '.requirements-stamp');
  const stamp = stampOf(requirements);
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return { name, installed: false };
  const started = performance.now();
  rmSync(venv, { recursive: true, force: true });
  await run(python, ['-m', 'venv', venv]);
  const pip = join(venv, 'bin', 'python');
  try {
    await run(pip, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', requirements], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`pip install -r ${requirements} failed:\n${error.stderr ?? error.message}`);
  }
  writeFileSync(stampPath, stamp);
  return { name, installed: true, seconds: (performance.now() - started) / 1000 };
}

const names = readdirSync(requirementsFolder)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -'.txt'.length))
  .sort();
const started = performance.now();
// Installs run side by side: they wait on the network far more than on the processor.
const results = await Promise.allSettled(names.map(ensure));
const failures = results.filter((result) => result.status === 'rejected');
for (const failure of failures) console.error(`interop: ${failure.reason.message}`);
if (failures.length > 0) process.exit(1);
const installed = results.map((result) => result.value).filter((result) => result.installed);
if (installed.length > 0) {
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`interop: installed ${installed.map((result) => `${result.name} (${result.seconds.toFixed(1)} s)`).join(', ')} in ${total} s`);
}
