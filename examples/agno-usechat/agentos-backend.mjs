// @ts-check
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecordReader } from 'agent-event-bridge';
import { agentOSCancelRequest, agentOSContinueRequest, agentOSResumeRequest, agnoReader, agnoToolsWithAnswers } from 'agent-event-bridge/agno';
import { pipeUIMessageStreamToServerResponse, resolutionsFromUIMessages, toResumedUIMessageStreamResponse } from 'agent-event-bridge/ai-sdk';
import { chooseScenario, lastUserText, refuseUnknownScenario, sendResponse, writeLateError } from './chat-server.mjs';

/** @typedef {import('./chat-server.mjs').Backend} Backend */
/** @typedef {import('./chat-server.mjs').Scenario} Scenario */
/** @typedef {{ agentId?: string, teamId?: string }} Owner */
/** @typedef {Owner & { runId: string, sessionId: string }} ActiveRun */
/** @typedef {ActiveRun & { tools: Record<string, unknown>[] }} PausedRun */

const exampleDirectory = fileURLToPath(new URL('.', import.meta.url));

/** The scenarios of the live mode: an AgentOS agent or team each (live-scenarios.json). */
export const liveScenarios = /** @type {Scenario[]} */ (JSON.parse(await readFile(join(exampleDirectory, 'live-scenarios.json'), 'utf8')));

/**
 * The live backend: each chat runs an agent or team of the AgentOS app at `baseUrl`, and its SSE
 * body goes through `pipeUIMessageStreamToServerResponse` to the page. Runs start and continue with
 * `background=true`: AgentOS keeps a run going when its client leaves and numbers its events, so a
 * page reloaded mid-run re-attaches to it (useChat's `resume: true` reconnect, answered from
 * AgentOS's `/resume` by `toResumedUIMessageStreamResponse`). The chat's active run is kept by
 * chat id from its first event until a stream of it was read to its end.
 * A paused run is kept by chat id; when the page posts the answered message (useChat's
 * `sendAutomaticallyWhen`), the answers become agno's continue request and the continued run
 * streams into the same message.
 * Leaving is not stopping: a closed connection (a reload) leaves the run running, so the page's Stop
 * posts to the cancel route, which calls AgentOS's.
 * @param {object} options
 * @param {string} options.baseUrl the AgentOS URL.
 * @param {(issue: import('agent-event-bridge').Issue, scenario: Scenario) => void} [options.onIssue] what the conversion reports.
 * @param {number} [options.maxChats] how many chats each table below keeps (1000 by default): a chat
 *   whose paused run is never answered, or whose page left mid-run and never came back, is
 *   forgotten once this many newer chats were kept; it then starts a new run.
 * @returns {Backend}
 */
export function createAgentOsBackend({ baseUrl, onIssue, maxChats = 1000 }) {
  /** The paused run of each chat, by chat id (useChat's `id`). */
  const paused = /** @type {ChatTable<PausedRun>} */ (new ChatTable(maxChats));
  /** The run each chat streams, by chat id: what a reconnect re-attaches to and Stop cancels. */
  const active = /** @type {ChatTable<ActiveRun>} */ (new ChatTable(maxChats));
  /** Chats whose run was posted but has not named its id yet; true once Stop was pressed meanwhile. */
  const starting = /** @type {ChatTable<boolean>} */ (new ChatTable(maxChats));

  /**
   * The UI message stream options of a scenario's runs.
   * @param {Scenario} scenario
   */
  function conversionOf(scenario) {
    return {
      from: agnoReader,
      /** @param {import('agent-event-bridge').Issue} issue */
      onIssue: (issue) => onIssue?.(issue, scenario),
      // The scripted runs' errors hold no secrets: show them (the default masks them).
      /** @param {unknown} error */
      onError: (error) => (error instanceof Error ? error.message : String(error)),
      heartbeatMs: 15_000,
    };
  }

  /**
   * A chat's AgentOS SSE body, read on the side: its first run id makes the run the chat's active
   * one (cancelled at once if Stop came first), a `RunPaused` keeps the paused tools, and reading the
   * body to its end ends the run's activity. A body the client left is cancelled instead: the
   * background run goes on and stays active.
   * @param {ReadableStream<Uint8Array>} body
   * @param {{ chatId: string, owner: Owner, sessionId: string }} run
   */
  function watch(body, { chatId, owner, sessionId }) {
    /** @type {string | undefined} */
    let runId;
    return watchRecords(body, {
      onRecord(record) {
        if (runId === undefined && typeof record.run_id === 'string') {
          runId = record.run_id;
          active.set(chatId, { ...owner, runId, sessionId });
          const stopPressed = starting.get(chatId);
          starting.delete(chatId);
          if (stopPressed === true) void cancelActive(chatId);
        }
        if (record.event === 'RunPaused' || record.event === 'TeamRunPaused') {
          paused.set(chatId, { ...owner, runId: String(record.run_id), sessionId, tools: /** @type {Record<string, unknown>[]} */ (record.tools) });
        }
      },
      onEnd() {
        if (runId !== undefined && active.get(chatId)?.runId === runId) active.delete(chatId);
      },
    });
  }

  /**
   * Cancels the chat's active run through AgentOS's cancel route; resolves with the route's status
   * (204 when the chat has no active run).
   * @param {string} chatId
   */
  async function cancelActive(chatId) {
    const run = active.get(chatId);
    if (run === undefined) return 204;
    active.delete(chatId);
    const request = agentOSCancelRequest({ baseUrl, ...ownerOf(run), runId: run.runId, sessionId: run.sessionId });
    return (await fetch(request.url, request.init)).status;
  }

  /**
   * Streams an AgentOS response of `owner`'s run to the page.
   * @param {import('node:http').ServerResponse} response
   * @param {Response} upstream
   * @param {{ owner: Owner, chatId: string, scenario: Scenario, answers?: import('agent-event-bridge').Resolution[] }} run
   */
  async function relay(response, upstream, { owner, chatId, scenario, answers }) {
    try {
      if (!upstream.ok || upstream.body === null) {
        response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`AgentOS answered ${upstream.status}: ${await upstream.text()}`);
        return;
      }
      const body = watch(upstream.body, { chatId, owner, sessionId: sessionOf(chatId, owner) });
      // Closing the AgentOS body does not stop a background run: a reload re-attaches to it, Stop cancels it.
      // The answers of a continue request: a call the user denied is shown denied (agno's stream says nothing of it).
      await pipeUIMessageStreamToServerResponse(response, body, { ...conversionOf(scenario), answers });
    } catch (error) {
      writeLateError(response, 'The run failed', error);
    } finally {
      starting.delete(chatId);
    }
  }

  /**
   * The scenario of an agent or team.
   * @param {Owner} owner
   * @returns {Scenario}
   */
  function scenarioOf({ agentId, teamId }) {
    return /** @type {Scenario} */ (liveScenarios.find((candidate) => candidate.agentId === agentId && candidate.teamId === teamId) ?? liveScenarios[0]);
  }

  return {
    mode: 'live',
    scenarios: liveScenarios,
    async chat(_request, response, body) {
      const { id: chatId, messages } = /** @type {{ id?: unknown, messages?: unknown }} */ (typeof body === 'object' && body !== null ? body : {});
      if (typeof chatId !== 'string' || !Array.isArray(messages)) return refuseUnknownScenario(response, liveScenarios);
      const last = messages.at(-1);
      const waiting = paused.get(chatId);
      // useChat posts the answered assistant message as the last one: the run continues.
      if (waiting !== undefined && last?.role === 'assistant') {
        paused.delete(chatId);
        starting.set(chatId, false);
        const pending = waiting.tools.map((tool) => String(tool.tool_call_id));
        const answers = resolutionsFromUIMessages(messages, { pending });
        const tools = agnoToolsWithAnswers(waiting.tools, answers);
        // In the background, as the first leg: a reload during the continued run re-attaches to it.
        const request = agentOSContinueRequest({ baseUrl, ...waiting, tools, background: true });
        const owner = ownerOf(waiting);
        return relay(response, await fetch(request.url, request.init), { owner, chatId, scenario: scenarioOf(owner), answers });
      }
      const scenario = chooseScenario(liveScenarios, body);
      if (scenario === undefined) return refuseUnknownScenario(response, liveScenarios);
      const owner = ownerOf(scenario);
      const form = new FormData();
      form.set('message', lastUserText(messages) || scenario.prompt);
      form.set('stream', 'true');
      form.set('background', 'true');
      form.set('session_id', sessionOf(chatId, owner));
      const path = owner.agentId !== undefined ? `agents/${owner.agentId}` : `teams/${owner.teamId}`;
      starting.set(chatId, false);
      return relay(response, await fetch(`${baseUrl}/${path}/runs`, { method: 'POST', body: form }), { owner, chatId, scenario });
    },
    async resume(response, chatId) {
      const run = active.get(chatId);
      if (run === undefined) {
        response.writeHead(204).end();
        return;
      }
      const owner = ownerOf(run);
      // From the run's first event: useChat's default transport takes a resumed stream as a replay of
      // the whole message (it rebuilds the message under the start chunk's id, the run id).
      const request = agentOSResumeRequest({ baseUrl, ...owner, runId: run.runId, sessionId: run.sessionId });
      const upstream = await fetch(request.url, request.init);
      const body = upstream.body === null ? null : watch(upstream.body, { chatId, owner, sessionId: run.sessionId });
      const answer = await toResumedUIMessageStreamResponse(new Response(body, { status: upstream.status, headers: upstream.headers }), conversionOf(scenarioOf(owner)));
      await sendResponse(response, answer);
    },
    async cancel(response, chatId) {
      if (!active.has(chatId) && starting.has(chatId)) {
        // Stop before the run named its id: it is cancelled as soon as it does.
        starting.set(chatId, true);
        response.writeHead(202).end();
        return;
      }
      const status = await cancelActive(chatId);
      if (status === 200 || status === 204) response.writeHead(204).end();
      else response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`AgentOS's cancel route answered ${status}`);
    },
  };
}

/**
 * A map by chat id that keeps the `limit` chats set last: setting a chat makes it the newest, and
 * setting one more than `limit` forgets the oldest. The backend's tables are bounded by it, since a
 * page may leave a paused or running chat and never come back.
 * @template Value
 * @extends {Map<string, Value>}
 */
export class ChatTable extends Map {
  /** @param {number} limit */
  constructor(limit) {
    super();
    this.limit = limit;
  }

  /**
   * @override
   * @param {string} chatId
   * @param {Value} value
   */
  set(chatId, value) {
    // Deleted first, so that the chat moves to the end of the insertion order (the newest).
    super.delete(chatId);
    super.set(chatId, value);
    if (this.size > this.limit) super.delete(/** @type {string} */ (this.keys().next().value));
    return this;
  }
}

/**
 * The agno session of a chat's runs of one agent or team: an agno session belongs to the agent or
 * team that created it, and one chat of the page talks to several.
 * @param {string} chatId
 * @param {Owner} owner
 */
export function sessionOf(chatId, owner) {
  return `${chatId}.${owner.agentId ?? owner.teamId}`;
}

/**
 * The agent or team a scenario or paused run names.
 * @param {Owner} owner
 * @returns {Owner}
 */
function ownerOf({ agentId, teamId }) {
  return agentId !== undefined ? { agentId } : { teamId };
}

/**
 * The AgentOS SSE body as it is, its records shown to `onRecord` on the way and `onEnd` called once
 * it was read to its end. Cancelling it cancels the body (and `onEnd` is not called).
 * @param {ReadableStream<Uint8Array>} body
 * @param {{ onRecord: (record: Record<string, unknown>) => void, onEnd: () => void }} watcher
 * @returns {ReadableStream<Uint8Array>}
 */
function watchRecords(body, { onRecord, onEnd }) {
  const reader = body.getReader();
  const records = createRecordReader('sse');
  const decoder = new TextDecoder();
  // A read pending when the body is cancelled ends as `done`: that is no end of the run.
  let cancelled = false;
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (cancelled) return;
      const items = done ? [...records.push(decoder.decode()), ...records.flush()] : records.push(decoder.decode(value, { stream: true }));
      for (const item of items) {
        if (item.kind === 'record' && typeof item.record === 'object' && item.record !== null) onRecord(/** @type {Record<string, unknown>} */ (item.record));
      }
      if (done) {
        onEnd();
        controller.close();
      } else controller.enqueue(value);
    },
    cancel(reason) {
      cancelled = true;
      return reader.cancel(reason);
    },
  });
}
