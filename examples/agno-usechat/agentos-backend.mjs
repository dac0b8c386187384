// @ts-check
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecordReader } from 'agent-event-bridge';
import { agentOSCancelRequest, agentOSContinueRequest, agnoReader, agnoToolsWithAnswers } from 'agent-event-bridge/agno';
import { pipeUIMessageStreamToServerResponse, resolutionsFromUIMessages } from 'agent-event-bridge/ai-sdk';
import { chooseScenario, lastUserText, refuseUnknownScenario, writeLateError } from './chat-server.mjs';

/** @typedef {import('./chat-server.mjs').Backend} Backend */
/** @typedef {import('./chat-server.mjs').Scenario} Scenario */
/** @typedef {{ agentId?: string, teamId?: string }} Owner */
/** @typedef {Owner & { runId: string, sessionId: string, tools: Record<string, unknown>[] }} PausedRun */

const exampleDirectory = fileURLToPath(new URL('.', import.meta.url));

/** The scenarios of the live mode: an AgentOS agent or team each (live-scenarios.json). */
export const liveScenarios = /** @type {Scenario[]} */ (JSON.parse(await readFile(join(exampleDirectory, 'live-scenarios.json'), 'utf8')));

/**
 * The live backend: each chat runs an agent or team of the AgentOS app at `baseUrl`, and its SSE
 * body goes through `pipeUIMessageStreamToServerResponse` to the page. A paused run is kept by
 * chat id; when the page posts the answered message (useChat's `sendAutomaticallyWhen`), the
 * answers become agno's continue request and the continued run streams into the same message.
 * Stop in the page closes the connection: the helper cancels the AgentOS body (AgentOS cancels
 * an inline run whose client left) and `onCancel` calls AgentOS's cancel route as well.
 * @param {object} options
 * @param {string} options.baseUrl the AgentOS URL.
 * @param {(issue: import('agent-event-bridge').Issue, scenario: Scenario) => void} [options.onIssue] what the conversion reports.
 * @returns {Backend}
 */
export function createAgentOsBackend({ baseUrl, onIssue }) {
  /** The paused run of each chat, by chat id (useChat's `id`). */
  const paused = /** @type {Map<string, PausedRun>} */ (new Map());

  /**
   * Streams an AgentOS response of `owner`'s run to the page.
   * @param {import('node:http').ServerResponse} response
   * @param {Response} upstream
   * @param {{ owner: Owner, chatId: string, scenario: Scenario }} run
   */
  async function relay(response, upstream, { owner, chatId, scenario }) {
    if (!upstream.ok || upstream.body === null) {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`AgentOS answered ${upstream.status}: ${await upstream.text()}`);
      return;
    }
    const sessionId = sessionOf(chatId, owner);
    const body = watchPauses(upstream.body, (record) => {
      paused.set(chatId, { ...owner, runId: String(record.run_id), sessionId, tools: /** @type {Record<string, unknown>[]} */ (record.tools) });
    });
    try {
      await pipeUIMessageStreamToServerResponse(response, body, {
        from: agnoReader,
        onIssue: (issue) => onIssue?.(issue, scenario),
        // The scripted runs' errors hold no secrets: show them (the default masks them).
        onError: (error) => (error instanceof Error ? error.message : String(error)),
        heartbeatMs: 15_000,
        // Closing the AgentOS body already cancels an inline run; the route also stops a background one.
        onCancel: async ({ runId }) => {
          if (runId === undefined) return;
          const cancel = agentOSCancelRequest({ baseUrl, ...owner, runId, sessionId });
          await fetch(cancel.url, cancel.init);
        },
      });
    } catch (error) {
      writeLateError(response, 'The run failed', error);
    }
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
        const pending = waiting.tools.map((tool) => String(tool.tool_call_id));
        const tools = agnoToolsWithAnswers(waiting.tools, resolutionsFromUIMessages(messages, { pending }));
        const request = agentOSContinueRequest({ baseUrl, ...waiting, tools });
        const scenario = liveScenarios.find((candidate) => candidate.agentId === waiting.agentId && candidate.teamId === waiting.teamId) ?? liveScenarios[0];
        return relay(response, await fetch(request.url, request.init), { owner: ownerOf(waiting), chatId, scenario: /** @type {Scenario} */ (scenario) });
      }
      const scenario = chooseScenario(liveScenarios, body);
      if (scenario === undefined) return refuseUnknownScenario(response, liveScenarios);
      const owner = ownerOf(scenario);
      const form = new FormData();
      form.set('message', lastUserText(messages) || scenario.prompt);
      form.set('stream', 'true');
      form.set('session_id', sessionOf(chatId, owner));
      const path = owner.agentId !== undefined ? `agents/${owner.agentId}` : `teams/${owner.teamId}`;
      return relay(response, await fetch(`${baseUrl}/${path}/runs`, { method: 'POST', body: form }), { owner, chatId, scenario });
    },
  };
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
 * The AgentOS SSE body as it is, read on the side to catch the run's `RunPaused` (its `tools`
 * are what agno's continue request sends back with the answers). Cancelling it cancels the body.
 * @param {ReadableStream<Uint8Array>} body
 * @param {(record: Record<string, unknown>) => void} onPause
 * @returns {ReadableStream<Uint8Array>}
 */
function watchPauses(body, onPause) {
  const reader = body.getReader();
  const records = createRecordReader('sse');
  const decoder = new TextDecoder();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      const items = done ? [...records.push(decoder.decode()), ...records.flush()] : records.push(decoder.decode(value, { stream: true }));
      for (const item of items) {
        const record = item.kind === 'record' ? /** @type {Record<string, unknown>} */ (item.record) : undefined;
        if (record?.event === 'RunPaused' || record?.event === 'TeamRunPaused') onPause(record);
      }
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
