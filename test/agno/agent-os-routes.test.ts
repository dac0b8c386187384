import { describe, expect, it } from 'vitest';
import { agentOSCancelRequest, agentOSContinueRequest, agentOSResumeRequest, readAgentOSResponse } from '../../adapters/agno/index.js';

// The routes as agno 2.9 and 3.1 declare them in agno/os/routers/{agents,teams}/router.py:
// "/agents/{agent_id}/runs/{run_id}/cancel", "/teams/{team_id}/runs/{run_id}/cancel" and the /continue twins.
describe('AgentOS run routes', () => {
  it('the cancel request names the agent or team route of the run, escaping ids, with the session as a query parameter', () => {
    expect(agentOSCancelRequest({ baseUrl: 'http://127.0.0.1:7777/', agentId: 'slow agent', runId: 'run/1', sessionId: 'session 1' })).toEqual({
      url: 'http://127.0.0.1:7777/agents/slow%20agent/runs/run%2F1/cancel?session_id=session+1',
      init: { method: 'POST' },
    });
    expect(agentOSCancelRequest({ baseUrl: 'http://os', teamId: 'research-team', runId: 'run-2' }).url).toBe('http://os/teams/research-team/runs/run-2/cancel');
  });

  it('a request without agent or team is refused, naming the helper', () => {
    expect(() => agentOSCancelRequest({ baseUrl: 'http://os', runId: 'run-2' })).toThrow('agentOSCancelRequest needs agentId or teamId');
    expect(() => agentOSContinueRequest({ baseUrl: 'http://os', runId: 'run-2', sessionId: 's', tools: [] })).toThrow('agentOSContinueRequest needs agentId or teamId');
  });

  it('the continue request of a team run posts the answered tools as form fields', () => {
    const request = agentOSContinueRequest({ baseUrl: 'http://os', teamId: 'research-team', runId: 'run-2', sessionId: 's', tools: [{ tool_call_id: 'call_1', confirmed: true }] });
    expect(request.url).toBe('http://os/teams/research-team/runs/run-2/continue');
    expect(Object.fromEntries(request.init.body)).toEqual({ tools: '[{"tool_call_id":"call_1","confirmed":true}]', session_id: 's', stream: 'true' });
  });

  it('a background continue request says so in its form fields', () => {
    const request = agentOSContinueRequest({ baseUrl: 'http://os', agentId: 'a', runId: 'run-2', sessionId: 's', tools: [], background: true });
    expect(Object.fromEntries(request.init.body)).toEqual({ tools: '[]', session_id: 's', stream: 'true', background: 'true' });
  });
});

/** An answer as FastAPI writes an `HTTPException` (agno 3.1.10 `os/routers/agents/router.py`): `{"detail": …}` JSON. */
function fastApiError(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ detail }), { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('AgentOS answers read as one outcome', () => {
  it('the resume request posts last_event_index and session_id to the run resume route', () => {
    const request = agentOSResumeRequest({ baseUrl: 'http://os/', agentId: 'slow-agent', runId: 'run-1', sessionId: 's 1', lastEventIndex: 7 });
    expect(request.url).toBe('http://os/agents/slow-agent/runs/run-1/resume');
    expect(Object.fromEntries(request.init.body)).toEqual({ last_event_index: '7', session_id: 's 1' });
    expect(Object.fromEntries(agentOSResumeRequest({ baseUrl: 'http://os', teamId: 't', runId: 'r' }).init.body)).toEqual({});
  });

  it('429 "Job queue is full" is busy, with the Retry-After seconds when AgentOS sends them', async () => {
    expect(await readAgentOSResponse(fastApiError(429, 'Job queue is full'))).toEqual({ kind: 'busy', status: 429, detail: 'Job queue is full' });
    expect(await readAgentOSResponse(fastApiError(429, 'Job queue is full', { 'retry-after': '30' }))).toEqual({
      kind: 'busy',
      status: 429,
      detail: 'Job queue is full',
      retryAfterSeconds: 30,
    });
  });

  it('409 is a conflict: a run settling between legs says when to retry, a run not continuable does not', async () => {
    expect(await readAgentOSResponse(fastApiError(409, 'Run is settling between execution legs; retry in a moment', { 'Retry-After': '1' }))).toEqual({
      kind: 'conflict',
      status: 409,
      detail: 'Run is settling between execution legs; retry in a moment',
      retryAfterSeconds: 1,
    });
    expect(await readAgentOSResponse(fastApiError(409, 'Run is not continuable (ticket status: running)'))).toEqual({
      kind: 'conflict',
      status: 409,
      detail: 'Run is not continuable (ticket status: running)',
    });
  });

  it('202 is an accepted background run with its id, session and status; a 202 naming no run is an error', async () => {
    const accepted = new Response(JSON.stringify({ run_id: 'run-9', session_id: 's', status: 'PENDING' }), { status: 202, headers: { 'content-type': 'application/json' } });
    expect(await readAgentOSResponse(accepted)).toEqual({ kind: 'accepted', status: 202, runId: 'run-9', sessionId: 's', runStatus: 'PENDING' });
    expect(await readAgentOSResponse(new Response('{}', { status: 202 }))).toEqual({ kind: 'error', status: 202, detail: 'AgentOS accepted a run (202) without naming it (no run_id)' });
  });

  it('an event stream is left unread for the converter, a JSON run is parsed, anything else is an error with its detail', async () => {
    const stream = await readAgentOSResponse(new Response('event: RunStarted\ndata: {}\n\n', { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }));
    expect(stream.kind).toBe('stream');
    expect(stream.kind === 'stream' && (await new Response(stream.body).text())).toBe('event: RunStarted\ndata: {}\n\n');
    expect(await readAgentOSResponse(new Response('{"run_id":"r","status":"COMPLETED"}', { headers: { 'content-type': 'application/json' } }))).toEqual({
      kind: 'run',
      status: 200,
      run: { run_id: 'r', status: 'COMPLETED' },
    });
    expect(await readAgentOSResponse(fastApiError(404, 'Agent not found'))).toEqual({ kind: 'error', status: 404, detail: 'Agent not found' });
    expect(await readAgentOSResponse(new Response('', { status: 500 }))).toEqual({ kind: 'error', status: 500, detail: 'AgentOS answered 500 without a detail' });
  });
});
