import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pythonOf } from './python.js';

/** A running AgentOS app (test/interop/agentos_app.py) on a loopback port. */
export interface AgentOs {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops the app and waits until its process is gone. */
  stop(): Promise<void>;
}

/** The line agentos_app.py prints once it accepts requests. */
const readyLine = /^AGENTOS_READY (http:\/\/127\.0\.0\.1:\d+)$/;

/**
 * Starts the scripted agents and team behind agno's AgentOS routes, in the environment of an agno
 * version (3.x by default), and resolves when the app is ready. The port is chosen by the system.
 */
export function startAgentOs(environment = 'agno-3.1.10', timeoutMs = 120_000): Promise<AgentOs> {
  const child = spawn(pythonOf(environment), ['-W', 'ignore', join(import.meta.dirname, 'agentos_app.py')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<AgentOs>((resolve, reject) => {
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
      if (ready === null) return;
      clearTimeout(timer);
      resolve({ url: ready[1]!, stop });
    });
  });
}

/** What an AgentOS route answered: its status, content type and (SSE) body. */
export interface RouteAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** Posts form fields (or a prepared body, as `agentOSContinueRequest` gives) to an AgentOS route. */
export async function postForm(url: string, fields: Record<string, string> | URLSearchParams): Promise<RouteAnswer> {
  let body: FormData | URLSearchParams;
  if (fields instanceof URLSearchParams) body = fields;
  else {
    body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
  }
  const response = await fetch(url, { method: 'POST', body });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}
