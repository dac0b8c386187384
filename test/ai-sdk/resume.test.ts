import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { toResumedUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe("useChat's reconnect answered from AgentOS /resume", () => {
  it('an AgentOS answer without an event stream (a queued run, a JSON run) is 204: useChat has nothing to resume', async () => {
    expect((await toResumedUIMessageStreamResponse(json(202, { run_id: 'r', session_id: 's', status: 'PENDING' }), { from: agnoFormat })).status).toBe(204);
    expect((await toResumedUIMessageStreamResponse(json(200, { run_id: 'r', status: 'COMPLETED' }), { from: agnoFormat })).status).toBe(204);
  });

  it('a conflict, a full queue or an unknown agent keeps its status and says why, Retry-After included', async () => {
    const busy = await toResumedUIMessageStreamResponse(json(429, { detail: 'Job queue is full' }, { 'retry-after': '5' }), { from: agnoFormat });
    expect([busy.status, busy.headers.get('retry-after'), await busy.json()]).toEqual([429, '5', { error: 'Job queue is full' }]);
    const missing = await toResumedUIMessageStreamResponse(json(404, { detail: 'Agent not found' }), { from: agnoFormat });
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'Agent not found' }]);
  });

  it('a resumed body skips the events the client has (lastEventIndex) and names the run as the message', async () => {
    const event = (index: number, fields: { event: string } & Record<string, unknown>) => ({ created_at: 1780000000, agent_id: 'a', run_id: 'run-1', session_id: 's', nested_depth: 0, event_index: index, ...fields });
    const frames = [
      { event: 'catch_up', run_id: 'run-1', missed_events: 2, current_event_count: 3 },
      event(1, { event: 'RunContent', content: 'Hel', content_type: 'str' }),
      event(2, { event: 'RunContent', content: 'lo', content_type: 'str' }),
      event(3, { event: 'RunCompleted', content: 'Hello' }),
    ];
    const body = frames.map((frame) => `event: ${frame.event}\ndata: ${JSON.stringify(frame)}\n\n`).join('');
    const agentOS = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const response = await toResumedUIMessageStreamResponse(agentOS, { from: agnoFormat, lastEventIndex: 1 });
    const chunks = (await response.text()).split('\n\n').filter((frame) => frame.startsWith('data: {')).map((frame) => JSON.parse(frame.slice(6)) as Record<string, unknown>);
    expect(chunks[0]).toEqual({ type: 'start', messageId: 'run-1' });
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta)).toEqual(['lo']);
    expect(chunks.at(-1)).toMatchObject({ type: 'finish' });
  });
});
