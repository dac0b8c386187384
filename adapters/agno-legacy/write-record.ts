import type { CanonicalEvent, EventHandlers, EventOfType } from '../../src/model/event.js';
import type { IssueCode } from '../../src/model/issue.js';
import { mediaFromFile, mediaKindOf, writeReasoningStep } from '../agno/index.js';
import type { IntermediateTexts } from '../agno/intermediate.js';
import { legacyMetricsFromUsage } from './metrics.js';
import { pythonJson } from './python-json.js';
import { type LegacyEra, type LegacyKind, eraAEvents, eraBAgentEvents, eraBTeamEvents } from './schema.js';
import { writeToolExecution } from './tool-execution.js';

/** What writing one record needs besides the event. */
export interface WriteContext {
  era: LegacyEra;
  /** Mints the ids 1.x requires (media ids). */
  mint(kind: string): string;
  /** Receives what the record cannot carry. */
  lost(what: string, event: CanonicalEvent, code?: IssueCode): void;
  /** Open texts that agno streamed as intermediate content. */
  intermediate?: Pick<IntermediateTexts, 'has'>;
}

/** A 1.x record, as a plain object. */
export type LegacyRecord = Record<string, unknown>;

/** The canonical activity names of the 1.x side activities, with their start and end kinds. */
export const activityKinds: Readonly<Record<string, [LegacyKind | undefined, LegacyKind | undefined, LegacyKind | undefined]>> = {
  // name: [start, end in era B, end in era A]
  'memory-update': ['memory-update-started', 'memory-update-completed', 'updating-memory'],
  'parser-model': ['parser-model-started', 'parser-model-completed', undefined],
  'output-model': ['output-model-started', 'output-model-completed', undefined],
  workflow: ['workflow-started', 'workflow-completed', 'workflow-completed'],
};

function seconds(event: CanonicalEvent): number | undefined {
  return event.time === undefined ? undefined : event.time / 1000;
}

/**
 * The envelope of a 1.x record of a kind, or undefined when the era has no such record.
 * 1.x teams cannot pause: a team pause is written as the agent event, which 1.x team readers
 * resolve first (`team_run_response_event_from_dict`), with the team's id and name in the
 * agent's fields, as agno 1.8's agent event classes take no `team_id`.
 */
function envelope(event: CanonicalEvent, kind: LegacyKind, context: WriteContext): LegacyRecord | undefined {
  let team = event.actor?.kind === 'team';
  const table = context.era === 'A' ? eraAEvents : team ? eraBTeamEvents : eraBAgentEvents;
  let name = table[kind];
  if (name === undefined && team && context.era === 'B') {
    name = eraBAgentEvents[kind];
    if (name !== undefined) {
      team = false;
      context.lost(`a team ${kind} (1.x teams have no such event; written as the agent event ${name}, the team's id and name as agent_id and agent_name)`, event, 'approximated');
    }
  }
  if (name === undefined) {
    context.lost(`the ${kind} record (agno 1.x era ${context.era} has no such event)`, event);
    return undefined;
  }
  const idKey = team ? 'team_id' : 'agent_id';
  const nameKey = team ? 'team_name' : 'agent_name';
  const created = seconds(event);
  if (context.era === 'A') {
    const record: LegacyRecord = { content_type: 'str', event: name, run_id: event.runId, [idKey]: event.actor?.id ?? '' };
    if (event.sessionId !== undefined) record.session_id = event.sessionId;
    if (created !== undefined) record.created_at = created;
    if (team) record.member_responses = [];
    return record;
  }
  const record: LegacyRecord = {};
  if (created !== undefined) record.created_at = created;
  Object.assign(record, { event: name, [idKey]: event.actor?.id ?? '', [nameKey]: event.actor?.name ?? '', run_id: event.runId });
  if (event.sessionId !== undefined) record.session_id = event.sessionId;
  return record;
}

function withBody(record: LegacyRecord | undefined, body: LegacyRecord): LegacyRecord | undefined {
  return record === undefined ? undefined : Object.assign(record, body);
}

function contentRecord(event: CanonicalEvent, body: LegacyRecord, context: WriteContext): LegacyRecord | undefined {
  const record = envelope(event, 'content', context);
  if (record === undefined) return undefined;
  if (context.era === 'A') return Object.assign(record, body);
  return Object.assign(record, { content_type: 'str', thinking: '' }, body);
}

function resultText(output: unknown, event: CanonicalEvent, context: WriteContext): string | null {
  if (output === null || output === undefined || typeof output === 'string') return output ?? null;
  context.lost('a structured tool result (1.x tool results are strings; written as JSON text)', event, 'approximated');
  return pythonJson(output);
}

function toolRecord(
  event: EventOfType<'tool-call'> | EventOfType<'tool-result'> | EventOfType<'tool-error'>,
  kind: LegacyKind,
  tool: LegacyRecord,
  context: WriteContext,
): LegacyRecord | undefined {
  const record = envelope(event, kind, context);
  if (record === undefined) return undefined;
  if (context.era === 'A') return Object.assign(record, { tools: [tool] });
  return Object.assign(record, { tool });
}

function activity(event: EventOfType<'activity-start'> | EventOfType<'activity-end'>, context: WriteContext): LegacyRecord | undefined {
  const kinds = activityKinds[event.name];
  const kind = kinds === undefined ? undefined : event.type === 'activity-start' ? kinds[0] : context.era === 'A' ? kinds[2] : kinds[1];
  if (kind === undefined) {
    context.lost(`the ${event.type} "${event.name}" (no agno 1.x era ${context.era} event)`, event, 'dropped');
    return undefined;
  }
  const record = envelope(event, kind, context);
  return record;
}

const structural = (): undefined => undefined;

/**
 * Writes the one 1.x stream record a canonical event stands for, from its canonical fields
 * alone. Structural events
 * (part starts and ends, steps) write nothing.
 */
export const recordWriters: EventHandlers<LegacyRecord | undefined, WriteContext> = {
  'run-start'(event, context) {
    if (context.era === 'A') return withBody(envelope(event, 'run-started', context), { content: 'Run started' });
    return withBody(envelope(event, 'run-started', context), { model: event.model ?? '', model_provider: event.provider ?? '' });
  },
  'run-end'(event, context) {
    const record = envelope(event, 'run-completed', context);
    if (record === undefined) return undefined;
    if (event.output !== undefined) record.content = event.output;
    record.content_type = event.output === undefined || typeof event.output === 'string' ? 'str' : 'dict';
    if (event.usage !== undefined) {
      // Only the era A aggregate chunk has metrics; era B RunCompleted has none.
      if (context.era === 'A') record.metrics = legacyMetricsFromUsage(event.usage);
      else context.lost('the run usage (1.x RunCompleted events carry no metrics)', event);
    }
    return record;
  },
  'run-error'(event, context) {
    if (event.error.type !== undefined || event.error.id !== undefined || event.error.data !== undefined) {
      context.lost('the error type, id and data (1.x errors carry a message only)', event);
    }
    return withBody(envelope(event, 'run-error', context), { content: event.error.message });
  },
  'run-cancel'(event, context) {
    if (event.reason === undefined) return envelope(event, 'run-cancelled', context);
    return withBody(envelope(event, 'run-cancelled', context), context.era === 'A' ? { content: event.reason } : { reason: event.reason });
  },
  'run-pause'(event, context) {
    const tools = event.requirements.map((requirement) => {
      if (requirement.kind === 'user-feedback') {
        context.lost('a user-feedback requirement (1.x asks for user input instead)', event, 'approximated');
      }
      const facts = { toolCallId: requirement.toolCallId ?? requirement.id, toolName: requirement.toolName, input: requirement.input };
      return writeToolExecution(facts, 'paused', context.era, seconds(event), requirement);
    });
    return withBody(envelope(event, 'run-paused', context), { tools });
  },
  'run-resume'(event, context) {
    // agno takes the answers in the continue request; RunContinued holds none.
    if (event.resolutions !== undefined && event.resolutions.length > 0) context.lost("a resume's resolution list (approvals, inputs)", event);
    return envelope(event, 'run-continued', context);
  },
  'step-start'(event, context) {
    context.lost('a model request boundary (1.x streams have no per-request events)', event, 'approximated');
    return undefined;
  },
  'step-end'(event, context) {
    if (event.usage !== undefined) context.lost('the usage of one model request (1.x streams have no per-request events)', event, 'dropped');
    return undefined;
  },
  'text-start': structural,
  'text-delta'(event, context) {
    // 1.x IntermediateRunResponseContentEvent has content and content_type only.
    if (context.intermediate?.has(event) === true) return withBody(envelope(event, 'intermediate-content', context), { content: event.delta, content_type: 'str' });
    return contentRecord(event, { content: event.delta }, context);
  },
  'text-end'(event, context) {
    if (event.citations === undefined) return undefined;
    const urls = event.citations.map((citation) => ({ url: citation.url, title: citation.title }));
    return contentRecord(event, { citations: { urls } }, context);
  },
  'reasoning-start'(event, context) {
    return envelope(event, 'reasoning-started', context);
  },
  'reasoning-delta'(event, context) {
    return contentRecord(event, { thinking: event.delta }, context);
  },
  'reasoning-end'(event, context) {
    return envelope(event, 'reasoning-completed', context);
  },
  'reasoning-step'(event, context) {
    return withBody(envelope(event, 'reasoning-step', context), { content: writeReasoningStep(event), content_type: 'ReasoningStep' });
  },
  'tool-input-start': structural,
  'tool-input-delta': structural,
  'tool-call'(event, context) {
    const tool = writeToolExecution(event, 'started', context.era, seconds(event));
    return toolRecord(event, 'tool-call-started', tool, context);
  },
  'tool-result'(event, context) {
    const result = resultText(event.output, event, context);
    const tool = writeToolExecution({ ...event, result }, 'completed', context.era, seconds(event));
    return toolRecord(event, 'tool-call-completed', tool, context);
  },
  'tool-error'(event, context) {
    const result = resultText(event.error, event, context);
    const tool = writeToolExecution({ ...event, result }, 'failed', context.era, seconds(event));
    return toolRecord(event, 'tool-call-completed', tool, context);
  },
  message: structural,
  'activity-start': activity,
  'activity-end': activity,
  file(event, context) {
    // 1.x ImageArtifact and AudioResponse dicts have the 2.x Image / Audio keys (AudioResponse: 24 kHz mono too).
    const kind = mediaKindOf(event.mediaType);
    if (kind === 'image') return contentRecord(event, { image: mediaFromFile(event, context.mint('image')) }, context);
    if (kind === 'audio') return contentRecord(event, { response_audio: mediaFromFile(event, context.mint('audio')) }, context);
    context.lost(`a ${event.mediaType} file (1.x content events carry images and audio only)`, event);
    return undefined;
  },
  source(event, context) {
    return contentRecord(event, { citations: { urls: [{ url: event.url, title: event.title }] } }, context);
  },
  state(event, context) {
    context.lost('a state update', event);
    return undefined;
  },
  handoff(event, context) {
    context.lost(`the handoff to "${event.to}"`, event);
    return undefined;
  },
  data(event, context) {
    if (event.name === 'intermediate-content') {
      return withBody(envelope(event, 'intermediate-content', context), { content: event.data, content_type: 'str' });
    }
    if (event.name === 'content') return contentRecord(event, { content: event.data, content_type: 'dict' }, context);
    context.lost(`the data "${event.name}"`, event);
    return undefined;
  },
  raw: structural,
};
