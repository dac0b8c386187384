import { ownEntry } from '../../src/pipeline/adapter-kit.js';

/** What an agno 2.x event string means, independent of the `Team` prefix. */
export type AgnoEventRole =
  | 'run-start'
  | 'content'
  | 'intermediate-content'
  | 'content-completed'
  | 'run-end'
  | 'run-error'
  | 'run-cancel'
  | 'run-pause'
  | 'run-resume'
  | 'tool-call'
  | 'tool-result'
  | 'tool-error'
  | 'reasoning-start'
  | 'reasoning-step'
  | 'reasoning-delta'
  | 'reasoning-end'
  | 'step-start'
  | 'step-end'
  | 'activity-start'
  | 'activity-end'
  | 'custom'
  | 'task-created'
  | 'task-updated'
  | 'task-state';

/** One agent event string of agno 2.x (`RunEvent`), its role and the release that added it. */
interface AgnoEventInfo {
  role: AgnoEventRole;
  /** The first 2.x release with this event; 2.0.0 for the original set. */
  since: string;
  /** The canonical activity name, for side activities. */
  activity?: string;
}

const info = (role: AgnoEventRole, since = '2.0.0', activity?: string): AgnoEventInfo =>
  activity === undefined ? { role, since } : { role, since, activity };

/**
 * Every agent `RunEvent` string of agno 2.0 – 3.1 (reference §1.1, §5.2; 3.0 added compaction).
 * Team twins add the `Team` prefix; `CustomEvent` and the 3.x compaction events have none.
 */
export const agentEvents: Readonly<Record<string, AgnoEventInfo>> = {
  RunStarted: info('run-start'),
  RunContent: info('content'),
  RunIntermediateContent: info('intermediate-content'),
  RunContentCompleted: info('content-completed', '2.2.0'),
  RunCompleted: info('run-end'),
  RunError: info('run-error'),
  RunCancelled: info('run-cancel'),
  RunPaused: info('run-pause'),
  RunContinued: info('run-resume'),
  PreHookStarted: info('activity-start', '2.1.0', 'pre-hook'),
  PreHookCompleted: info('activity-end', '2.1.0', 'pre-hook'),
  PostHookStarted: info('activity-start', '2.2.0', 'post-hook'),
  PostHookCompleted: info('activity-end', '2.2.0', 'post-hook'),
  ToolCallStarted: info('tool-call'),
  ToolCallCompleted: info('tool-result'),
  ToolCallError: info('tool-error', '2.3.15'),
  ReasoningStarted: info('reasoning-start'),
  ReasoningStep: info('reasoning-step'),
  ReasoningContentDelta: info('reasoning-delta', '2.2.14'),
  ReasoningCompleted: info('reasoning-end'),
  MemoryUpdateStarted: info('activity-start', '2.0.0', 'memory-update'),
  MemoryUpdateCompleted: info('activity-end', '2.0.0', 'memory-update'),
  SessionSummaryStarted: info('activity-start', '2.2.0', 'session-summary'),
  SessionSummaryCompleted: info('activity-end', '2.2.0', 'session-summary'),
  ParserModelResponseStarted: info('activity-start', '2.0.0', 'parser-model'),
  ParserModelResponseCompleted: info('activity-end', '2.0.0', 'parser-model'),
  OutputModelResponseStarted: info('activity-start', '2.0.0', 'output-model'),
  OutputModelResponseCompleted: info('activity-end', '2.0.0', 'output-model'),
  ModelRequestStarted: info('step-start', '2.4.0'),
  ModelRequestCompleted: info('step-end', '2.4.0'),
  CompressionStarted: info('activity-start', '2.4.0', 'compression'),
  CompressionCompleted: info('activity-end', '2.4.0', 'compression'),
  FollowupsStarted: info('activity-start', '2.5.9', 'followups'),
  FollowupsCompleted: info('activity-end', '2.5.9', 'followups'),
  CompactionStarted: info('activity-start', '3.0.0', 'compaction'),
  CompactionCompleted: info('activity-end', '3.0.0', 'compaction'),
  CustomEvent: info('custom'),
};

/** Team-only event strings (task mode, team pause), with the release that added each. */
export const teamOnlyEvents: Readonly<Record<string, AgnoEventInfo>> = {
  TeamTaskIterationStarted: info('activity-start', '2.5.4', 'task-iteration'),
  TeamTaskIterationCompleted: info('activity-end', '2.5.4', 'task-iteration'),
  TeamTaskStateUpdated: info('task-state', '2.5.4'),
  TeamTaskCreated: info('task-created', '2.5.6'),
  TeamTaskUpdated: info('task-updated', '2.5.6'),
};

/** Team twins that appeared later than their agent event (reference §1.2). */
const teamSince: Readonly<Record<string, string>> = { TeamRunPaused: '2.5.0', TeamRunContinued: '2.5.0' };

/**
 * The bracket events of a workflow's parts, `<name>Started` and `<name>Completed`, with the
 * activity each pair opens and closes.
 */
const workflowBrackets: ReadonlyArray<readonly [name: string, activity: string]> = [
  ['WorkflowAgent', 'workflow-agent'],
  ['Step', 'workflow-step'],
  ['LoopExecution', 'workflow-loop'],
  ['LoopIteration', 'workflow-loop-iteration'],
  ['ParallelExecution', 'workflow-parallel'],
  ['ConditionExecution', 'workflow-condition'],
  ['RouterExecution', 'workflow-router'],
  ['StepsExecution', 'workflow-steps'],
];

/**
 * Workflow event strings with a canonical meaning: the workflow run's lifecycle and the
 * started/completed pairs of its steps. The others (`StepOutput`, pauses and continues of steps,
 * routers and conditions) stay raw.
 */
export const workflowMappedEvents: Readonly<Record<string, AgnoEventInfo>> = {
  WorkflowStarted: info('run-start'),
  WorkflowCompleted: info('run-end'),
  WorkflowError: info('run-error'),
  WorkflowCancelled: info('run-cancel'),
  ...Object.fromEntries(
    workflowBrackets.flatMap(([name, activity]) => [
      [`${name}Started`, info('activity-start', '2.0.0', activity)],
      [`${name}Completed`, info('activity-end', '2.0.0', activity)],
    ]),
  ),
};

/** Workflow event strings (`run/workflow.py`), which can appear in an agent or team stream. */
export const workflowEvents: ReadonlySet<string> = new Set([
  ...Object.keys(workflowMappedEvents),
  ...'WorkflowPaused StepPaused StepContinued StepExecutorPaused StepExecutorContinued StepOutputReview StepError ConditionPaused RouterPaused StepOutput StepProgress'.split(' '),
]);

/** An agno 2.x event string resolved: its role, who emits it, and since when it exists. */
export interface ResolvedEvent extends AgnoEventInfo {
  team: boolean;
  /** A workflow event (`run/workflow.py`): the actor is the workflow. */
  workflow?: boolean;
}

/** Resolutions by event name: a log has a few dozen names, so each is worked out once. */
const resolutions = new Map<string, Readonly<ResolvedEvent> | undefined>();

/** Resolves an agent, team or mapped workflow event string of agno 2.x; undefined for anything else. */
export function resolveEvent(name: string): Readonly<ResolvedEvent> | undefined {
  if (resolutions.has(name)) return resolutions.get(name);
  const resolved = resolveUncached(name);
  // Unknown names come from input: remember only a bounded number of them.
  if (resolved !== undefined || resolutions.size < 1024) resolutions.set(name, resolved === undefined ? undefined : Object.freeze(resolved));
  return resolutions.get(name) ?? resolved;
}

function resolveUncached(name: string): ResolvedEvent | undefined {
  const agent = ownEntry(agentEvents, name);
  if (agent !== undefined) return { ...agent, team: false };
  const workflow = ownEntry(workflowMappedEvents, name);
  if (workflow !== undefined) return { ...workflow, team: false, workflow: true };
  const teamOnly = ownEntry(teamOnlyEvents, name);
  if (teamOnly !== undefined) return { ...teamOnly, team: true };
  if (!name.startsWith('Team')) return undefined;
  const base = ownEntry(agentEvents, name.slice('Team'.length));
  // agno 3.1 compacts agent runs only: its TeamRunEvent has no compaction twin.
  if (base === undefined || base.role === 'custom' || base.activity === 'compaction') return undefined;
  return { ...base, team: true, since: ownEntry(teamSince, name) ?? base.since };
}

/** Every agent and team event string this adapter reads, in reference order. */
// Marked pure so that a program that never lists the names (a decoder) does not compute them.
export const allEventNames: readonly string[] = /* @__PURE__ */ (() => [
  ...Object.keys(agentEvents),
  ...Object.keys(agentEvents)
    .filter((name) => resolveEvent(`Team${name}`) !== undefined)
    .map((name) => `Team${name}`),
  ...Object.keys(teamOnlyEvents),
])();

/** The envelope keys of agent and team events (reference §5.1, §5.3). */
export const envelopeKeys: ReadonlySet<string> = new Set([
  'created_at',
  'event',
  'agent_id',
  'agent_name',
  'team_id',
  'team_name',
  'run_id',
  'parent_run_id',
  'session_id',
  'workflow_id',
  'workflow_name',
  'workflow_run_id',
  'parent_step_id',
  'step_id',
  'step_name',
  'step_index',
  'nested_depth',
]);

/** The envelope fields the boundary schema (`agnoEventRecordSchema`) wants as strings (or null / absent), in its order. */
const envelopeStringKeys = ['run_id', 'parent_run_id', 'session_id', 'agent_id', 'team_id', 'workflow_id'] as const;

/** The number fields of the boundary schema, in its order. */
const envelopeNumberKeys = ['created_at', 'nested_depth'] as const;

/** A field of a streamed record whose type the boundary schema refuses, and the type it wants. */
export interface AgnoRecordMisfit {
  path: string;
  expected: 'string' | 'number';
}

/**
 * The first field of `record` that the boundary schema of a streamed record
 * (`agnoEventRecordSchema` in `record-schema.ts`) refuses, in the schema's order, as its first
 * issue names it; undefined when the record passes. The same checks by hand, held equal to the
 * schema by property tests: the schema copies every key of the record it checks, which costs
 * more than the record's parse, and its zod/mini core would weigh more than a useChat route's
 * whole agno decoder.
 */
export function agnoRecordMisfit(record: Record<string, unknown>): AgnoRecordMisfit | undefined {
  if (typeof record.event !== 'string') return { path: 'event', expected: 'string' };
  for (const key of envelopeStringKeys) {
    const value = record[key];
    if (value !== undefined && value !== null && typeof value !== 'string') return { path: key, expected: 'string' };
  }
  for (const key of envelopeNumberKeys) if (!finiteOrAbsent(record[key])) return { path: key, expected: 'number' };
  return undefined;
}

/** Whether `record` passes the boundary schema of a streamed record (see {@link agnoRecordMisfit}). */
export function fitsAgnoEventRecord(record: Record<string, unknown>): boolean {
  return agnoRecordMisfit(record) === undefined;
}

/** A number zod's `z.number().nullish()` takes: finite, null or absent. */
function finiteOrAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value));
}

/** `RunStatus` values of 2.x aggregates (reference §5.4). */
export const runStatuses = ['PENDING', 'RUNNING', 'COMPLETED', 'PAUSED', 'CANCELLED', 'ERROR', 'REGENERATED'] as const;

/** A string or absent, as zod's `z.optional(z.string())` takes it. */
function stringOrAbsent(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** An array or absent, as zod's `z.optional(z.array(…))` takes it. */
function arrayOrAbsent(value: unknown): boolean {
  return value === undefined || Array.isArray(value);
}

/**
 * Whether `record` passes the boundary schema of a `RunOutput` / `TeamRunOutput` `to_dict()`
 * aggregate (`agnoRunOutputSchema` in `record-schema.ts`): the same checks by hand, held equal
 * to the schema by property tests.
 */
export function fitsAgnoRunOutput(record: Record<string, unknown>): boolean {
  return (
    (runStatuses as readonly unknown[]).includes(record.status) &&
    stringOrAbsent(record.run_id) &&
    stringOrAbsent(record.agent_id) &&
    stringOrAbsent(record.team_id) &&
    arrayOrAbsent(record.messages) &&
    arrayOrAbsent(record.member_responses)
  );
}

/**
 * Whether a record carries agno 1.x markers: era-B content strings, `team_session_id`,
 * `extra_data`, `thinking`, `formatted_tool_calls`, or dict-of-lists metrics.
 */
export function hasLegacyMarkers(record: Record<string, unknown>): boolean {
  if ('team_session_id' in record || 'extra_data' in record || 'thinking' in record || 'formatted_tool_calls' in record) return true;
  const metrics = record.metrics;
  if (typeof metrics === 'object' && metrics !== null && Object.values(metrics).some(Array.isArray)) return true;
  return typeof record.event === 'string' && record.event.includes('ResponseContent');
}
