// @ts-check
// Serves a recorded agno 2.x team run to a Vercel AI SDK `useChat` client as a UI message stream:
// POST /api/chat answers with `x-vercel-ai-ui-message-stream: v1` SSE, the wire format of
// useChat's default transport. Every member's text and tool calls are ordinary parts of the one
// assistant message; run lineage rides under providerMetadata["agent-event-bridge"].
// Run: npm run build && node examples/serve-agno-to-usechat.mjs [AGNO_JSONL]
// Then: curl -N -X POST http://127.0.0.1:3000/api/chat   (or point useChat({ api }) at it)
// Environment: PORT (default 3000, 0 for any free port), DELAY_MS (pause between records, default 30).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { readAll } from 'agent-event-bridge';
import { agnoReader } from 'agent-event-bridge/agno';
import { pipeUIMessageStreamToServerResponse } from 'agent-event-bridge/ai-sdk';

const path = process.argv[2] ?? fileURLToPath(new URL('./recordings/agno-2.9-team.jsonl', import.meta.url));
const records = readAll(readFileSync(path, 'utf8')).flatMap((item) => (item.kind === 'record' ? [item.record] : []));
const delayMs = Number(process.env.DELAY_MS ?? 30);

/** The recording, record by record, paced like a live agno run. */
async function* replay() {
  for (const record of records) {
    yield record;
    if (delayMs > 0) await sleep(delayMs);
  }
}

const server = createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/api/chat') {
    // The request body (the chat so far) is not needed to replay a recording; drain it.
    request.resume();
    pipeUIMessageStreamToServerResponse(response, replay(), {
      from: agnoReader,
      headers: { 'access-control-allow-origin': '*' },
      onIssue: (issue) => console.warn(`${issue.level} ${issue.code}: ${issue.message}`),
    }).catch((error) => {
      console.error(error);
      response.destroy();
    });
    return;
  }
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' });
    response.end();
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('POST /api/chat streams the recorded agno run as a UI message stream\n');
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : process.env.PORT;
  console.log(`agno → useChat UI message stream: POST http://127.0.0.1:${port}/api/chat`);
});
