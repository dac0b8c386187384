import type { Actor, Run, RunStatus } from '../../src/model/snapshot.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { readLegacyMessage, writeLegacyMessages } from './message.js';
import { legacyMetricsFromUsage, usageFromLegacyMetrics } from './metrics.js';
import type { LegacyEra } from './schema.js';
import { requirementOf, writeToolExecution } from './tool-execution.js';

const statuses: Readonly<Record<string, RunStatus>> = {
  COMPLETED: 'completed',
  ERROR: 'error',
  CANCELLED: 'cancelled',
  PAUSED: 'paused',
};

const legacyStatuses: Readonly<Record<RunStatus, string>> = {
  running: 'RUNNING',
  completed: 'COMPLETED',
  error: 'ERROR',
  cancelled: 'CANCELLED',
  paused: 'PAUSED',
};

/** Whether a record is a stored 1.x `RunResponse` / `TeamRunResponse` rather than a stream chunk. */
export function isLegacyAggregate(record: Record<string, unknown>): boolean {
  if (typeof record.event === 'string') {
    // Era A stored runs keep their `event`; stream chunks never carry the message list.
    return Array.isArray(record.messages) && record.event !== 'RunCompleted';
  }
  return 'run_id' in record && ('status' in record || Array.isArray(record.messages) || 'content_type' in record);
}

/** The actor of a 1.x record: a team when it has `team_id`, an agent otherwise. */
export function actorOf(record: Record<string, unknown>): Actor | undefined {
  const team = 'team_id' in record;
  const id = team ? record.team_id : record.agent_id;
  const name = team ? record.team_name : record.agent_name;
  if (!team && id === undefined && name === undefined) return undefined;
  const actor: Actor = { kind: team ? 'team' : 'agent' };
  if (typeof id === 'string') actor.id = id;
  if (typeof name === 'string') actor.name = name;
  return actor;
}

function statusOf(record: Record<string, unknown>): RunStatus {
  if (typeof record.status === 'string') return statuses[record.status] ?? 'running';
  return record.event === 'RunCompleted' ? 'completed' : 'running';
}

/**
 * Reads a stored 1.x aggregate as a run snapshot, members nested. What the snapshot cannot
 * hold (`extra_data`, message timings, tool executions …) stays in the source record.
 */
export function readAggregate(record: Record<string, unknown>, context: AdapterContext, era: LegacyEra, parentRunId?: string): Run {
  let runId = record.run_id;
  if (typeof runId !== 'string') {
    runId = context.mint('run');
    context.report({ code: 'minted', level: 'info', message: `a stored run without run_id was given the id ${String(runId)}` });
  }
  const run: Run = { runId: runId as string, status: statusOf(record), messages: [], members: [] };
  if (parentRunId !== undefined) run.parentRunId = parentRunId;
  if (typeof record.session_id === 'string') run.sessionId = record.session_id;
  const actor = actorOf(record);
  if (actor !== undefined) run.actor = actor;
  if (typeof record.created_at === 'number') run.time = record.created_at * 1000;
  if (typeof record.model === 'string') run.model = record.model;
  if (typeof record.model_provider === 'string') run.provider = record.model_provider;
  if (Array.isArray(record.messages)) run.messages = record.messages.filter(isRecord).map(readLegacyMessage);
  if (run.status === 'completed' && record.content !== undefined) run.output = record.content;
  const usage = usageFromLegacyMetrics(record.metrics);
  if (usage !== undefined) run.usage = usage;
  if (run.status === 'error') run.error = { message: typeof record.content === 'string' ? record.content : 'the run failed' };
  if (run.status === 'paused') {
    const tools = Array.isArray(record.tools) ? record.tools.filter(isRecord) : [];
    run.requirements = tools
      .filter((tool) => tool.requires_confirmation === true || tool.requires_user_input === true || tool.external_execution_required === true)
      .map((tool) => requirementOf(tool, context.mint('requirement')));
  }
  if (Array.isArray(record.member_responses)) {
    run.members = record.member_responses.filter(isRecord).map((member) => readAggregate(member, context, era, run.runId));
  }
  return run;
}

/**
 * Writes a run snapshot as a 1.x `RunResponse.to_dict()` (`TeamRunResponse` for a team actor),
 * members as `member_responses`, from the canonical fields alone.
 * @param lost receives a description of everything the 1.x aggregate cannot hold.
 */
export function writeAggregate(run: Run, era: LegacyEra, lost: (what: string) => void): Record<string, unknown> {
  const team = run.actor?.kind === 'team';
  const record: Record<string, unknown> = {};
  if (run.output !== undefined) record.content = run.output;
  record.content_type = run.output === undefined || typeof run.output === 'string' ? 'str' : 'dict';
  if (era === 'A') record.event = 'RunResponse';
  if (run.usage !== undefined) record.metrics = legacyMetricsFromUsage(run.usage);
  if (run.model !== undefined) record.model = run.model;
  if (run.provider !== undefined) record.model_provider = run.provider;
  if (team) record.member_responses = run.members.map((member) => writeAggregate(member, era, lost));
  else if (run.members.length > 0) lost('members of an agent run (1.x agents have no member runs)');
  record.run_id = run.runId;
  if (team) {
    record.team_id = run.actor?.id ?? '';
    if (era === 'B') record.team_name = run.actor?.name ?? '';
  } else if (run.actor !== undefined) {
    record.agent_id = run.actor.id ?? '';
    if (era === 'B') record.agent_name = run.actor.name ?? '';
  }
  if (run.sessionId !== undefined) record.session_id = run.sessionId;
  if (run.time !== undefined) record.created_at = run.time / 1000;
  if (era === 'B') record.status = legacyStatuses[run.status];
  const inputs = new Map<string, unknown>();
  const results = new Map<string, { output: unknown; failed: boolean }>();
  for (const message of run.messages) {
    for (const part of message.parts) {
      if (part.type === 'tool-call') inputs.set(part.toolCallId, part.input);
      if (part.type === 'tool-result') results.set(part.toolCallId, { output: part.output, failed: part.isError === true });
    }
  }
  if (run.messages.length > 0) record.messages = run.messages.flatMap((message) => writeLegacyMessages(message, inputs, lost));
  if (inputs.size > 0) {
    record.tools = [...inputs].map(([toolCallId, input]) => {
      const result = results.get(toolCallId);
      return writeToolExecution(
        { toolCallId, toolName: toolNameOf(run, toolCallId), input, result: result?.output },
        result === undefined ? 'started' : result.failed ? 'failed' : 'completed',
        era,
        undefined,
      );
    });
  }
  if (run.error !== undefined && run.output === undefined) record.content = run.error.message;
  if (run.cancelReason !== undefined) lost('the reason a run was cancelled (1.x aggregates have no field for it)');
  if (run.input !== undefined) lost('the run input (1.x aggregates keep it only as the first user message)');
  return record;
}

function toolNameOf(run: Run, toolCallId: string): string | undefined {
  for (const message of run.messages) {
    for (const part of message.parts) if (part.type === 'tool-call' && part.toolCallId === toolCallId) return part.toolName;
  }
  return undefined;
}
