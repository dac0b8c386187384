// @ts-check
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { readAll } from 'agent-event-bridge';
import { agnoReader } from 'agent-event-bridge/agno';
import { pipeUIMessageStreamToServerResponse } from 'agent-event-bridge/ai-sdk';
import { chooseScenario, refuseUnknownScenario, writeLateError } from './chat-server.mjs';

/** @typedef {import('./chat-server.mjs').Backend} Backend */
/** @typedef {import('./chat-server.mjs').Scenario} Scenario */

const exampleDirectory = fileURLToPath(new URL('.', import.meta.url));

/** The scenarios of the replay mode: one agno 2.x recording each (scenarios.json). */
export const replayScenarios = /** @type {Scenario[]} */ (JSON.parse(await readFile(join(exampleDirectory, 'scenarios.json'), 'utf8')));

/**
 * The fallback backend: replays the chosen agno recording record by record (a `ReadableStream`)
 * into `pipeUIMessageStreamToServerResponse`. A paused run ends there: nothing can continue it. A
 * replay is no run that goes on without its client: a reconnect finds nothing to resume (204),
 * and Stop needs nothing beyond closing the connection.
 * @param {object} options
 * @param {number} [options.delayMs] pause between agno records, so the page visibly streams.
 * @param {(issue: import('agent-event-bridge').Issue, scenario: Scenario) => void} [options.onIssue] what the conversion reports.
 * @returns {Backend}
 */
export function createReplayBackend({ delayMs = 40, onIssue } = {}) {
  /** How many chats were replayed: each replay is a run of its own. */
  let replays = 0;
  return {
    mode: 'replay',
    scenarios: replayScenarios,
    async chat(_request, response, body) {
      const scenario = chooseScenario(replayScenarios, body);
      if (scenario === undefined || scenario.recording === undefined) return refuseUnknownScenario(response, replayScenarios);
      const text = await readFile(join(exampleDirectory, 'recordings', scenario.recording), 'utf8');
      replays += 1;
      const records = readAll(text, 'jsonl').flatMap((item) => (item.kind === 'record' ? [asFreshRun(item.record, replays)] : []));
      try {
        await pipeUIMessageStreamToServerResponse(response, replay(records, delayMs), {
          from: agnoReader,
          onIssue: (issue) => onIssue?.(issue, scenario),
          // Error texts are masked by default (they may hold server details); these recorded runs' may be shown.
          onError: (error) => (error instanceof Error ? error.message : String(error)),
        });
      } catch (error) {
        writeLateError(response, 'The replay failed', error);
      }
    },
    async resume(response) {
      response.writeHead(204).end();
    },
    async cancel(response) {
      response.writeHead(204).end();
    },
  };
}

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
 * Plays records back one by one, as an agno server would send them; the helper cancels it when
 * the client goes away.
 * @param {unknown[]} records
 * @param {number} delayMs
 * @returns {ReadableStream<unknown>}
 */
function replay(records, delayMs) {
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (index >= records.length) {
        controller.close();
        return;
      }
      if (delayMs > 0) await sleep(delayMs);
      controller.enqueue(records[index]);
      index += 1;
    },
  });
}
