// @ts-check
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createRecordWriter, getFormat, readAll } from 'agent-event-bridge';
import { agnoFormat } from 'agent-event-bridge/agno';
import { pipeUIMessageStreamToServerResponse } from 'agent-event-bridge/ai-sdk';

/** @typedef {import('agent-event-bridge').Issue} Issue */
/** @typedef {{ name: string, title: string, prompt: string, recording: string, origin: string }} Scenario */

const exampleDirectory = fileURLToPath(new URL('.', import.meta.url));

/** The scenarios the page offers: one agno 2.x recording each (scenarios.json). */
export const scenarios = /** @type {Scenario[]} */ (JSON.parse(await readFile(join(exampleDirectory, 'scenarios.json'), 'utf8')));

const contentTypes = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
});

/**
 * Creates the example's HTTP server: the built page and `POST /api/chat`, which replays the
 * chosen agno recording through the `agno` decoder and the `ai-sdk-ui` encoder as a UI message
 * stream (`pipeUIMessageStreamToServerResponse`), the wire format `useChat`'s default transport reads.
 * @param {object} options
 * @param {string} options.pageDirectory the directory of the built page (see build-page.mjs).
 * @param {number} [options.delayMs] pause between agno records, so the page visibly streams.
 * @param {(issue: Issue, scenario: Scenario) => void} [options.onIssue] what the conversion reports.
 */
export function createChatServer({ pageDirectory, delayMs = 40, onIssue }) {
  return createServer((request, response) => {
    const route = request.method === 'POST' && request.url === '/api/chat' ? replayChat : servePage;
    route(request, response, { pageDirectory, delayMs, onIssue }).catch((error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error instanceof Error ? error.message : error));
    });
  });
}

/**
 * The scenario a chat request asks for: the `scenario` field of the request body, else the
 * text of the last user message, which is a scenario's name or prompt.
 * @param {unknown} body the JSON body `useChat` posts: `{id, messages, trigger, ...body}`.
 * @returns {Scenario | undefined}
 */
export function chooseScenario(body) {
  if (typeof body !== 'object' || body === null) return undefined;
  const { scenario, messages } = /** @type {{ scenario?: unknown, messages?: unknown }} */ (body);
  if (typeof scenario === 'string') return scenarios.find((candidate) => candidate.name === scenario);
  const text = Array.isArray(messages) ? lastUserText(messages) : '';
  const wanted = text.trim().toLowerCase();
  return scenarios.find((candidate) => candidate.name === wanted || candidate.prompt.toLowerCase() === wanted);
}

/** @param {unknown[]} messages */
function lastUserText(messages) {
  const last = messages.findLast((message) => typeof message === 'object' && message !== null && 'role' in message && message.role === 'user');
  const parts = typeof last === 'object' && last !== null && 'parts' in last && Array.isArray(last.parts) ? last.parts : [];
  return parts.map((part) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * @typedef {object} RouteOptions
 * @property {string} pageDirectory
 * @property {number} delayMs
 * @property {((issue: Issue, scenario: Scenario) => void) | undefined} onIssue
 */

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {RouteOptions} options
 */
async function replayChat(request, response, { delayMs, onIssue }) {
  const body = await readJsonBody(request);
  const scenario = chooseScenario(body);
  if (scenario === undefined) {
    // DefaultChatTransport shows a failed response's text as the chat error.
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`No scenario matches this message. Send one of: ${scenarios.map((candidate) => candidate.name).join(', ')}.`);
    return;
  }
  if (getFormat('agno') === undefined) throw new Error('agent-event-bridge has no agno format: run `npm run build` first');
  const text = await readFile(join(exampleDirectory, 'recordings', scenario.recording), 'utf8');
  replays += 1;
  const records = readAll(text, 'jsonl').flatMap((item) => (item.kind === 'record' ? [asFreshRun(item.record, replays)] : []));
  const source = replay(records, delayMs, () => response.destroyed);
  try {
    await pipeUIMessageStreamToServerResponse(response, source, {
      from: agnoFormat,
      onIssue: (issue) => onIssue?.(issue, scenario),
      // Error texts are masked by default (they may hold server details); these recorded runs' may be shown.
      onError: (error) => (error instanceof Error ? error.message : String(error)),
    });
  } catch (error) {
    if (!response.headersSent) throw error;
    // The status line is gone: say it the way the AI SDK does, an error chunk and no [DONE].
    const errorText = `The replay failed: ${error instanceof Error ? error.message : String(error)}`;
    response.end(createRecordWriter('sse').write({ type: 'error', errorText }));
  }
}

/** How many chats were replayed: each replay is a run of its own. */
let replays = 0;

/**
 * A record of the recording as a new run would have it: agno gives every run a fresh id, and the
 * UI message takes its id from the run, so two replays of one recording must not share it.
 * @param {unknown} record
 * @param {number} replay
 */
function asFreshRun(record, replay) {
  // run_id, parent_run_id, child_run_id, current_run_id, at any depth (member_responses): every field that names a run.
  return JSON.parse(JSON.stringify(record).replace(/"(\w*run_id)":"([^"\\]*)"/g, `"$1":"$2.${replay}"`));
}

/**
 * Plays records back one by one, as an agno server would send them.
 * @param {unknown[]} records
 * @param {number} delayMs
 * @param {() => boolean} cancelled
 * @returns {ReadableStream<unknown>}
 */
function replay(records, delayMs, cancelled) {
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (index >= records.length || cancelled()) {
        controller.close();
        return;
      }
      if (delayMs > 0) await sleep(delayMs);
      controller.enqueue(records[index]);
      index += 1;
    },
  });
}

/** @param {import('node:http').IncomingMessage} request */
async function readJsonBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  try {
    return /** @type {unknown} */ (JSON.parse(Buffer.concat(chunks).toString('utf8')));
  } catch {
    return undefined;
  }
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {RouteOptions} options
 */
async function servePage(request, response, { pageDirectory }) {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const root = resolve(pageDirectory);
  const file = resolve(root, `.${path === '/' ? '/index.html' : decodeURIComponent(path)}`);
  const inside = relative(root, file);
  if (request.method !== 'GET' || inside.startsWith('..') || inside.startsWith(sep)) {
    response.writeHead(404).end();
    return;
  }
  const content = await readFile(file).catch(() => undefined);
  if (content === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
  response.end(content);
}
