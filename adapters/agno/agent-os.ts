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
  /**
   * Continue in the background (agno 2.9+ and 3.x; needs AgentOS storage): the continued run goes
   * on when the client leaves (an inline one is cancelled), its streamed events carry `event_index`,
   * and `agentOSResumeRequest` re-attaches to it (a page reloaded mid-run). Without `stream` the
   * answer is 202 (`accepted`).
   */
  background?: boolean;
  userId?: string;
}

/**
 * The `fetch` arguments of AgentOS's continue route (agno 2.x and 3.x take the same form
 * fields): `fetch(request.url, request.init)` streams the continued run as SSE.
 */
export function agentOSContinueRequest(options: AgentOSContinueOptions): AgentOSRequest<URLSearchParams> {
  const body = new URLSearchParams({ tools: JSON.stringify(options.tools), session_id: options.sessionId, stream: String(options.stream ?? true) });
  if (options.background === true) body.set('background', 'true');
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

/** Where and from which event to re-attach to a run's stream through AgentOS. */
export interface AgentOSResumeOptions extends AgentOSRun {
  /** The run's session: AgentOS replays a finished run from its database by it (required of callers scoped to a user). */
  sessionId?: string;
  /**
   * The `event_index` of the last event the client already has: AgentOS sends the events after
   * it. Leave it out to get the run's events from its first one.
   */
  lastEventIndex?: number;
}

/**
 * The `fetch` arguments of AgentOS's resume route (`POST /agents/{id}/runs/{run_id}/resume`, the
 * team route alike; agno 2.9+ and 3.x): an SSE body that replays the run's events after
 * `lastEventIndex` (a `replay` or `catch_up` frame first) and then follows the run while it runs.
 * Read it with `readAgentOSResponse`, decode it with the `lastEventIndex` decode option.
 */
export function agentOSResumeRequest(options: AgentOSResumeOptions): AgentOSRequest<URLSearchParams> {
  const body = new URLSearchParams();
  if (options.lastEventIndex !== undefined) body.set('last_event_index', String(options.lastEventIndex));
  if (options.sessionId !== undefined) body.set('session_id', options.sessionId);
  return { url: runRoute(options, 'resume', 'agentOSResumeRequest'), init: { method: 'POST', body } };
}

/**
 * What an AgentOS run, continue or resume route answered (agno 3.x `os/routers/{agents,teams}`):
 * - `stream`: 200 with an SSE body of run events, to convert (`toUIMessageStreamResponse` …);
 * - `run`: 200 with the run as JSON (`stream=false`);
 * - `accepted`: 202, a background run (or continuation) was queued: poll the run or attach to it
 *   with `agentOSResumeRequest`; a repeated `Idempotency-Key` answers with the original run;
 * - `conflict`: 409, the run cannot be continued now: it is already continued or executing, was
 *   cancelled, or belongs to a queued ticket; `retryAfterSeconds` when AgentOS says to retry (a run
 *   settling between two legs);
 * - `busy`: 429, AgentOS's job queue is full: retry later (`retryAfterSeconds` when it says when);
 * - `error`: any other status, with AgentOS's `detail`.
 */
export type AgentOSAnswer =
  | { kind: 'stream'; status: number; body: ReadableStream<Uint8Array> }
  | { kind: 'run'; status: number; run: Record<string, unknown> }
  | { kind: 'accepted'; status: 202; runId: string; sessionId?: string; runStatus: string }
  | { kind: 'conflict'; status: 409; detail: string; retryAfterSeconds?: number }
  | { kind: 'busy'; status: 429; detail: string; retryAfterSeconds?: number }
  | { kind: 'error'; status: number; detail: string };

/** A `Retry-After` header in seconds (its delta-seconds form; AgentOS writes no dates). */
function retryAfter(response: Response): { retryAfterSeconds?: number } {
  const value = response.headers.get('retry-after');
  const seconds = value === null ? Number.NaN : Number(value.trim());
  return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterSeconds: seconds } : {};
}

/** The JSON body of an answer, or undefined when it is not JSON. */
async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text === '' ? undefined : text;
  }
}

/** FastAPI's `{"detail": …}` (a string, or validation errors), as one line of text. */
function detailOf(body: unknown, status: number): string {
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? (body as { detail: unknown }).detail : body;
  if (typeof detail === 'string' && detail !== '') return detail;
  return detail === undefined ? `AgentOS answered ${status} without a detail` : JSON.stringify(detail);
}

/**
 * Reads an AgentOS answer (a `fetch` `Response` of the run, continue or resume route) as one
 * {@link AgentOSAnswer}, so that a server can tell a stream to convert from a queued run, a
 * conflict and a full queue, and tell its client why. Only a `stream` answer's body is left unread.
 */
export async function readAgentOSResponse(response: Response): Promise<AgentOSAnswer> {
  const status = response.status;
  if (status >= 200 && status < 300 && status !== 202) {
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream') && response.body !== null) return { kind: 'stream', status, body: response.body };
    const body = await jsonOf(response);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { kind: 'run', status, run: body as Record<string, unknown> };
    return { kind: 'error', status, detail: `AgentOS answered ${status} with neither an event stream nor a run` };
  }
  const body = await jsonOf(response);
  if (status === 202) {
    const accepted = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof accepted.run_id !== 'string') return { kind: 'error', status, detail: 'AgentOS accepted a run (202) without naming it (no run_id)' };
    return {
      kind: 'accepted',
      status,
      runId: accepted.run_id,
      ...(typeof accepted.session_id === 'string' ? { sessionId: accepted.session_id } : {}),
      runStatus: typeof accepted.status === 'string' ? accepted.status : 'PENDING',
    };
  }
  const detail = detailOf(body, status);
  if (status === 409) return { kind: 'conflict', status, detail, ...retryAfter(response) };
  if (status === 429) return { kind: 'busy', status, detail, ...retryAfter(response) };
  return { kind: 'error', status, detail };
}
