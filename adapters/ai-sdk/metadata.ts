import type { CanonicalEvent } from '../../src/model/event.js';
import type { Requirement } from '../../src/model/snapshot.js';
import type { Usage } from '../../src/model/usage.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/**
 * Our key under `providerMetadata` / `messageMetadata` and inside `raw.rawValue`, and the name of
 * our `data-*` part: where the lineage, usage and pause information AI SDK chunks have no field
 * for travel.
 */
export const bridgeKey = 'agent-event-bridge';

/** The `type` of our data part (UI chunks): member runs' starts and ends, pauses approvals cannot say. */
export const bridgeDataType = `data-${bridgeKey}`;

/** The `type` of the UI data part that relays source records (written and read with `relay` only). */
export const relayDataType = `data-${bridgeKey}-relay`;

/**
 * What our metadata object holds: the lineage of a member's block or tool part (on its first
 * chunk), the parent of a message's run, and the usage (and for v5 the finish reason) of a run
 * on `finish`.
 */
export interface BridgeMetadata {
  runId?: string;
  parentRunId?: string;
  actor?: CanonicalEvent['actor'];
  usage?: Usage;
  finishReason?: string;
  /**
   * On the tool part of a paused call that waits for the user's answer (user input, user
   * feedback, external execution): the requirement's id, kind, and the schema or questions.
   */
  requirement?: Pick<Requirement, 'id' | 'kind' | 'schema' | 'note'>;
}

/** The fields of our metadata a decoder takes over; anything else under our key is ignored. */
const metadataFields = ['runId', 'parentRunId', 'actor', 'usage', 'finishReason'] as const;

/** The run, parent run and actor of an event: what a member's part says about who wrote it. */
export function lineageOf(event: CanonicalEvent): BridgeMetadata {
  const lineage: BridgeMetadata = { runId: event.runId };
  if (event.parentRunId !== undefined) lineage.parentRunId = event.parentRunId;
  if (event.actor !== undefined) lineage.actor = event.actor;
  return lineage;
}

/** Our metadata in a metadata object (`providerMetadata`, `messageMetadata`, `rawValue`), its known fields only. */
export function readMetadata(metadata: unknown): BridgeMetadata | undefined {
  if (!isRecord(metadata) || !isRecord(metadata[bridgeKey])) return undefined;
  const ours = metadata[bridgeKey];
  const read: Record<string, unknown> = {};
  for (const field of metadataFields) if (ours[field] !== undefined) read[field] = ours[field];
  return Object.keys(read).length === 0 ? undefined : (read as BridgeMetadata);
}

/** Splits our key out of a metadata object: the rest, undefined when nothing else was there. */
export function withoutOurKey(metadata: unknown): unknown {
  if (!isRecord(metadata) || !(bridgeKey in metadata)) return metadata;
  const { [bridgeKey]: _ours, ...rest } = metadata;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** Adds our metadata to a metadata object (which may be absent). */
export function withOurKey(metadata: unknown, ours: BridgeMetadata): Record<string, unknown> {
  return { ...(isRecord(metadata) ? metadata : {}), [bridgeKey]: ours };
}

/** The token figures of a usage (what the AI SDK's `LanguageModelUsage` holds); timings stay out. */
export function tokenUsage(usage: Usage | undefined): Usage | undefined {
  if (usage === undefined) return undefined;
  const tokens: Usage = {};
  for (const key of ['inputTokens', 'outputTokens', 'totalTokens', 'reasoningTokens', 'cacheReadTokens', 'cacheWriteTokens'] as const) {
    if (usage[key] !== undefined) tokens[key] = usage[key];
  }
  return Object.keys(tokens).length === 0 ? undefined : tokens;
}

/** A requirement as a browser may see it: what is asked, never another format's fields. */
function plainRequirement(requirement: Requirement): Requirement {
  const { ext: _ext, ...plain } = requirement;
  return plain;
}

/**
 * The fields of an event our carrier parts hold: its kind, lineage, token usage, finish reason,
 * error text, cancel reason, requirements and a resume's resolutions (the client's own answers).
 * No `ext` (another format's fields), no output, no time.
 */
export function compactEvent(event: CanonicalEvent): CanonicalEvent {
  const compact: Record<string, unknown> = { type: event.type, runId: event.runId };
  if (event.parentRunId !== undefined) compact.parentRunId = event.parentRunId;
  if (event.actor !== undefined) compact.actor = event.actor;
  const fields = event as Record<string, unknown>;
  for (const key of ['finishReason', 'reason']) if (fields[key] !== undefined) compact[key] = fields[key];
  const usage = tokenUsage(fields.usage as Usage | undefined);
  if (usage !== undefined) compact.usage = usage;
  if (event.type === 'run-error') compact.error = { message: event.error.message, ...(event.error.type === undefined ? {} : { type: event.error.type }) };
  if (event.type === 'run-pause') compact.requirements = event.requirements.map(plainRequirement);
  if (event.type === 'run-resume' && event.resolutions !== undefined) compact.resolutions = event.resolutions;
  return compact as CanonicalEvent;
}

/** The event one of our carrier payloads holds (`{event}`), unchecked; undefined when the value is not one. */
export function carriedEvent(value: unknown): unknown {
  return isRecord(value) && isRecord(value.event) ? value.event : undefined;
}
