import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOSCancelRequest, agnoFormat } from '../../adapters/agno/index.js';
import { type CancelledRun, toUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';
import { type AgentOs, startAgentOs } from './agentos.js';
import { skipPython, skipReason } from './python.js';

/** Starts a run of the slow scripted agent (a dot every quarter second for a minute) and returns its SSE body. */
async function slowRun(agentOs: AgentOs, sessionId: string, fields: Record<string, string> = {}): Promise<ReadableStream<Uint8Array>> {
  const body = new FormData();
  for (const [name, value] of Object.entries({ message: 'Take your time.', stream: 'true', session_id: sessionId, ...fields })) body.append(name, value);
  const response = await fetch(`${agentOs.url}/agents/slow-agent/runs`, { method: 'POST', body });
  expect(response.status).toBe(200);
  return response.body as ReadableStream<Uint8Array>;
}

/** Reads the UI message stream until the run's first text reaches the client, as a page shows it; returns the run id of `start`. */
async function readUntilText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('"type":"text-delta"')) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended before any text:\n${text}`);
    text += decoder.decode(value, { stream: true });
  }
  const start = /data: (\{"type":"start".*?\})\n\n/.exec(text);
  return (JSON.parse(start?.[1] ?? '{}') as { messageId: string }).messageId;
}

/** What AgentOS reports of a run (`GET /agents/{id}/runs/{run_id}`). */
async function runStatus(agentOs: AgentOs, runId: string, sessionId: string): Promise<string> {
  const response = await fetch(`${agentOs.url}/agents/slow-agent/runs/${runId}?session_id=${sessionId}`);
  return String(((await response.json()) as { status?: unknown }).status);
}

/** Asks AgentOS for the run's status until it is `wanted` or 10 s passed; returns the last status. */
async function statusBecomes(agentOs: AgentOs, runId: string, sessionId: string, wanted: string): Promise<string> {
  let status = await runStatus(agentOs, runId, sessionId);
  for (let tries = 0; status !== wanted && tries < 40; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await runStatus(agentOs, runId, sessionId);
  }
  return status;
}

for (const environment of ['agno-3.1.10', 'agno-2.9.0']) {
  describe.skipIf(skipPython)(`Stop in useChat stops the run in agno's AgentOS (${environment})${skipPython ? ` (${skipReason})` : ''}`, () => {
    let agentOs: AgentOs;

    beforeAll(async () => {
      agentOs = await startAgentOs(environment);
    }, 150_000);

    afterAll(async () => {
      await agentOs?.stop();
    }, 30_000);

    it('cancelling the UI message stream response closes the AgentOS body, and AgentOS reports the run cancelled', async () => {
      const reader = (toUIMessageStreamResponse(await slowRun(agentOs, 'stop-inline'), { from: agnoFormat }).body as ReadableStream<Uint8Array>).getReader();
      const runId = await readUntilText(reader);
      await reader.cancel();
      expect(await statusBecomes(agentOs, runId, 'stop-inline', 'CANCELLED')).toBe('CANCELLED');
    }, 60_000);

    it('a background run outlives its connection: onCancel calls the AgentOS cancel route for the run the client was shown', async () => {
      const seen: { run: CancelledRun; statusBefore: string; cancelStatus: number }[] = [];
      const onCancel = async (run: CancelledRun) => {
        const statusBefore = await runStatus(agentOs, String(run.runId), 'stop-background');
        const request = agentOSCancelRequest({ baseUrl: agentOs.url, agentId: 'slow-agent', runId: String(run.runId), sessionId: 'stop-background' });
        const answer = await fetch(request.url, request.init);
        seen.push({ run, statusBefore, cancelStatus: answer.status });
      };
      const body = await slowRun(agentOs, 'stop-background', { background: 'true' });
      const reader = (toUIMessageStreamResponse(body, { from: agnoFormat, onCancel }).body as ReadableStream<Uint8Array>).getReader();
      const runId = await readUntilText(reader);
      await reader.cancel('stop pressed');
      // The connection is closed, yet the background run was still running until the cancel route stopped it.
      expect(seen).toEqual([{ run: { runId, reason: 'stop pressed' }, statusBefore: 'RUNNING', cancelStatus: 200 }]);
      expect(await statusBecomes(agentOs, runId, 'stop-background', 'CANCELLED')).toBe('CANCELLED');
    }, 60_000);
  });
}
