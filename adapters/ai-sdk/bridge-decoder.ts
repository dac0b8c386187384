import { type CanonicalEvent, canonicalEventSchema } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import {
  type BridgePayload,
  type BridgeState,
  type Overlay,
  applyOverlay,
  createBridgeState,
  envelopeOf,
  mintedRunIdKey,
  noStartKey,
  track,
} from './overlay.js';

/** How one AI SDK record format reads: the parts {@link createBridgeDecoder} needs. */
export interface BridgeReading {
  /** The registered format name, for `raw` events and issues. */
  format: string;
  /** What a record says on its own; undefined for an unknown record type. */
  natural(record: Record<string, unknown>, state: BridgeState): CanonicalEvent[] | undefined;
  /** Our bridge payload when the record is one of our carriers. */
  bridgePayload(record: Record<string, unknown>): BridgePayload | 'invalid' | undefined;
  /** The overlay a record carries in its own metadata. */
  overlayOf(record: Record<string, unknown>): Overlay | undefined;
  /** Whether the record opens a message (`start`). */
  opensMessage(record: Record<string, unknown>): boolean;
  /** Whether the record may come before any `start` without a repair (a keep-alive, …). */
  standsAlone?(record: Record<string, unknown>): boolean;
}

/**
 * A decoder for the AI SDK's record streams: each record's natural events, our overlay applied
 * to the last of them, and our bridge payloads turned back into the events they carry.
 */
export function createBridgeDecoder(context: AdapterContext, reading: BridgeReading): Decoder {
  const state = createBridgeState();
  let next: Overlay | undefined;
  /** Events still to read but not emit: they only showed a whole event already emitted. */
  let hidden = 0;

  function visible(events: CanonicalEvent[]): CanonicalEvent[] {
    if (hidden === 0) return events;
    const shown = events.slice(Math.min(hidden, events.length));
    hidden = Math.max(0, hidden - events.length);
    return shown;
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

  function fromPayload(record: unknown, payload: BridgePayload | 'invalid'): CanonicalEvent[] {
    if (payload !== 'invalid' && 'next' in payload) {
      next = payload.next;
      return [];
    }
    if (payload !== 'invalid' && !('event' in payload)) {
      // A repair inside a hidden stretch is already counted in it.
      if (hidden === 0) hidden = payload.hides;
      return [];
    }
    const parsed = payload === 'invalid' ? undefined : canonicalEventSchema.safeParse(payload.event);
    if (parsed === undefined || !parsed.success || payload === 'invalid') {
      context.report({
        code: 'invalid-input',
        level: 'warning',
        message: `a ${reading.format} bridge record of agent-event-bridge holds no valid canonical event; kept as raw`,
      });
      return [raw(record, state.root?.runId ?? 'unknown')];
    }
    const event = payload.event;
    const output = visible([event]);
    track(state, event);
    hidden += payload.hides ?? 0;
    return output;
  }

  return {
    push(record) {
      if (!isRecord(record) || typeof record.type !== 'string') {
        context.report({
          code: 'invalid-input',
          level: 'warning',
          message: `not a ${reading.format} record (an object with a string "type"); kept as raw`,
        });
        return [raw(record, state.root?.runId ?? 'unknown')];
      }
      const payload = reading.bridgePayload(record);
      if (payload !== undefined) return fromPayload(record, payload);
      return visible(decode(record));
    },
    flush() {
      return [];
    },
  };

  /** The event with our overlay applied, or as read when the overlay would make it invalid. */
  function withOverlay(natural: CanonicalEvent, overlay: Overlay, type: string): CanonicalEvent {
    const event = applyOverlay(natural, overlay);
    if (canonicalEventSchema.safeParse(event).success) return event;
    context.report({
      code: 'invalid-input',
      level: 'warning',
      eventType: type,
      message: `the agent-event-bridge metadata of a ${reading.format} "${type}" record does not give a valid canonical event; it was ignored`,
    });
    return natural;
  }

  function decode(record: Record<string, unknown>): CanonicalEvent[] {
    const before: CanonicalEvent[] = [];
    const opens = reading.opensMessage(record);
    if (state.root === undefined && !opens && reading.standsAlone?.(record) !== true) before.push(...openImplicitMessage(record));

    const events = reading.natural(record, state);
    if (events === undefined) {
      next = undefined;
      context.report({
        code: 'unknown-event',
        level: 'warning',
        eventType: String(record.type),
        message: `unknown ${reading.format} record type "${record.type}"; kept as raw`,
      });
      return [...before, raw(record, state.root?.runId ?? 'unknown')];
    }
    const overlay = reading.overlayOf(record) ?? next;
    next = undefined;
    const last = events.length - 1;
    if (last >= 0 && overlay !== undefined) events[last] = withOverlay(events[last] as CanonicalEvent, overlay, String(record.type));
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
    }
    const recordId = typeof record.id === 'string' ? record.id : undefined;
    for (const event of events) track(state, event, recordId);
    return [...before, ...events];
  }
}
