// @ts-check
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRecordWriter } from 'agent-event-bridge';

/**
 * A scenario the page offers: a recording to replay (replay mode) or the AgentOS agent or team
 * to run (live mode).
 * @typedef {{ name: string, title: string, prompt: string, origin: string, recording?: string, agentId?: string, teamId?: string }} Scenario
 */

/**
 * What answers the chat routes: the live AgentOS backend (agentos-backend.mjs) or the replay
 * of recordings (replay-backend.mjs).
 * @typedef {object} Backend
 * @property {'live' | 'replay'} mode
 * @property {Scenario[]} scenarios
 * @property {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, body: unknown) => Promise<void>} chat
 *   answers `POST /api/chat`: the run of the posted messages, as a UI message stream.
 * @property {(response: import('node:http').ServerResponse, chatId: string) => Promise<void>} resume
 *   answers useChat's reconnect (`resume: true`): the chat's active run as a UI message stream, or
 *   204 when there is none.
 * @property {(response: import('node:http').ServerResponse, chatId: string) => Promise<void>} cancel
 *   answers the page's Stop: cancels the chat's active run.
 */

/**
 * One route: reads the request, writes the response. `params` holds the values of the `:name`
 * segments of the route's path.
 * @typedef {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, url: URL, params: Record<string, string>) => Promise<void>} Route
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
 * The example's routes, keyed by `METHOD /path` (a `:name` segment matches any one segment): the
 * chat endpoint `useChat`'s default transport posts to, the reconnect it sends on load with
 * `resume: true` (`GET {api}/{chatId}/stream`), the page's Stop, and the scenarios the page
 * offers. Add routes by passing `routes` to {@link createChatServer}.
 * @param {Backend} backend
 * @returns {Record<string, Route>}
 */
export function chatRoutes(backend) {
  return {
    'POST /api/chat': async (request, response) => backend.chat(request, response, await readJsonBody(request)),
    'GET /api/chat/:id/stream': async (_request, response, _url, { id }) => backend.resume(response, String(id)),
    'POST /api/chat/:id/cancel': async (_request, response, _url, { id }) => backend.cancel(response, String(id)),
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
    const { route, params } = findRoute(table, `${request.method} ${url.pathname}`) ?? { route: servePageFrom(pageDirectory), params: {} };
    route(request, response, url, params).catch((error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error instanceof Error ? error.message : error));
    });
  });
}

/**
 * The route of a request line (`METHOD /path`): the route of that exact key, else of the first key
 * whose `:name` segments stand for the path's segments there.
 * @param {Record<string, Route>} table
 * @param {string} line
 * @returns {{ route: Route, params: Record<string, string> } | undefined}
 */
function findRoute(table, line) {
  const exact = table[line];
  if (exact !== undefined) return { route: exact, params: {} };
  const segments = line.split('/');
  for (const [key, route] of Object.entries(table)) {
    const pattern = key.split('/');
    if (pattern.length !== segments.length) continue;
    /** @type {Record<string, string>} */
    const params = {};
    const matches = pattern.every((part, index) => {
      const segment = /** @type {string} */ (segments[index]);
      if (!part.startsWith(':')) return part === segment;
      const value = decodeSegment(segment);
      if (value === undefined || value === '') return false;
      params[part.slice(1)] = value;
      return true;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

/**
 * A path segment without its percent-encoding, or undefined when it is malformed (no route matches it).
 * @param {string} segment
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Writes a `fetch` `Response` (what the library's Response helpers return) to a Node response. The
 * body is cancelled when the client leaves, which cancels what it streams (an AgentOS body).
 * @param {import('node:http').ServerResponse} response
 * @param {Response} answer
 */
export async function sendResponse(response, answer) {
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (answer.body === null) {
    response.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(/** @type {import('node:stream/web').ReadableStream<Uint8Array>} */ (answer.body)), response);
  } catch (error) {
    // A client that leaves closes the response early: nothing is left to tell it.
    if (/** @type {{ code?: unknown }} */ (error).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
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
 * The route of every other request: the file of the built page it names.
 * @param {string} pageDirectory
 * @returns {Route}
 */
function servePageFrom(pageDirectory) {
  return (request, response) => servePage(request, response, pageDirectory);
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
