import { startAgentOs as startAgentOsWith } from '../../examples/agno-usechat/start-agentos.mjs';
import { pythonOf } from './python.js';

/** A running AgentOS app (test/interop/agentos_app.py) on a loopback port. */
export interface AgentOs {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops the app and waits until its process is gone. */
  stop(): Promise<void>;
}

/**
 * Starts the scripted agents and team behind agno's AgentOS routes, in the environment of an agno
 * version (3.x by default), and resolves when the app is ready; the useChat example starts the
 * same app the same way. The port is chosen by the system.
 */
export function startAgentOs(environment = 'agno-3.1.10', timeoutMs = 120_000): Promise<AgentOs> {
  return startAgentOsWith(pythonOf(environment), { timeoutMs });
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
