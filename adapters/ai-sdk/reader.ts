import { type CanonicalEvent, canonicalEventSchema } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import type { BridgeMetadata } from './metadata.js';
import { type StreamState, afterFinishKey, createStreamState, envelopeOf, forgetRun, mintedRunIdKey, noStartKey, sayPause, sayPauses, trackRead } from './state.js';
import { append } from '../../src/model/append.js';
import { envelopeOf as runEnvelopeOf } from '../../src/model/explode.js';

/** What one of our own records in a stream is. */
export type OwnRecord =
  /** A compact event of ours (a member's run start or end, a pause), unchecked. */
  | { event: unknown }
  /** Metadata for the next `start` (the stream format's message lineage). */
  | { next: BridgeMetadata }
  /** Relayed source records, read by the pipeline only when the reader asks for relay. */
  | { relay: true };

/** How one AI SDK record format reads: the parts {@link createChunkDecoder} needs. */
export interface ChunkReading {
  /** The registered format name, for `raw` events and issues. */
  format: string;
  /** What a record says; undefined for an unknown record type. */
  read(record: Record<string, unknown>, state: StreamState): CanonicalEvent[] | undefined;
  /** What one of our own records holds; undefined for the format's ordinary records. */
  own(record: Record<string, unknown>): OwnRecord | undefined;
  /** Our metadata in a record's own metadata field. */
  metadataOf(record: Record<string, unknown>): BridgeMetadata | undefined;
  /** Whether the record opens a message (`start`). */
  opensMessage(record: Record<string, unknown>): boolean;
  /** Whether the record may come before any `start` without a repair (a keep-alive, …). */
  standsAlone?(record: Record<string, unknown>): boolean;
  /**
   * Whether the record, coming after `finish`, still belongs to the message that finished
   * (`message-metadata`): the run's end is then held until a record that does not.
   */
  followsFinish?(record: Record<string, unknown>): boolean;
}

/** The events that end a message's run, or leave it waiting (a pause). */
const messageEnds: ReadonlySet<string> = new Set(['run-end', 'run-error', 'run-cancel', 'run-pause']);

/** The run-start a member's first event says: its run, parent, session and actor. */
function memberStart(event: CanonicalEvent): CanonicalEvent {
  return { type: 'run-start', ...runEnvelopeOf(event) };
}

/**
 * A decoder for the AI SDK's record streams: each record's events, with the lineage and usage
 * our metadata names applied to the last of them, and our carrier records read back as the
 * events they hold.
 */
export function createChunkDecoder(context: AdapterContext, reading: ChunkReading): Decoder {
  const state = createStreamState();
  /** Metadata for the next `start`. */
  let next: BridgeMetadata | undefined;
  let relayReported = false;
  /** Runs of the current message seen so far: a member's first part or end says its start. */
  const runs = new Set<string>();
  /** The message's run-end, held while records that still belong to the message follow `finish`. */
  let heldEnd: CanonicalEvent[] = [];

  /** Pauses said outside the record that asked for them, tracked as the events of a record are. */
  function said(pauses: CanonicalEvent[]): CanonicalEvent[] {
    for (const pause of pauses) trackRead(state, pause);
    return pauses;
  }

  /** The events, each member run named for the first time preceded by its run-start. */
  function introduce(events: CanonicalEvent[]): CanonicalEvent[] {
    const out: CanonicalEvent[] = [];
    for (const event of events) {
      if (!runs.has(event.runId) && event.parentRunId !== undefined && event.type !== 'raw') {
        runs.add(event.runId);
        if (event.type !== 'run-start') out.push(memberStart(event));
      }
      out.push(event);
    }
    return out;
  }

  function raw(record: unknown, runId: string): CanonicalEvent {
    return { type: 'raw', runId, format: reading.format, payload: record };
  }

  function openImplicitMessage(record: Record<string, unknown>): CanonicalEvent[] {
    const runId = context.mint('run');
    state.root = { runId };
    context.report({
      code: 'minted',
      level: 'info',
      eventType: String(record.type),
      runId,
      message: `the stream has no start record before "${String(record.type)}"; the run id ${runId} was minted and a run-start added`,
    });
    return [{ type: 'run-start', runId, ext: { [reading.format]: { [mintedRunIdKey]: true, [noStartKey]: true } } }];
  }

  function fromOwn(record: Record<string, unknown>, own: OwnRecord): CanonicalEvent[] {
    if ('next' in own) {
      next = own.next;
      return [];
    }
    if ('relay' in own) {
      if (!relayReported) {
        relayReported = true;
        context.report({
          code: 'dropped',
          level: 'info',
          message: `a ${reading.format} stream relays source records; they are read only when relay is asked for, and were left out`,
        });
      }
      return [];
    }
    const parsed = canonicalEventSchema.safeParse(own.event);
    if (!parsed.success) {
      context.report({
        code: 'invalid-input',
        level: 'warning',
        message: `a ${reading.format} record of agent-event-bridge holds no valid canonical event; kept as raw`,
      });
      return [raw(record, state.root?.runId ?? 'unknown')];
    }
    const event = own.event as CanonicalEvent;
    trackRead(state, event);
    return introduce([event]);
  }

  /** The event with our metadata applied, or as read when the metadata would make it invalid. */
  function withMetadata(event: CanonicalEvent, ours: BridgeMetadata, type: string): CanonicalEvent {
    const applied = { ...event, ...ours } as CanonicalEvent;
    if (canonicalEventSchema.safeParse(applied).success) return applied;
    context.report({
      code: 'invalid-input',
      level: 'warning',
      eventType: type,
      message: `the agent-event-bridge metadata of a ${reading.format} "${type}" record does not give a valid canonical event; it was ignored`,
    });
    return event;
  }

  function decode(record: Record<string, unknown>): CanonicalEvent[] {
    const opens = reading.opensMessage(record);
    // A message that ends without `finish` still paused where it asked for approvals.
    const before = opens ? said(sayPauses(state)) : [];
    if (state.root === undefined && !opens && reading.standsAlone?.(record) !== true) append(before, openImplicitMessage(record));

    const events = reading.read(record, state);
    if (events === undefined) {
      context.report({
        code: 'unknown-event',
        level: 'warning',
        eventType: String(record.type),
        message: `unknown ${reading.format} record type "${record.type}"; kept as raw`,
      });
      return [...before, raw(record, state.root?.runId ?? 'unknown')];
    }
    const ours = opens ? { ...next, ...reading.metadataOf(record) } : reading.metadataOf(record);
    if (opens) next = undefined;
    const last = events.length - 1;
    if (last >= 0 && ours !== undefined && Object.keys(ours).length > 0) events[last] = withMetadata(events[last] as CanonicalEvent, ours, String(record.type));
    if (opens && events[last] !== undefined) {
      let start = events[last] as CanonicalEvent;
      if (start.runId === '') {
        const own = { ...start.ext?.[reading.format], [mintedRunIdKey]: true };
        start = { ...start, runId: context.mint('run'), ext: { ...start.ext, [reading.format]: own } };
        events[last] = start;
        context.report({
          code: 'minted',
          level: 'info',
          eventType: String(record.type),
          runId: start.runId,
          message: `AI SDK streams carry no run id; ${start.runId} was minted`,
        });
      }
      state.root = envelopeOf(start);
      state.failed = undefined;
      runs.clear();
      runs.add(start.runId);
    }
    const recordId = typeof record.id === 'string' ? record.id : undefined;
    for (const event of events) trackRead(state, event, recordId);
    return introduce(append(before, events));
  }

  /**
   * Whether the events end the message's own run (`finish`, `error`, `abort`, or the `finish` of a
   * pause), so a record after them may still belong to it: ai's reader merges metadata after any
   * of them into the message it ended.
   */
  function endsMessage(events: readonly CanonicalEvent[]): boolean {
    const last = events[events.length - 1];
    return reading.followsFinish !== undefined && last !== undefined && messageEnds.has(last.type) && last.runId === state.root?.runId;
  }

  /** The events of a record, the message's end held back while what follows still belongs to it. */
  function inOrder(record: unknown, events: CanonicalEvent[]): CanonicalEvent[] {
    const held = heldEnd;
    if (held.length > 0) {
      heldEnd = [];
      if (isRecord(record) && reading.followsFinish?.(record) === true) {
        heldEnd = held;
        return events.map((event) => ({ ...event, ext: { ...event.ext, [reading.format]: { ...event.ext?.[reading.format], [afterFinishKey]: true } } }));
      }
    }
    if (endsMessage(events)) heldEnd = events.splice(events.length - 1);
    // Most records follow no held end: their events (a fresh array) pass without a copy.
    return held.length === 0 ? events : append(held, events);
  }

  function read(record: unknown): CanonicalEvent[] {
    if (!isRecord(record) || typeof record.type !== 'string') {
      context.report({
        code: 'invalid-input',
        level: 'warning',
        message: `not a ${reading.format} record (an object with a string "type"); kept as raw`,
      });
      return [raw(record, state.root?.runId ?? 'unknown')];
    }
    const own = reading.own(record);
    if (own !== undefined) return fromOwn(record, own);
    return decode(record);
  }

  return {
    push(record) {
      return inOrder(record, read(record));
    },
    flush() {
      const held = heldEnd;
      heldEnd = [];
      // A stream cut after its approval requests: the runs that asked wait for them.
      return append(held, said(sayPauses(state)));
    },
    forget(runId) {
      runs.delete(runId);
      const pause = sayPause(state, runId);
      forgetRun(state, runId);
      // The end of a finished message held for metadata that may follow is said now, as flush says it.
      if (heldEnd[0]?.runId !== runId) return pause;
      const held = heldEnd;
      heldEnd = [];
      return append(held, pause);
    },
  };
}
