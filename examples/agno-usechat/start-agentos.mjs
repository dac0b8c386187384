// @ts-check
// Starts the AgentOS app of the live mode. Shared with the interop tests (test/interop/agentos.ts),
// so it imports nothing but Node: no build of the library is needed to start the app.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** The agno AgentOS app of the live mode: scripted agents and a team, no network (test/interop/agentos_app.py). */
export const agentOsApp = join(repository, 'test/interop/agentos_app.py');

/** The Python of the project's agno 3.1.10 environment (`node test/interop/setup.mjs` creates it). */
export const defaultPython = join(repository, 'test/interop/.venv/agno-3.1.10/bin/python');

/** The line agentos_app.py prints once it accepts requests. */
const readyLine = /^AGENTOS_READY (http:\/\/127\.0\.0\.1:\d+)$/;

/** Whether the live mode can start its AgentOS app with `python`. */
export function canRunAgentOs(python = defaultPython) {
  return existsSync(python);
}

/**
 * Starts the AgentOS app with `python` (a Python with agno and its AgentOS extras) on a loopback
 * port the system picks, and resolves once it accepts requests.
 * @param {string} [python]
 * @param {{ timeoutMs?: number }} [options] how long the app may take to start (default 120 s; a
 *   cold agno import on a busy machine takes tens of seconds).
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>} the app's URL
 *   (`http://127.0.0.1:<port>`) and a `stop` that ends the app and waits until its process is gone.
 */
export function startAgentOs(python = defaultPython, { timeoutMs = 120_000 } = {}) {
  const child = spawn(python, ['-W', 'ignore', agentOsApp], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr = (stderr + text).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`AgentOS did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`AgentOS exited with ${code} before it was ready:\n${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = readyLine.exec(line);
      if (ready?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({ url: ready[1], stop });
    });
  });
}
