import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOSCancelRequest, agentOSContinueRequest, agentOSResumeRequest, agnoFormat, readAgentOSResponse } from '../../adapters/agno/index.js';
import { toResumedUIMessageStreamResponse, toUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';
import { readAll } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { type AgentOs, startAgentOs } from './agentos.js';
import { skipPython, skipReason } from './python.js';

let agentOs: AgentOs;

/** Posts form fields to a run route of the live app and reads the answer. */
async function post(path: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return readAgentOSResponse(await fetch(`${agentOs.url}${path}`, { method: 'POST', body }));
}

/** Asks AgentOS for a run's status until it is `wanted` or 10 s passed. */
async function statusBecomes(agentId: string, runId: string, sessionId: string, wanted: string): Promise<string> {
  let status = '';
  for (let tries = 0; status !== wanted && tries < 40; tries += 1) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    const response = await fetch(`${agentOs.url}/agents/${agentId}/runs/${runId}?session_id=${sessionId}`);
    status = String(((await response.json()) as { status?: unknown }).status);
  }
  return status;
}

/** Reads a UI message stream response until `texts` text deltas arrived, then lets go of it; returns its chunks. */
async function readUntilTexts(response: Response, texts: number): Promise<Record<string, unknown>[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const chunks = () => readAll(text, 'sse').flatMap((item) => (item.kind === 'record' && typeof item.record === 'object' ? [item.record as Record<string, unknown>] : []));
  while (chunks().filter((chunk) => chunk.type === 'text-delta').length < texts) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel('page reloaded');
  return chunks();
}

/** The `event_index` of the last run event of an AgentOS SSE body text. */
function lastIndexOf(body: string): number {
  return Math.max(...[...body.matchAll(/"event_index":(\d+)/g)].map((match) => Number(match[1])));
}

describe.skipIf(skipPython)(`what a live agno 3.x AgentOS app answers, read as one outcome, and useChat resuming its runs through /resume${skipPython ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    agentOs = await startAgentOs();
  }, 150_000);

  afterAll(async () => {
    await agentOs?.stop();
  }, 30_000);

  it('a background run without a stream is accepted (202) with the run id AgentOS then reports', async () => {
    const answer = await post('/agents/weather-agent/runs', { message: 'Weather in Paris?', stream: 'false', background: 'true', session_id: 'answers-202' });
    expect(answer).toMatchObject({ kind: 'accepted', status: 202, sessionId: 'answers-202' });
    const runId = answer.kind === 'accepted' ? answer.runId : '';
    expect(await statusBecomes('weather-agent', runId, 'answers-202', 'COMPLETED')).toBe('COMPLETED');
  }, 60_000);

  it('a streamed run is a stream; continuing a run that was cancelled is a conflict (409) with AgentOS\'s reason', async () => {
    const started = await post('/agents/slow-agent/runs', { message: 'Take your time.', stream: 'true', background: 'true', session_id: 'answers-409' });
    expect(started.kind).toBe('stream');
    if (started.kind !== 'stream') return;
    const reader = started.body.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const runId = (/"run_id":"([^"]+)"/.exec(first) ?? [])[1] ?? '';
    await reader.cancel();
    const cancel = agentOSCancelRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId, sessionId: 'answers-409' });
    expect((await fetch(cancel.url, cancel.init)).status).toBe(200);
    expect(await statusBecomes('slow-agent', runId, 'answers-409', 'CANCELLED')).toBe('CANCELLED');
    const request = agentOSContinueRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId, sessionId: 'answers-409', tools: [], stream: false });
    expect(await readAgentOSResponse(await fetch(request.url, request.init))).toEqual({
      kind: 'conflict',
      status: 409,
      detail: `Cannot continue run ${runId}: run is cancelled`,
    });
  }, 60_000);

  it('resuming a run that had no event stream is a stream of one replay frame with no events', async () => {
    const accepted = await post('/agents/weather-agent/runs', { message: 'Weather in Rome?', stream: 'false', background: 'true', session_id: 'answers-resume' });
    const runId = accepted.kind === 'accepted' ? accepted.runId : '';
    await statusBecomes('weather-agent', runId, 'answers-resume', 'COMPLETED');
    const request = agentOSResumeRequest({ baseUrl: agentOs.url, agentId: 'weather-agent', runId, sessionId: 'answers-resume', lastEventIndex: -1 });
    const answer = await readAgentOSResponse(await fetch(request.url, request.init));
    expect(answer.kind).toBe('stream');
    const records = answer.kind === 'stream' ? readAll(await new Response(answer.body).text(), 'sse').flatMap((item) => (item.kind === 'record' ? [item.record] : [])) : [];
    expect(records).toMatchObject([{ event: 'replay', run_id: runId, total_events: 0 }]);
  }, 60_000);

  it('a page reloaded mid-run gets the same assistant message back, under the same id, each part once, and the run goes on', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ message: 'Take your time.', stream: 'true', background: 'true', session_id: 'resume-reload' })) form.append(name, value);
    const first = await fetch(`${agentOs.url}/agents/slow-agent/runs`, { method: 'POST', body: form });
    const before = await readUntilTexts(toUIMessageStreamResponse(first.body as ReadableStream<Uint8Array>, { from: agnoFormat }), 3);
    const runId = String(before.find((chunk) => chunk.type === 'start')?.messageId);

    // The reload: useChat's GET reconnect, answered from AgentOS /resume (the saved chat holds no part of this message).
    const request = agentOSResumeRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId, sessionId: 'resume-reload' });
    const resumed = await readUntilTexts(await toResumedUIMessageStreamResponse(await fetch(request.url, request.init), { from: agnoFormat }), 8);
    const { message } = await readChunks(resumed);
    expect(message?.id).toBe(runId);
    const texts = (message?.parts ?? []).filter((part) => part.type === 'text').map((part) => (part as { text: string }).text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Working\.{7,}$/);
    expect(resumed.filter((chunk) => chunk.type === 'start')).toEqual([{ type: 'start', messageId: runId }]);

    const cancel = agentOSCancelRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId, sessionId: 'resume-reload' });
    expect((await fetch(cancel.url, cancel.init)).status).toBe(200);
  }, 60_000);

  it('a client that kept its message resumes after the last event it has: nothing it has is sent again', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ message: 'Take your time.', stream: 'true', background: 'true', session_id: 'resume-kept' })) form.append(name, value);
    const first = await fetch(`${agentOs.url}/agents/slow-agent/runs`, { method: 'POST', body: form });
    const reader = (first.body as ReadableStream<Uint8Array>).getReader();
    let body = '';
    while ((body.match(/"content":"\."/g) ?? []).length < 2) body += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const runId = (/"run_id":"([^"]+)"/.exec(body) ?? [])[1] ?? '';
    const lastEventIndex = lastIndexOf(body);

    const request = agentOSResumeRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId, sessionId: 'resume-kept', lastEventIndex });
    const resumed = await readUntilTexts(await toResumedUIMessageStreamResponse(await fetch(request.url, request.init), { from: agnoFormat, lastEventIndex }), 3);
    expect(resumed[0]).toEqual({ type: 'start', messageId: runId });
    const deltas = resumed.filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta);
    // "Working" and the dots the client had are not sent again: only the dots after them.
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(deltas.every((delta) => delta === '.')).toBe(true);

    const cancel = agentOSCancelRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId, sessionId: 'resume-kept' });
    expect((await fetch(cancel.url, cancel.init)).status).toBe(200);
  }, 60_000);
});
