import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The useChat example, running as `npm run example:usechat` runs it, on a free loopback port. */
export interface RunningExample {
  /** The page's address, `http://127.0.0.1:<port>/`. */
  url: string;
  /** The AgentOS app the live mode started, `http://127.0.0.1:<port>`. */
  agentOsUrl: string | undefined;
  /** What the server wrote to stderr so far: the conversion's issues, one per line. */
  log(): string;
  /** Stops the server and removes the built page. */
  stop(): Promise<void>;
}

const serveScript = join(import.meta.dirname, '../../examples/agno-usechat/serve.mjs');

/**
 * Builds the page into a temporary directory and starts the example server on port 0.
 * @param replayDelayMs pause between agno records (small, so tests stay fast but still stream).
 * @param mode `replay` (recordings) or `live` (the example starts agno's AgentOS app).
 */
export async function startExample(replayDelayMs = 5, mode: 'replay' | 'live' = 'replay'): Promise<RunningExample> {
  const pageDirectory = mkdtempSync(join(tmpdir(), 'agno-usechat-'));
  const child = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', PAGE_DIRECTORY: pageDirectory, REPLAY_DELAY_MS: String(replayDelayMs), EXAMPLE_MODE: mode },
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
    const { url, agentOsUrl } = await waitForUrl(child, () => stderr);
    return { url, agentOsUrl, log: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForUrl(child: ChildProcess, stderr: () => string): Promise<{ url: string; agentOsUrl: string | undefined }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the example server did not start within 90 s:\n${stdout}${stderr()}`)), 45_000);
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const match = /agno runs in useChat \((?:live|replay)\): (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({ url: match[1], agentOsUrl: /^AgentOS: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1] });
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
