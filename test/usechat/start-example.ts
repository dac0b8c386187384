import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The useChat example, running as `npm run example:usechat` runs it, on a free loopback port. */
export interface RunningExample {
  /** The page's address, `http://127.0.0.1:<port>/`. */
  url: string;
  /** What the server wrote to stderr so far: the conversion's issues, one per line. */
  log(): string;
  /** Stops the server and removes the built page. */
  stop(): Promise<void>;
}

const serveScript = join(import.meta.dirname, '../../examples/agno-usechat/serve.mjs');

/**
 * Builds the page into a temporary directory and starts the example server on port 0.
 * @param replayDelayMs pause between agno records (small, so tests stay fast but still stream).
 */
export async function startExample(replayDelayMs = 5): Promise<RunningExample> {
  const pageDirectory = mkdtempSync(join(tmpdir(), 'agno-usechat-'));
  const child = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', PAGE_DIRECTORY: pageDirectory, REPLAY_DELAY_MS: String(replayDelayMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const stop = async () => {
    await stopProcess(child);
    rmSync(pageDirectory, { recursive: true, force: true });
  };
  try {
    const url = await waitForUrl(child, () => stderr);
    return { url, log: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the example server did not start within 45 s:\n${stdout}${stderr()}`)), 45_000);
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const match = /agno runs in useChat: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example server exited with code ${code} before listening:\n${stdout}${stderr()}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
