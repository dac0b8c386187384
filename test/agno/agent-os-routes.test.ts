import { describe, expect, it } from 'vitest';
import { agentOSCancelRequest, agentOSContinueRequest } from '../../adapters/agno/index.js';

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
});
