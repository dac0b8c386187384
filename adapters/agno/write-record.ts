import type { CanonicalEvent, EventHandlers, EventOfType } from '../../src/model/event.js';
import { dispatch } from '../../src/model/dispatch.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { mediaFromFile, mediaKindOf } from './media.js';
import { metricsFromUsage, modelRequestUsageFields } from './metrics.js';
import { pausedToolExecution, writeRequirement } from './requirement.js';
import { agentEvents, teamOnlyEvents, workflowMappedEvents } from './schema.js';
import { resultString, writeToolExecution } from './tool-execution.js';
import { writeReasoningStep } from './reasoning-step.js';
import { type AgnoTarget, eventExistsIn } from './target.js';

/** The canonical name of a structured (non-string) `RunContent.content`, carried as a `data` event. */
export const structuredContentName = 'content';

/** The canonical `data` name of a `CustomEvent` whose fields are not a `{name, data}` pair. */
export const customEventName = 'custom-event';

/** The canonical activity name of team task events (`TeamTaskCreated` / `TeamTaskUpdated`, 2.5.6+). */
export const teamTaskActivity = 'team-task';

/** Event strings of each canonical activity name: `[started, completed]`. */
export const activityEvents: ReadonlyMap<string, readonly [string, string]> = (() => {
  const pairs = new Map<string, [string, string]>();
  for (const [name, info] of [...Object.entries(agentEvents), ...Object.entries(teamOnlyEvents), ...Object.entries(workflowMappedEvents)]) {
    if (info.activity === undefined) continue;
    const pair = pairs.get(info.activity) ?? ['', ''];
    pair[info.role === 'activity-start' ? 0 : 1] = name;
    pairs.set(info.activity, pair);
  }
  pairs.set(teamTaskActivity, ['TeamTaskCreated', 'TeamTaskUpdated']);
  return pairs;
})();

/** Mints the ids a written record needs (media ids). */
export type IdSource = (kind: string) => string;

/** What the writers need besides the event: ids to mint, and the agno version written. */
interface WriteContext {
  ids: IdSource;
  target: AgnoTarget;
}

/** The workflow events of a workflow run's lifecycle, by the agent event they stand for. */
const workflowLifecycle: Readonly<Record<string, string>> = {
  RunStarted: 'WorkflowStarted',
  RunCompleted: 'WorkflowCompleted',
  RunError: 'WorkflowError',
  RunCancelled: 'WorkflowCancelled',
};

/** The agent event string, its `Team` twin for a team actor, or the workflow event for a workflow run. */
export function eventName(base: string, event: CanonicalEvent): string {
  if (event.actor?.kind === 'workflow') return workflowLifecycle[base] ?? base;
  if (event.actor?.kind !== 'team' || base === 'CustomEvent' || base.startsWith('Team')) return base;
  return `Team${base}`;
}

/** The prefix of an actor's id and name fields: `agent_id`, `team_id`, `workflow_id`. */
export function identityPrefix(kind: string | undefined): 'agent' | 'team' | 'workflow' {
  return kind === 'team' || kind === 'workflow' ? kind : 'agent';
}

/** The envelope of an agno 2.x event record: time, event string, identity and lineage. */
function envelope(event: CanonicalEvent, base: string): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  if (event.time !== undefined) record.created_at = event.time / 1000;
  record.event = eventName(base, event);
  const actor = event.actor;
  if (actor !== undefined) {
    const prefix = identityPrefix(actor.kind);
    if (actor.id !== undefined) record[`${prefix}_id`] = actor.id;
    if (actor.name !== undefined) record[`${prefix}_name`] = actor.name;
  }
  record.run_id = event.runId;
  if (event.parentRunId !== undefined) record.parent_run_id = event.parentRunId;
  if (event.sessionId !== undefined) record.session_id = event.sessionId;
  return record;
}

function seconds(event: CanonicalEvent): number | undefined {
  return event.time === undefined ? undefined : event.time / 1000;
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const kept: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) kept[key] = fields[key];
  return kept;
}

/**
 * Whether the agno version a target names has events for a canonical activity; an activity of a
 * newer agno (compaction, 3.0) written as 2.x is a CustomEvent, like one agno never had.
 */
export function hasActivityEvents(name: string, target: AgnoTarget): boolean {
  const pair = activityEvents.get(name);
  return pair !== undefined && eventExistsIn({ event: pair[0] }, target);
}

function activityRecord(event: EventOfType<'activity-start' | 'activity-end'>, phase: 0 | 1, target: AgnoTarget): Record<string, unknown> {
  const pair = activityEvents.get(event.name);
  if (pair === undefined || !hasActivityEvents(event.name, target)) {
    return { ...envelope(event, 'CustomEvent'), activity: event.name, phase: phase === 0 ? 'start' : 'end', ...defined({ data: event.data }) };
  }
  return { ...envelope(event, pair[phase]), ...(isRecord(event.data) ? event.data : defined({ data: event.data })) };
}

type Writer = EventHandlers<Record<string, unknown> | undefined, WriteContext>;

const writers: Writer = {
  'run-start': (event) => ({ ...envelope(event, 'RunStarted'), ...defined({ model: event.model, model_provider: event.provider }) }),
  'run-end': (event) => ({
    ...envelope(event, 'RunCompleted'),
    ...defined({ content: event.output, metrics: event.usage === undefined ? undefined : metricsFromUsage(event.usage) }),
  }),
  'run-error': (event) =>
    event.actor?.kind === 'workflow'
      ? { ...envelope(event, 'RunError'), error: event.error.message }
      : {
          ...envelope(event, 'RunError'),
          content: event.error.message,
          ...defined({ error_type: event.error.type, error_id: event.error.id, additional_data: event.error.data }),
        },
  'run-cancel': (event) => ({ ...envelope(event, 'RunCancelled'), ...defined({ content: event.reason, reason: event.reason }) }),
  'run-pause': (event) => ({
    ...envelope(event, 'RunPaused'),
    tools: event.requirements.map((requirement) => pausedToolExecution(requirement, seconds(event))),
    requirements: event.requirements.map((requirement) => writeRequirement(requirement, seconds(event))),
  }),
  'run-resume': (event) => envelope(event, 'RunContinued'),
  'step-start': (event) => ({
    ...envelope(event, 'ModelRequestStarted'),
    ...defined({ model: event.model, model_provider: event.provider }),
  }),
  'step-end': (event) => ({ ...envelope(event, 'ModelRequestCompleted'), ...modelRequestUsageFields(event.usage) }),
  'text-start': () => undefined,
  'text-delta': (event) => ({ ...envelope(event, 'RunContent'), content: event.delta }),
  'text-end': (event) =>
    event.citations === undefined
      ? undefined
      : {
          ...envelope(event, 'RunContent'),
          citations: { urls: event.citations.map((citation) => defined({ url: citation.url, title: citation.title })) },
        },
  'reasoning-start': (event) => envelope(event, 'ReasoningStarted'),
  'reasoning-delta': (event) => ({ ...envelope(event, 'RunContent'), reasoning_content: event.delta }),
  'reasoning-end': (event) => envelope(event, 'ReasoningCompleted'),
  'reasoning-step': (event) => ({
    ...envelope(event, 'ReasoningStep'),
    content: writeReasoningStep(event),
    content_type: 'ReasoningStep',
  }),
  'tool-input-start': () => undefined,
  'tool-input-delta': () => undefined,
  'tool-call': (event) => ({
    ...envelope(event, 'ToolCallStarted'),
    tool: writeToolExecution({ toolCallId: event.toolCallId, toolName: event.toolName, input: event.input, createdAt: seconds(event) }),
  }),
  'tool-result': (event) => ({
    ...envelope(event, 'ToolCallCompleted'),
    tool: writeToolExecution({
      toolCallId: event.toolCallId,
      toolName: event.toolName,
      result: resultString(event.output),
      failed: false,
      createdAt: seconds(event),
    }),
  }),
  'tool-error': (event) => ({
    ...envelope(event, 'ToolCallError'),
    error: resultString(event.error),
    tool: writeToolExecution({
      toolCallId: event.toolCallId,
      toolName: event.toolName,
      result: resultString(event.error),
      failed: true,
      createdAt: seconds(event),
    }),
  }),
  message: () => undefined,
  'activity-start': (event, { target }) => activityRecord(event, 0, target),
  'activity-end': (event, { target }) => activityRecord(event, 1, target),
  file: (event, { ids }) => {
    const kind = mediaKindOf(event.mediaType);
    const media = mediaFromFile(event, ids(kind));
    if (kind === 'image') return { ...envelope(event, 'RunContent'), image: media };
    if (kind === 'audio') return { ...envelope(event, 'RunContent'), response_audio: media };
    // RunContent has no video or file slot; a CustomEvent carries them.
    return { ...envelope(event, 'CustomEvent'), [kind]: media };
  },
  source: (event) => ({
    ...envelope(event, 'RunContent'),
    citations: { urls: [defined({ url: event.url, title: event.title })] },
  }),
  state: (event) => (isRecord(event.snapshot) ? { ...envelope(event, 'TeamTaskStateUpdated'), ...event.snapshot } : undefined),
  handoff: () => undefined,
  data: (event) => {
    if (event.name === structuredContentName) {
      return { ...envelope(event, 'RunContent'), content: event.data, content_type: 'dict' };
    }
    if (event.name === customEventName && isRecord(event.data)) return { ...envelope(event, 'CustomEvent'), ...event.data };
    return { ...envelope(event, 'CustomEvent'), name: event.name, data: event.data };
  },
  raw: (event) => (event.format === 'agno' && isRecord(event.payload) ? event.payload : undefined),
};

/**
 * The agno record a canonical event stands for, written from its canonical fields alone in
 * 2.9.0's form (agno's defaults are added, and the record migrated to 3.x, by the encoder).
 * @param target the version written: an activity event that version lacks becomes a CustomEvent.
 * @returns undefined for events that have no agno record (text and tool-input brackets, messages).
 */
export function writeRecord(event: CanonicalEvent, ids: IdSource, target: AgnoTarget = '3.x'): Record<string, unknown> | undefined {
  return dispatch(writers, event, { ids, target });
}
