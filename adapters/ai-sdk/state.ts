import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import type { Requirement } from '../../src/model/snapshot.js';
import { envelopeOf as runEnvelopeOf } from '../../src/model/explode.js';
import { endsRun } from '../../src/pipeline/adapter-kit.js';

/** The `ext` field that marks a run id the decoder minted (AI SDK streams may have none): encoders leave it out. */
export const mintedRunIdKey = 'mintedRunId';

/** The `ext` field that marks a run-start the decoder added to a stream without `start`. */
export const noStartKey = 'noStart';

/** Marks an event read from a record that came after its run's `finish`: written back after it. */
export const afterFinishKey = 'afterFinish';

/** The envelope of an event without its `ext`: what records inherit from their context (its run's, and its time). */
export function envelopeOf(event: CanonicalEvent): Envelope {
  const envelope = runEnvelopeOf(event);
  if (event.time !== undefined) envelope.time = event.time;
  return envelope;
}

/** A tool call as both sides of a format remember it. */
export interface TrackedTool {
  envelope: Envelope;
  toolName: string;
  input?: unknown;
}

/**
 * What decoder and encoder of an AI SDK format know at each point of a stream: chunks name no
 * run, so they inherit the run of their block, tool part or message.
 */
export interface StreamState {
  /** The envelope of the run the current message (`start`) belongs to. */
  root: Envelope | undefined;
  /** Envelopes of open text and reasoning blocks, by record id. */
  blocks: Map<string, Envelope>;
  tools: Map<string, TrackedTool>;
  /** The ids of the tool calls each run made, so that forgetting a run's calls scans no other run's. */
  toolsByRun: Map<string, string[]>;
  /** Requirements of paused runs, by run id. */
  pending: Map<string, Requirement[]>;
  /**
   * Approvals asked that no pause has said yet, by run: streamText asks for each approval in a
   * record of its own and stops at `finish`, so that one pause says them all (see {@link sayPauses}).
   */
  asked?: Map<string, { envelope: Envelope; requirements: Requirement[] }>;
  /** The run id of the current message when its last word was an error (a step end aside). */
  failed: string | undefined;
}

/** How many paused runs keep their requirements for a later resume. */
const rememberedPauses = 1024;

/** A fresh {@link StreamState}. */
export function createStreamState(): StreamState {
  return { root: undefined, blocks: new Map(), tools: new Map(), toolsByRun: new Map(), pending: new Map(), failed: undefined };
}

/**
 * Records what an event tells later records.
 * @param recordId the id the record used for a text or reasoning block.
 */
export function track(state: StreamState, event: CanonicalEvent, recordId?: string): void {
  // An AI SDK error part need not end the stream: what the run says after it shows the run went on.
  if (state.failed === event.runId && event.type !== 'run-error' && event.type !== 'step-end') state.failed = undefined;
  switch (event.type) {
    case 'text-start':
    case 'reasoning-start':
      state.blocks.set(recordId ?? event.id, envelopeOf(event));
      return;
    case 'text-end':
    case 'reasoning-end':
      state.blocks.delete(recordId ?? event.id);
      return;
    case 'tool-input-start':
      trackTool(state, event, { envelope: state.tools.get(event.toolCallId)?.envelope ?? envelopeOf(event), toolName: event.toolName });
      return;
    case 'tool-call':
      trackTool(state, event, { envelope: state.tools.get(event.toolCallId)?.envelope ?? envelopeOf(event), toolName: event.toolName, input: event.input });
      return;
    case 'run-end':
    case 'run-error':
    case 'run-cancel':
      if (event.type === 'run-error' && event.runId === state.root?.runId) state.failed = event.runId;
      // Its pause is over, its tool calls answered or abandoned: nothing later refers to them.
      forgetRun(state, event.runId);
      return;
    default:
      return;
  }
}

function trackTool(state: StreamState, event: { toolCallId: string }, tool: TrackedTool): void {
  if (!state.tools.has(event.toolCallId)) {
    const runId = tool.envelope.runId;
    let calls = state.toolsByRun.get(runId);
    // The calls of the last runs that made calls are kept (a paused run's for its continuation):
    // a run that ends lets go of its own, and past the bound the oldest run's go.
    if (calls === undefined && state.toolsByRun.set(runId, (calls = [])).size > rememberedPauses) forgetRun(state, state.toolsByRun.keys().next().value as string);
    calls.push(event.toolCallId);
  }
  state.tools.set(event.toolCallId, tool);
}

/**
 * Records an approval a run asks for, after those of a pause it has not resumed from: the pause is
 * said once, when the message finishes or an answer comes ({@link sayPauses}, {@link sayPauseAsking}).
 */
export function ask(state: StreamState, envelope: Envelope, requirement: Requirement): void {
  // Made by the first approval: an encoder's state never holds one.
  const asking = (state.asked ??= new Map());
  const asked = asking.get(envelope.runId);
  if (asked === undefined) asking.set(envelope.runId, { envelope, requirements: [...(state.pending.get(envelope.runId) ?? []), requirement] });
  else asked.requirements.push(requirement);
}

/**
 * Tracks a decoded event ({@link track}), and lets go of the approvals its run asked for once a
 * pause said them or the run ended (it waits for nothing then).
 */
export function trackRead(state: StreamState, event: CanonicalEvent, recordId?: string): void {
  track(state, event, recordId);
  // What a paused run waits for matters to reading only (a verdict names the run it answers):
  // the encoders keep none of it.
  if (event.type === 'run-pause') {
    state.pending.delete(event.runId);
    state.pending.set(event.runId, event.requirements);
    // A log of many paused runs must not grow without bound: the oldest pause is forgotten.
    if (state.pending.size > rememberedPauses) {
      const oldest = state.pending.keys().next().value as string;
      forgetRun(state, oldest);
    }
  }
  if (event.type === 'run-resume') state.pending.delete(event.runId);
  if (event.type === 'run-pause' || endsRun(event)) state.asked?.delete(event.runId);
}

/** The pause of a run that asked for approvals, with the fields of the record that says it; none when it asked for none. */
export function sayPause(state: StreamState, runId: string, fields?: Pick<CanonicalEvent, 'ext'>): CanonicalEvent[] {
  const asked = state.asked?.get(runId);
  if (asked === undefined) return [];
  state.asked?.delete(runId);
  return [{ type: 'run-pause', ...asked.envelope, requirements: asked.requirements, ...fields }];
}

/**
 * The pauses of the runs that asked for approvals no pause said yet (the message ends: `finish`,
 * the next `start`, the end of the input), the message's own run last, with the fields of the
 * record that ends it.
 */
export function sayPauses(state: StreamState, fields?: Pick<CanonicalEvent, 'ext'>): CanonicalEvent[] {
  const rootId = state.root?.runId;
  const pauses: CanonicalEvent[] = [];
  for (const runId of [...(state.asked?.keys() ?? [])]) if (runId !== rootId) pauses.push(...sayPause(state, runId));
  if (rootId !== undefined) pauses.push(...sayPause(state, rootId, fields));
  return pauses;
}

/** Marks a pause said where the stream answers it (a verdict after its request): the run goes on in the same response. */
export const answeredInStreamKey = 'answeredInStream';

/**
 * The pause of the run that asked for an approval, said before its answer (marked with
 * {@link answeredInStreamKey} in the format's ext); none when no unsaid pause asked for it.
 */
export function sayPauseAsking(state: StreamState, approvalId: string, format: string): CanonicalEvent[] {
  for (const [runId, asked] of state.asked ?? []) {
    if (asked.requirements.some((requirement) => requirement.id === approvalId)) return sayPause(state, runId, { ext: { [format]: { [answeredInStreamKey]: true } } });
  }
  return [];
}

/** Releases what the stream state keeps for a run that gets no more events: its pause and its tool calls. */
export function forgetRun(state: StreamState, runId: string): void {
  state.pending.delete(runId);
  for (const toolCallId of state.toolsByRun.get(runId) ?? []) {
    // A call id a later run reused belongs to that run now.
    if (state.tools.get(toolCallId)?.envelope.runId === runId) state.tools.delete(toolCallId);
  }
  state.toolsByRun.delete(runId);
}

/** The envelope a record about a tool call inherits: the call's, else the message's. */
export function toolEnvelope(state: StreamState, toolCallId: string): Envelope {
  return state.tools.get(toolCallId)?.envelope ?? rootEnvelope(state);
}

/** The envelope a record inside a text or reasoning block inherits. */
export function blockEnvelope(state: StreamState, id: string): Envelope {
  return state.blocks.get(id) ?? rootEnvelope(state);
}

/**
 * Whether a `finish` only closes the stream of a run an error ended: streamText writes `finish`
 * (finishReason "error") right after a failed model's error part, which must not turn the failure
 * into a completed run. (An error part followed by more content did not end the run.)
 */
export function finishesFailedRun(state: StreamState, runId: string): boolean {
  return state.failed === runId;
}

/** The envelope of the current message; an empty run id before any `start`. */
export function rootEnvelope(state: StreamState): Envelope {
  return state.root ?? { runId: '' };
}

/** Builds `ext` for a residual of one format's fields; undefined when nothing is left. */
export function extOf(format: string, rest: Record<string, unknown> | undefined): { ext?: Record<string, Record<string, unknown>> } {
  return rest === undefined || Object.keys(rest).length === 0 ? {} : { ext: { [format]: rest } };
}

/** The residual fields one format kept on an event, or an empty object. */
export function extFields(event: CanonicalEvent, format: string): Record<string, unknown> {
  return event.ext?.[format] ?? {};
}

/** A string field of a record, or the empty string when it is none. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
