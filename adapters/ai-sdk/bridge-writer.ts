import type { CanonicalEvent } from '../../src/model/event.js';
import { type BridgePayload, type BridgeState, type Overlay, createBridgeState, diffEvent, envelopeOf, mintedRunIdKey, track } from './overlay.js';

/** How one AI SDK record format writes: the parts {@link createBridgeWriter} needs. */
export interface BridgeWriting {
  /** The format name: the `ext` key where the decoder marks a minted run id. */
  format: string;
  /** The same natural reading the format's decoder uses. */
  natural(record: Record<string, unknown>, state: BridgeState): CanonicalEvent[] | undefined;
  /** Puts an overlay into the record's own metadata; false when the record has no place for it. */
  attach(record: Record<string, unknown>, overlay: Overlay): boolean;
  /**
   * Whether every overlay of a member's record names its run, parent and actor again: useChat
   * keeps the provider metadata of a part's last chunk only, and the part should say who wrote it.
   */
  lineage?: boolean;
  /** One of our carrier records for a payload; `id` makes a UI data part persist and update in place. */
  carrier(payload: BridgePayload, id?: string): Record<string, unknown>;
}

/** Writes records so that decoding them gives back the canonical events they came from. */
export interface BridgeWriter {
  readonly state: BridgeState;
  /**
   * Writes a record for an event: the record, and our overlay in its metadata or in a carrier
   * record just before it when the record's natural reading misses something of the event.
   * @param recordId the id the record uses for a text or reasoning block.
   */
  emit(record: Record<string, unknown>, event: CanonicalEvent, recordId?: string): void;
  /** Writes a whole event into a carrier record (events the format has no record for). */
  standalone(event: CanonicalEvent, id?: string): void;
  /**
   * Writes a whole event, then what `show` writes so that consumers see it, which decoding reads
   * (for the state it builds) but does not emit: the event comes back whole, once.
   */
  shown(event: CanonicalEvent, show: () => void): void;
  /** Writes what only the consumer needs (a repair): decoding reads it but emits nothing of it. */
  repair(write: () => void): void;
  /** Writes a record as it is: one that reads back as no event. */
  write(record: Record<string, unknown>): void;
  /** The records written since the last call. */
  take(): unknown[];
}

/**
 * A record's natural reading as the decoder completes it: a run id it would mint (marked in
 * `ext`) needs no overlay.
 */
function asDecoded(natural: CanonicalEvent, event: CanonicalEvent, format: string): CanonicalEvent {
  if (natural.type !== 'run-start' || natural.runId !== '' || event.ext?.[format]?.[mintedRunIdKey] !== true) return natural;
  return { ...natural, runId: event.runId, ext: { ...natural.ext, [format]: { ...natural.ext?.[format], [mintedRunIdKey]: true } } };
}

/** The run, parent run and actor of an event. */
function lineageOf(event: CanonicalEvent): Record<string, unknown> {
  const { runId, parentRunId, actor } = envelopeOf(event);
  return { runId, ...(parentRunId === undefined ? {} : { parentRunId }), ...(actor === undefined ? {} : { actor }) };
}

/** Creates a {@link BridgeWriter}. */
export function createBridgeWriter(writing: BridgeWriting): BridgeWriter {
  const state = createBridgeState();
  let out: unknown[] = [];
  /** Records written that read back as events, for `hides`. */
  let events = 0;
  return {
    state,
    emit(record, event, recordId) {
      const natural = writing.natural(record, state)?.at(-1);
      let overlay = natural === undefined ? undefined : diffEvent(event, asDecoded(natural, event, writing.format));
      if (overlay !== undefined && writing.lineage === true && state.root !== undefined && event.runId !== state.root.runId) {
        overlay = { ...lineageOf(event), ...overlay };
      }
      if (overlay !== undefined && !writing.attach(record, overlay)) out.push(writing.carrier({ next: overlay }));
      out.push(record);
      events += writing.natural(record, state)?.length ?? 0;
      if (natural?.type === 'run-start' && natural.runId === '') state.root = envelopeOf(event);
      track(state, event, recordId);
    },
    standalone(event, id) {
      out.push(writing.carrier({ event }, id));
      events += 1;
      track(state, event);
    },
    shown(event, show) {
      const payload: { event: CanonicalEvent; hides?: number } = { event };
      out.push(writing.carrier(payload));
      const before = events;
      show();
      payload.hides = events - before;
    },
    repair(write) {
      const payload = { hides: 0 };
      const at = out.length;
      out.push(writing.carrier(payload));
      const before = events;
      write();
      payload.hides = events - before;
      // A repair that wrote nothing needs no carrier.
      if (payload.hides === 0 && out.length === at + 1) out.pop();
    },
    write(record) {
      out.push(record);
    },
    take() {
      const taken = out;
      out = [];
      return taken;
    },
  };
}
