import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTable, createAgentOsBackend } from '../../examples/agno-usechat/agentos-backend.mjs';

/** The recorded pause, its records as AgentOS's SSE frames, with the run id of each chat. */
const pauseRecords = readFileSync(new URL('../../examples/agno-usechat/recordings/pause.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

function sse(records: Record<string, unknown>[]): string {
  return records.map((record) => `event: ${String(record.event)}\ndata: ${JSON.stringify(record)}\n\n`).join('');
}

/** The paths an AgentOS stand-in was asked, in order: a new run pauses, a continued one completes. */
const asked: string[] = [];
let agentOs: Server;
let example: Server;
let exampleUrl: string;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  let runs = 0;
  agentOs = createServer((request, response) => {
    asked.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    if (request.url?.endsWith('/continue')) {
      const runId = request.url.split('/').at(-2);
      response.end(sse([{ event: 'RunContinued', run_id: runId, session_id: 's', agent_id: 'confirmation-agent', created_at: 1 }, { event: 'RunCompleted', run_id: runId, session_id: 's', agent_id: 'confirmation-agent', content: 'Done.', created_at: 2 }]));
      return;
    }
    runs += 1;
    response.end(sse(pauseRecords.map((record) => ({ ...record, run_id: `run-${runs}` }))));
  });
  const backend = createAgentOsBackend({ baseUrl: await listen(agentOs), maxChats: 2 });
  // The example's chat route: the posted JSON body to the backend.
  example = createServer(async (request, response) => {
    let body = '';
    for await (const piece of request) body += piece;
    await backend.chat(request, response, JSON.parse(body));
  });
  exampleUrl = await listen(example);
});

afterAll(async () => {
  await new Promise((resolve) => example?.close(resolve));
  await new Promise((resolve) => agentOs?.close(resolve));
});

async function post(chatId: string, messages: unknown[]): Promise<string> {
  const response = await fetch(`${exampleUrl}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: chatId, messages, scenario: 'confirmation' }) });
  return response.text();
}

const question = { id: 'user-1', role: 'user', parts: [{ type: 'text', text: 'Delete the old report' }] };
const approved = {
  id: 'assistant-1',
  role: 'assistant',
  parts: [{ type: 'tool-delete_file', toolCallId: 'call_1', state: 'approval-responded', input: { path: '/data/report.txt' }, approval: { id: 'call_1', approved: true } }],
};

describe('the live backend keeps a bounded number of chats', () => {
  it('continues the paused run of a chat it kept, and starts a new run for a chat it forgot', async () => {
    for (const chatId of ['chat-a', 'chat-b', 'chat-c']) expect(await post(chatId, [question])).toContain('"type":"tool-approval-request"');
    // maxChats is 2: chat-a was the oldest paused chat and is forgotten, chat-c is kept.
    await post('chat-c', [question, approved]);
    await post('chat-a', [question, approved]);
    expect(asked).toEqual([
      'POST /agents/confirmation-agent/runs',
      'POST /agents/confirmation-agent/runs',
      'POST /agents/confirmation-agent/runs',
      'POST /agents/confirmation-agent/runs/run-3/continue',
      'POST /agents/confirmation-agent/runs',
    ]);
  });
});

describe('ChatTable', () => {
  it('forgets the chat set longest ago, counting a chat set again as new', () => {
    const table = new ChatTable<number>(2);
    table.set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect([...table]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
