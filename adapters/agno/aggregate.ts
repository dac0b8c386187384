import type { CanonicalEvent } from '../../src/model/event.js';
import { explode } from '../../src/model/explode.js';
import type { Run, RunStatus } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { type MessageDefaults, readMessage, writeMessage } from './message.js';
import { metricsFromUsage, usageFromMetrics } from './metrics.js';
import { readRequirement, writeRequirement } from './requirement.js';
import { resultString, writeToolExecution } from './tool-execution.js';
import { fitsAgnoRunOutput, hasLegacyMarkers } from './schema.js';

const statuses: Readonly<Record<string, RunStatus>> = {
  COMPLETED: 'completed',
  ERROR: 'error',
  CANCELLED: 'cancelled',
  PAUSED: 'paused',
  // PENDING and RUNNING runs have not finished; a REGENERATED run (2.6.19) was replaced: neither claims success.
  PENDING: 'running',
  RUNNING: 'running',
  REGENERATED: 'running',
};

const statusNames: Readonly<Record<RunStatus, string>> = {
  completed: 'COMPLETED',
  error: 'ERROR',
  cancelled: 'CANCELLED',
  paused: 'PAUSED',
  running: 'RUNNING',
};

/** Whether a record is a 2.x `RunOutput` / `TeamRunOutput` `to_dict()` (no `event`, a `RunStatus`). */
export function isRunOutput(record: Record<string, unknown>): boolean {
  if ('event' in record || hasLegacyMarkers(record)) return false;
  return fitsAgnoRunOutput(record) && typeof record.run_id === 'string';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Writes a canonical run as a `RunOutput` (agent) or `TeamRunOutput` (team) `to_dict()`, from
 * its canonical fields alone.
 * @param mintId mints ids for messages of other formats that have none.
 */
export function writeRunOutput(run: Run, mintId?: () => string): Record<string, unknown> {
  const team = run.actor?.kind === 'team';
  const record: Record<string, unknown> = { run_id: run.runId };
  const prefix = team ? 'team' : 'agent';
  if (run.actor?.id !== undefined) record[`${prefix}_id`] = run.actor.id;
  if (run.actor?.name !== undefined) record[`${prefix}_name`] = run.actor.name;
  if (run.sessionId !== undefined) record.session_id = run.sessionId;
  if (run.parentRunId !== undefined) record.parent_run_id = run.parentRunId;
  if (run.input !== undefined) record.input = { input_content: run.input };
  const content = run.output ?? run.error?.message ?? run.cancelReason;
  if (content !== undefined) {
    record.content = content;
    record.content_type = typeof content === 'string' ? 'str' : 'dict';
  }
  if (run.model !== undefined) record.model = run.model;
  if (run.provider !== undefined) record.model_provider = run.provider;
  const defaults: MessageDefaults = {};
  if (mintId !== undefined) defaults.mintId = mintId;
  // agno's Message.created_at is an int: pydantic rejects fractional seconds.
  if (run.time !== undefined) defaults.createdAt = Math.floor(run.time / 1000);
  if (run.messages.length > 0) record.messages = run.messages.map((message) => writeMessage(message, defaults));
  const tools = toolExecutions(run);
  if (tools.length > 0) record.tools = tools;
  if (run.usage !== undefined) record.metrics = metricsFromUsage(run.usage);
  // TeamRunOutput.to_dict always writes member_responses, [] included (reference §2.2).
  if (team) record.member_responses = run.members.map((member) => writeRunOutput(member, mintId));
  if (run.time !== undefined) record.created_at = run.time / 1000;
  record.status = statusNames[run.status];
  if (run.requirements !== undefined) record.requirements = run.requirements.map((requirement) => writeRequirement(requirement));
  return record;
}

/** The run's `ToolExecution`s, one per tool call of its messages, with the call's result where there is one. */
function toolExecutions(run: Run): Record<string, unknown>[] {
  const results = new Map<string, { output: unknown; failed: boolean }>();
  for (const message of run.messages) {
    for (const part of message.parts) if (part.type === 'tool-result') results.set(part.toolCallId, { output: part.output, failed: part.isError === true });
  }
  const createdAt = run.time === undefined ? undefined : run.time / 1000;
  return run.messages.flatMap((message) =>
    message.parts.flatMap((part) => {
      if (part.type !== 'tool-call') return [];
      const result = results.get(part.toolCallId);
      return [
        writeToolExecution({
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
          ...(result === undefined ? {} : { result: resultString(result.output), failed: result.failed }),
          ...(createdAt === undefined ? {} : { createdAt }),
        }),
      ];
    }),
  );
}

/**
 * Reads a `RunOutput` / `TeamRunOutput` `to_dict()` as a canonical run, members from
 * `member_responses`; the rest of the dict (`session_state`, `metadata`, `references` …) stays
 * in the source record.
 * @param parentRunId the leader's run id, for members that do not name it.
 */
export function readRunOutput(record: Record<string, unknown>, context: AdapterContext, parentRunId?: string): Run {
  const team = 'team_id' in record || 'team_name' in record || 'member_responses' in record;
  const runId = typeof record.run_id === 'string' ? record.run_id : context.mint('run');
  const status = statuses[String(record.status)] ?? 'running';
  const run: Run = { runId, status, messages: [], members: [] };
  // A member nests under the run that lists it, whatever its own parent_run_id says.
  const parent = parentRunId ?? text(record.parent_run_id);
  if (parent !== undefined) run.parentRunId = parent;
  if (typeof record.session_id === 'string') run.sessionId = record.session_id;
  const prefix = team ? 'team' : 'agent';
  const id = text(record[`${prefix}_id`]);
  const name = text(record[`${prefix}_name`]);
  run.actor = { kind: team ? 'team' : 'agent', ...(id === undefined ? {} : { id }), ...(name === undefined ? {} : { name }) };
  if (typeof record.created_at === 'number') run.time = record.created_at * 1000;
  const model = text(record.model);
  const provider = text(record.model_provider);
  if (model !== undefined) run.model = model;
  if (provider !== undefined) run.provider = provider;
  if (isRecord(record.input) && record.input.input_content !== undefined) run.input = record.input.input_content;
  run.messages = (Array.isArray(record.messages) ? record.messages : []).filter(isRecord).map(readMessage);
  const content = record.content ?? undefined;
  // Only a completed run has an output; an error or cancel keeps its message in the run's own fields.
  if (status === 'completed' && content !== undefined && content !== null) run.output = content;
  if (status === 'error') run.error = { message: text(content) ?? 'agno run error without a message' };
  if (status === 'cancelled' && text(content) !== undefined) run.cancelReason = text(content);
  const usage = usageFromMetrics(record.metrics);
  if (usage !== undefined) run.usage = usage;
  if (status === 'paused') {
    // A paused run always has a requirement list in canonical form (a pause event carries one).
    const requirements = Array.isArray(record.requirements) ? record.requirements.filter(isRecord) : [];
    run.requirements = requirements.map((value) => readRequirement(value, () => context.mint('requirement')));
  }
  const members = Array.isArray(record.member_responses) ? record.member_responses.filter(isRecord) : [];
  run.members = members.map((member) => readRunOutput(member, context, runId));
  return run;
}

/** Decodes an aggregate record into the canonical events of its run and members. */
export function decodeRunOutput(record: Record<string, unknown>, context: AdapterContext): CanonicalEvent[] {
  return explode([readRunOutput(record, context)], { snapshot: true });
}
