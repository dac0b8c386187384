// @ts-check
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, relative, resolve, sep } from 'node:path';
import { createRecordWriter } from 'agent-event-bridge';

/**
 * A scenario the page offers: a recording to replay (replay mode) or the AgentOS agent or team
 * to run (live mode).
 * @typedef {{ name: string, title: string, prompt: string, origin: string, recording?: string, agentId?: string, teamId?: string }} Scenario
 */

/**
 * What answers `POST /api/chat`: the live AgentOS backend (agentos-backend.mjs) or the replay
 * of recordings (replay-backend.mjs).
 * @typedef {object} Backend
 * @property {'live' | 'replay'} mode
 * @property {Scenario[]} scenarios
 * @property {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, body: unknown) => Promise<void>} chat
 */

/**
 * One route: reads the request, writes the response.
 * @typedef {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, url: URL) => Promise<void>} Route
 */

const contentTypes = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
});

/**
 * The example's routes, keyed by `METHOD /path`: the chat endpoint `useChat`'s default transport
 * posts to, and the scenarios the page offers. Add routes by passing `routes` to
 * {@link createChatServer}.
 * @param {Backend} backend
 * @returns {Record<string, Route>}
 */
export function chatRoutes(backend) {
  return {
    'POST /api/chat': async (request, response) => backend.chat(request, response, await readJsonBody(request)),
    'GET /api/scenarios': async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ mode: backend.mode, scenarios: backend.scenarios }));
    },
  };
}

/**
 * Creates the example's HTTP server: the routes of {@link chatRoutes} (and `routes`, which add to
 * or replace them), and the built page for every other `GET`.
 * @param {object} options
 * @param {string} options.pageDirectory the directory of the built page (see build-page.mjs).
 * @param {Backend} options.backend what answers the chat.
 * @param {Record<string, Route>} [options.routes] more routes, keyed by `METHOD /path`.
 */
export function createChatServer({ pageDirectory, backend, routes = {} }) {
  /** @type {Record<string, Route>} */
  const table = { ...chatRoutes(backend), ...routes };
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = table[`${request.method} ${url.pathname}`] ?? ((request, response) => servePage(request, response, pageDirectory));
    route(request, response, url).catch((error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error instanceof Error ? error.message : error));
    });
  });
}

/**
 * The scenario a chat request asks for: the `scenario` field of the request body, else the
 * text of the last user message, which is a scenario's name or prompt.
 * @param {Scenario[]} scenarios
 * @param {unknown} body the JSON body `useChat` posts: `{id, messages, trigger, ...body}`.
 * @returns {Scenario | undefined}
 */
export function chooseScenario(scenarios, body) {
  if (typeof body !== 'object' || body === null) return undefined;
  const { scenario, messages } = /** @type {{ scenario?: unknown, messages?: unknown }} */ (body);
  if (typeof scenario === 'string') return scenarios.find((candidate) => candidate.name === scenario);
  const text = Array.isArray(messages) ? lastUserText(messages) : '';
  const wanted = text.trim().toLowerCase();
  return scenarios.find((candidate) => candidate.name === wanted || candidate.prompt.toLowerCase() === wanted);
}

/**
 * The text of the last user message.
 * @param {unknown[]} messages
 */
export function lastUserText(messages) {
  const last = messages.findLast((message) => typeof message === 'object' && message !== null && 'role' in message && message.role === 'user');
  const parts = typeof last === 'object' && last !== null && 'parts' in last && Array.isArray(last.parts) ? last.parts : [];
  return parts.map((part) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * The 400 of a message that names no scenario; `DefaultChatTransport` shows its text as the chat error.
 * @param {import('node:http').ServerResponse} response
 * @param {Scenario[]} scenarios
 */
export function refuseUnknownScenario(response, scenarios) {
  response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`No scenario matches this message. Send one of: ${scenarios.map((candidate) => candidate.name).join(', ')}.`);
}

/**
 * Ends a response whose status line is gone with the failure said the way the AI SDK says it:
 * an error chunk and no `[DONE]`.
 * @param {import('node:http').ServerResponse} response
 * @param {string} what
 * @param {unknown} error
 */
export function writeLateError(response, what, error) {
  if (!response.headersSent) throw error;
  if (response.destroyed) return;
  const errorText = `${what}: ${error instanceof Error ? error.message : String(error)}`;
  response.end(createRecordWriter('sse').write({ type: 'error', errorText }));
}

/** @param {import('node:http').IncomingMessage} request */
export async function readJsonBody(request) {
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
 * @param {string} pageDirectory
 */
async function servePage(request, response, pageDirectory) {
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
