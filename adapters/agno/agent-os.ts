import type { AgnoToolExecution } from './continue.js';

/** The AgentOS app and the run a route acts on: an agent's run or a team's. */
export interface AgentOSRun {
  /** The AgentOS base URL, e.g. `http://127.0.0.1:7777`. */
  baseUrl: string;
  /** The agent of the run (`/agents/{id}/runs/{run_id}/…`); give this or `teamId`. */
  agentId?: string;
  /** The team of the run (`/teams/{id}/runs/{run_id}/…`). */
  teamId?: string;
  runId: string;
}

/** A route of AgentOS, as `fetch(request.url, request.init)` takes it. */
export interface AgentOSRequest<Body = undefined> {
  url: string;
  init: Body extends undefined ? { method: 'POST' } : { method: 'POST'; body: Body };
}

/**
 * The URL of a route under one run: `/agents/{agent_id}/runs/{run_id}/{action}` or the team's,
 * as agno 2.x and 3.x AgentOS serve them.
 */
function runRoute(run: AgentOSRun, action: string, helper: string): string {
  const owner = run.agentId !== undefined ? `agents/${encodeURIComponent(run.agentId)}` : run.teamId !== undefined ? `teams/${encodeURIComponent(run.teamId)}` : undefined;
  if (owner === undefined) throw new TypeError(`${helper} needs agentId or teamId`);
  return `${run.baseUrl.replace(/\/+$/, '')}/${owner}/runs/${encodeURIComponent(run.runId)}/${action}`;
}

/** Where and how to continue a paused run through AgentOS. */
export interface AgentOSContinueOptions extends AgentOSRun {
  /** The run's session: AgentOS requires it to find the persisted run. */
  sessionId: string;
  /** The paused tools with answers (`agnoToolsWithAnswers`). */
  tools: readonly AgnoToolExecution[];
  /** Stream the continuation as SSE (default true). */
  stream?: boolean;
  userId?: string;
}

/**
 * The `fetch` arguments of AgentOS's continue route (agno 2.x and 3.x take the same form
 * fields): `fetch(request.url, request.init)` streams the continued run as SSE.
 */
export function agentOSContinueRequest(options: AgentOSContinueOptions): AgentOSRequest<URLSearchParams> {
  const body = new URLSearchParams({ tools: JSON.stringify(options.tools), session_id: options.sessionId, stream: String(options.stream ?? true) });
  if (options.userId !== undefined) body.set('user_id', options.userId);
  return { url: runRoute(options, 'continue', 'agentOSContinueRequest'), init: { method: 'POST', body } };
}

/** The run to cancel through AgentOS. */
export interface AgentOSCancelOptions extends AgentOSRun {
  /** The run's session: agno 3.x requires it of callers scoped to a user (JWT), others may leave it out. */
  sessionId?: string;
}

/**
 * The `fetch` arguments of AgentOS's cancel route (`POST /agents/{id}/runs/{run_id}/cancel`, the
 * team route alike; agno 2.x and 3.x). agno stops the run at its next step and records it as
 * cancelled; the route answers 200 even for a run that already ended. Call it from the
 * `onCancel` option of the `agent-event-bridge/ai-sdk` server helpers, so that Stop in useChat
 * stops a run that outlives its connection (a background run, a run another client watches).
 */
export function agentOSCancelRequest(options: AgentOSCancelOptions): AgentOSRequest {
  const url = runRoute(options, 'cancel', 'agentOSCancelRequest');
  return { url: options.sessionId === undefined ? url : `${url}?${new URLSearchParams({ session_id: options.sessionId })}`, init: { method: 'POST' } };
}
