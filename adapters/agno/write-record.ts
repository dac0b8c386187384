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

/** What the writers need besides the event. */
export interface WriteContext {
  /** Mints media ids. */
  ids: IdSource;
  /** The agno version written. */
  target: AgnoTarget;
  /** Whether a text delta belongs to a text agno streamed as intermediate content (`RunIntermediateContent`). */
  intermediate: boolean;
  /** Told when a CustomEvent without a time is written with `created_at` 0. */
  untimedCustomEvent: (event: CanonicalEvent) => void;
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

/** The identity keys of each prefix, spelled once: keys built per record cost a string each. */
const identityKeys = {
  agent: { id: 'agent_id', name: 'agent_name' },
  team: { id: 'team_id', name: 'team_name' },
  workflow: { id: 'workflow_id', name: 'workflow_name' },
} as const;

/** A writer's own value for a key when it gives one (even undefined, as a spread over the envelope would), else `fallback`. */
function given(fields: Record<string, unknown> | undefined, key: string, fallback: unknown): unknown {
  return fields !== undefined && Object.hasOwn(fields, key) ? fields[key] : fallback;
}

/**
 * Sets the content defaults agno 2.9.0 writes on content events (reference §2.1) on `out`, in
 * agno's key order; a value the writer gives wins.
 */
function setContentDefaults(name: unknown, fields: Record<string, unknown>, out: Record<string, unknown>, team: boolean): void {
  if (name === 'RunContent' || name === 'TeamRunContent') {
    if (!team) out.workflow_agent = fields.workflow_agent ?? false;
    out.content_type = fields.content_type ?? 'str';
    out.reasoning_content = fields.reasoning_content ?? '';
  } else if (name === 'RunIntermediateContent' || name === 'TeamRunIntermediateContent') {
    out.content_type = fields.content_type ?? 'str';
  } else if ((name === 'RunCompleted' || name === 'TeamRunCompleted') && fields.content !== undefined) {
    out.content_type = fields.content_type ?? (typeof fields.content === 'string' ? 'str' : 'dict');
  }
}

/** No fields: what a writer of an envelope alone passes (never written to). */
const noFields: Record<string, unknown> = Object.freeze({});

/**
 * An agno 2.9.0 event record, built once in agno's key order: the envelope (time, event string,
 * identity and lineage) with the fields agno always writes — identity `""` when unknown (dataclass
 * defaults; a workflow's are None, so left out), `nested_depth` (2.5.17+) — then `content`, the
 * content defaults, and the writer's other fields in their order. A field the writer gives for an
 * envelope key takes the envelope's place; `nested_depth` is always 0; undefined fields are left out.
 * @param base the agent event string (`RunContent`); the actor makes it a team or workflow event.
 * @param fields the record's own fields (user data spread in keeps its keys).
 */
function eventRecord(event: CanonicalEvent, base: string, context: WriteContext, fields: Record<string, unknown> = noFields): Record<string, unknown> {
  const actor = event.actor;
  const prefix = identityPrefix(actor?.kind);
  const keys = identityKeys[prefix];
  const name = given(fields, 'event', eventName(base, event));
  let time = given(fields, 'created_at', event.time === undefined ? undefined : event.time / 1000);
  if (time === undefined && name === 'CustomEvent') {
    time = 0;
    context.untimedCustomEvent(event);
  }
  const out: Record<string, unknown> = {};
  if (time !== undefined) out.created_at = time;
  out.event = name;
  const fallback = prefix === 'workflow' ? undefined : '';
  const id = given(fields, keys.id, actor?.id) ?? fallback;
  if (id !== undefined) out[keys.id] = id;
  const actorName = given(fields, keys.name, actor?.name) ?? fallback;
  if (actorName !== undefined) out[keys.name] = actorName;
  out.run_id = given(fields, 'run_id', event.runId);
  const parentRunId = given(fields, 'parent_run_id', event.parentRunId);
  if (parentRunId !== undefined) out.parent_run_id = parentRunId;
  const sessionId = given(fields, 'session_id', event.sessionId);
  if (sessionId !== undefined) out.session_id = sessionId;
  out.nested_depth = 0;
  if (fields.content !== undefined) out.content = fields.content;
  setContentDefaults(name, fields, out, prefix === 'team');
  // for-in allocates no entry arrays; fields are plain objects (literals, or JSON the user gave).
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined && !(key in out)) out[key] = value;
  }
  return out;
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

function activityRecord(event: EventOfType<'activity-start' | 'activity-end'>, phase: 0 | 1, context: WriteContext): Record<string, unknown> {
  const pair = activityEvents.get(event.name);
  if (pair === undefined || !hasActivityEvents(event.name, context.target)) {
    return eventRecord(event, 'CustomEvent', context, { activity: event.name, phase: phase === 0 ? 'start' : 'end', data: event.data });
  }
  return eventRecord(event, pair[phase], context, isRecord(event.data) ? event.data : { data: event.data });
}

type Writer = EventHandlers<Record<string, unknown> | undefined, WriteContext>;

const writers: Writer = {
  'run-start': (event, context) => eventRecord(event, 'RunStarted', context, { model: event.model, model_provider: event.provider }),
  'run-end': (event, context) =>
    eventRecord(event, 'RunCompleted', context, { content: event.output, metrics: event.usage === undefined ? undefined : metricsFromUsage(event.usage) }),
  'run-error': (event, context) =>
    event.actor?.kind === 'workflow'
      ? eventRecord(event, 'RunError', context, { error: event.error.message })
      : eventRecord(event, 'RunError', context, {
          content: event.error.message,
          error_type: event.error.type,
          error_id: event.error.id,
          additional_data: event.error.data,
        }),
  'run-cancel': (event, context) => eventRecord(event, 'RunCancelled', context, { content: event.reason, reason: event.reason }),
  'run-pause': (event, context) =>
    eventRecord(event, 'RunPaused', context, {
      tools: event.requirements.map((requirement) => pausedToolExecution(requirement, seconds(event))),
      requirements: event.requirements.map((requirement) => writeRequirement(requirement, seconds(event))),
    }),
  'run-resume': (event, context) => eventRecord(event, 'RunContinued', context),
  'step-start': (event, context) => eventRecord(event, 'ModelRequestStarted', context, { model: event.model, model_provider: event.provider }),
  'step-end': (event, context) => eventRecord(event, 'ModelRequestCompleted', context, modelRequestUsageFields(event.usage)),
  'text-start': () => undefined,
  'text-delta': (event, context) => eventRecord(event, context.intermediate ? 'RunIntermediateContent' : 'RunContent', context, { content: event.delta }),
  'text-end': (event, context) =>
    event.citations === undefined
      ? undefined
      : eventRecord(event, 'RunContent', context, {
          citations: { urls: event.citations.map((citation) => defined({ url: citation.url, title: citation.title })) },
        }),
  'reasoning-start': (event, context) => eventRecord(event, 'ReasoningStarted', context),
  'reasoning-delta': (event, context) => eventRecord(event, 'RunContent', context, { reasoning_content: event.delta }),
  'reasoning-end': (event, context) => eventRecord(event, 'ReasoningCompleted', context),
  'reasoning-step': (event, context) => eventRecord(event, 'ReasoningStep', context, { content: writeReasoningStep(event), content_type: 'ReasoningStep' }),
  'tool-input-start': () => undefined,
  'tool-input-delta': () => undefined,
  'tool-call': (event, context) =>
    eventRecord(event, 'ToolCallStarted', context, {
      tool: writeToolExecution({ toolCallId: event.toolCallId, toolName: event.toolName, input: event.input, createdAt: seconds(event) }),
    }),
  'tool-result': (event, context) =>
    eventRecord(event, 'ToolCallCompleted', context, {
      tool: writeToolExecution({
        toolCallId: event.toolCallId,
        toolName: event.toolName,
        result: resultString(event.output),
        failed: false,
        createdAt: seconds(event),
      }),
    }),
  'tool-error': (event, context) =>
    eventRecord(event, 'ToolCallError', context, {
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
  'activity-start': (event, context) => activityRecord(event, 0, context),
  'activity-end': (event, context) => activityRecord(event, 1, context),
  file: (event, context) => {
    const kind = mediaKindOf(event.mediaType);
    const media = mediaFromFile(event, context.ids(kind));
    if (kind === 'image') return eventRecord(event, 'RunContent', context, { image: media });
    if (kind === 'audio') return eventRecord(event, 'RunContent', context, { response_audio: media });
    // RunContent has no video or file slot; a CustomEvent carries them.
    return eventRecord(event, 'CustomEvent', context, { [kind]: media });
  },
  source: (event, context) => eventRecord(event, 'RunContent', context, { citations: { urls: [defined({ url: event.url, title: event.title })] } }),
  state: (event, context) => (isRecord(event.snapshot) ? eventRecord(event, 'TeamTaskStateUpdated', context, event.snapshot) : undefined),
  handoff: () => undefined,
  data: (event, context) => {
    if (event.name === structuredContentName) return eventRecord(event, 'RunContent', context, { content: event.data, content_type: 'dict' });
    if (event.name === customEventName && isRecord(event.data)) return eventRecord(event, 'CustomEvent', context, event.data);
    return eventRecord(event, 'CustomEvent', context, { name: event.name, data: event.data });
  },
  raw: (event) => (event.format === 'agno' && isRecord(event.payload) ? event.payload : undefined),
};

/**
 * The agno record a canonical event stands for, written from its canonical fields alone in
 * 2.9.0's form with the fields agno always writes (the encoder migrates it to 3.x).
 * @param context the version written (an activity event that version lacks becomes a CustomEvent), ids, and the encoder's hooks.
 * @returns undefined for events that have no agno record (text and tool-input brackets, messages).
 */
export function writeRecord(event: CanonicalEvent, context: WriteContext): Record<string, unknown> | undefined {
  return dispatch(writers, event, context);
}
