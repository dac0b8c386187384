import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import type { Requirement } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { sameJson } from '../../src/pipeline/json-patch.js';

/**
 * The key of ours under `providerMetadata` / `messageMetadata`, and the name of our `data-*`
 * part: where the canonical fields an AI SDK record has no place for travel.
 */
export const bridgeKey = 'agent-event-bridge';

/** The `type` of our data part (UI chunks) and the key inside `raw.rawValue` (stream parts). */
export const bridgeDataType = `data-${bridgeKey}`;

/**
 * The canonical fields a record cannot carry: every top-level field of the event that decoding
 * the record alone would not give back, and `unset` for the fields decoding would add.
 */
export type Overlay = Record<string, unknown> & { unset?: string[] };

/** The `ext` field that marks a run id the decoder minted (AI SDK streams have none): encoders leave it out. */
export const mintedRunIdKey = 'mintedRunId';

/** The `ext` field that marks a run-start the decoder added to a stream without `start`. */
export const noStartKey = 'noStart';

/** What one of our bridge payloads says: a whole event, or the overlay of the next record. */
export type BridgePayload = { event: CanonicalEvent; hides?: number } | { next: Overlay } | { hides: number };

/** Keys no canonical field has, which assigning would turn into a prototype change. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The overlay that turns `natural` (what a record decodes to on its own) into `actual`.
 * @returns undefined when the record already says everything.
 */
export function diffEvent(actual: CanonicalEvent, natural: CanonicalEvent): Overlay | undefined {
  const target = actual as Record<string, unknown>;
  const source = natural as Record<string, unknown>;
  let overlay: Overlay | undefined;
  for (const key of Object.keys(target)) {
    if (target[key] === undefined || unsafeKeys.has(key) || sameJson(target[key], source[key])) continue;
    overlay ??= {};
    overlay[key] = target[key];
  }
  const unset = Object.keys(source).filter((key) => source[key] !== undefined && target[key] === undefined);
  if (unset.length > 0) {
    overlay ??= {};
    overlay.unset = unset;
  }
  return overlay;
}

/** Applies an overlay to what a record decoded to. */
export function applyOverlay(natural: CanonicalEvent, overlay: Overlay | undefined): CanonicalEvent {
  if (overlay === undefined) return natural;
  const result: Record<string, unknown> = { ...natural };
  for (const [key, value] of Object.entries(overlay)) {
    if (key !== 'unset' && !unsafeKeys.has(key)) result[key] = value;
  }
  if (Array.isArray(overlay.unset)) {
    for (const key of overlay.unset) if (typeof key === 'string') delete result[key];
  }
  return result as CanonicalEvent;
}

/** Reads one of our bridge payloads; undefined when the value is not one. */
export function readBridgePayload(value: unknown): BridgePayload | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.event) && typeof value.event.type === 'string' && typeof value.event.runId === 'string') {
    const hides = typeof value.hides === 'number' && value.hides > 0 ? { hides: value.hides } : {};
    return { event: value.event as CanonicalEvent, ...hides };
  }
  if (isRecord(value.next)) return { next: value.next as Overlay };
  if (typeof value.hides === 'number' && value.hides >= 0) return { hides: value.hides };
  return undefined;
}

/** The envelope of an event without its `ext`: what records inherit from their context. */
export function envelopeOf(event: CanonicalEvent): Envelope {
  const envelope: Envelope = { runId: event.runId };
  if (event.parentRunId !== undefined) envelope.parentRunId = event.parentRunId;
  if (event.sessionId !== undefined) envelope.sessionId = event.sessionId;
  if (event.actor !== undefined) envelope.actor = event.actor;
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
 * What decoder and encoder of an AI SDK format both know at each point of a stream, so that a
 * record's natural decoding is the same on both sides and only the difference travels.
 */
export interface BridgeState {
  /** The envelope of the run the current message (`start`) belongs to. */
  root: Envelope | undefined;
  /** Envelopes of open text and reasoning blocks, by record id. */
  blocks: Map<string, Envelope>;
  tools: Map<string, TrackedTool>;
  /** Requirements of paused runs, by run id. */
  pending: Map<string, Requirement[]>;
}

/** How many paused runs keep their requirements for a later resume. */
const rememberedPauses = 1024;

/** A fresh {@link BridgeState}. */
export function createBridgeState(): BridgeState {
  return { root: undefined, blocks: new Map(), tools: new Map(), pending: new Map() };
}

/**
 * Records what an event tells later records.
 * @param recordId the id the record used for a text or reasoning block.
 */
export function track(state: BridgeState, event: CanonicalEvent, recordId?: string): void {
  switch (event.type) {
    case 'text-start':
    case 'reasoning-start':
      state.blocks.set(recordId ?? event.id, envelopeOf(event));
      return;
    case 'text-end':
    case 'reasoning-end':
      state.blocks.delete(recordId ?? event.id);
      return;
    case 'tool-input-start': {
      const known = state.tools.get(event.toolCallId);
      state.tools.set(event.toolCallId, { envelope: known?.envelope ?? envelopeOf(event), toolName: event.toolName });
      return;
    }
    case 'tool-call': {
      const known = state.tools.get(event.toolCallId);
      state.tools.set(event.toolCallId, { envelope: known?.envelope ?? envelopeOf(event), toolName: event.toolName, input: event.input });
      return;
    }
    case 'run-pause':
      state.pending.delete(event.runId);
      state.pending.set(event.runId, event.requirements);
      // A log of many paused runs must not grow without bound: the oldest pause is forgotten.
      if (state.pending.size > rememberedPauses) {
        const oldest = state.pending.keys().next().value as string;
        state.pending.delete(oldest);
        forgetTools(state, oldest);
      }
      return;
    case 'run-resume':
      state.pending.delete(event.runId);
      return;
    case 'run-end':
    case 'run-error':
    case 'run-cancel':
      state.pending.delete(event.runId);
      // The run's tool calls are answered or abandoned: nothing later refers to them.
      forgetTools(state, event.runId);
      return;
    default:
      return;
  }
}

function forgetTools(state: BridgeState, runId: string): void {
  for (const [toolCallId, tool] of state.tools) if (tool.envelope.runId === runId) state.tools.delete(toolCallId);
}

/** The envelope a record about a tool call inherits: the call's, else the message's. */
export function toolEnvelope(state: BridgeState, toolCallId: string): Envelope {
  return state.tools.get(toolCallId)?.envelope ?? rootEnvelope(state);
}

/** The envelope a record inside a text or reasoning block inherits. */
export function blockEnvelope(state: BridgeState, id: string): Envelope {
  return state.blocks.get(id) ?? rootEnvelope(state);
}

/** The envelope of the current message; an empty run id before any `start`. */
export function rootEnvelope(state: BridgeState): Envelope {
  return state.root ?? { runId: '' };
}

/** Splits our key out of a metadata object: the overlay, and the rest (undefined when empty). */
export function splitMetadata(metadata: unknown): { overlay: Overlay | undefined; rest: unknown } {
  if (!isRecord(metadata) || !(bridgeKey in metadata)) return { overlay: undefined, rest: metadata };
  const { [bridgeKey]: ours, ...rest } = metadata;
  return { overlay: isRecord(ours) ? (ours as Overlay) : undefined, rest: Object.keys(rest).length === 0 ? undefined : rest };
}

/** Adds an overlay under our key to a metadata object (which may be absent). */
export function withOverlay(metadata: unknown, overlay: Overlay): Record<string, unknown> {
  return { ...(isRecord(metadata) ? metadata : {}), [bridgeKey]: overlay };
}

/** Builds `ext` for a residual of one format's fields; undefined when nothing is left. */
export function extOf(format: string, rest: Record<string, unknown> | undefined): { ext?: Record<string, Record<string, unknown>> } {
  return rest === undefined || Object.keys(rest).length === 0 ? {} : { ext: { [format]: rest } };
}

/** The residual fields one format kept on an event, or an empty object. */
export function extFields(event: CanonicalEvent, format: string): Record<string, unknown> {
  return event.ext?.[format] ?? {};
}
