import type { CanonicalEvent } from '../../src/model/event.js';
import { type BridgeMetadata, compactEvent, lineageOf } from './metadata.js';
import { type StreamState, createStreamState, track } from './state.js';

/** How one AI SDK record format writes: the parts {@link createChunkWriter} needs. */
export interface ChunkWriting {
  /** Puts our metadata into the record's own metadata field; false when the record has none. */
  attach(record: Record<string, unknown>, ours: BridgeMetadata): boolean;
  /** One of our carrier records for a compact event; `id` makes a UI data part persist and update in place. */
  carrier(event: CanonicalEvent, id?: string): Record<string, unknown>;
}

/** Writes records in order, with the state the encoders share and our metadata where it belongs. */
export interface ChunkWriter {
  readonly state: StreamState;
  /**
   * Writes a record for an event. The first record of a member's block or tool part names the
   * member's run, parent and actor in its metadata (deltas and later chunks inherit it, as
   * `useChat` keeps a part's metadata until a chunk brings new); `extra` adds usage and the like.
   * @param recordId the id the record uses for a text or reasoning block.
   */
  emit(record: Record<string, unknown>, event: CanonicalEvent, recordId?: string, extra?: BridgeMetadata): void;
  /** Writes an event the format has no record for (a member's run start or end, a pause) compactly in our carrier. */
  carry(event: CanonicalEvent, id?: string): void;
  /** Writes a record as it is. */
  write(record: Record<string, unknown>): void;
  /** The records written since the last call. */
  take(): unknown[];
}

/** Record types that open a part of their own in the consumer. */
const partOpeners = new Set(['text-start', 'reasoning-start', 'tool-input-start', 'source-url', 'source-document', 'source', 'file', 'reasoning-file', 'custom']);

/** Tool record types that open the tool part when no earlier record of the call was written. */
const toolRecords = new Set([
  'tool-input-available',
  'tool-input-error',
  'tool-output-available',
  'tool-output-error',
  'tool-output-denied',
  'tool-call',
  'tool-result',
  'tool-error',
]);

/** Whether a record opens a part of the message: where a member's lineage is said, once. */
function opensPart(record: Record<string, unknown>, state: StreamState): boolean {
  const type = String(record.type);
  if (partOpeners.has(type)) return true;
  return toolRecords.has(type) && typeof record.toolCallId === 'string' && !state.tools.has(record.toolCallId);
}

/** Creates a {@link ChunkWriter}. */
export function createChunkWriter(writing: ChunkWriting): ChunkWriter {
  const state = createStreamState();
  let out: unknown[] = [];
  return {
    state,
    emit(record, event, recordId, extra) {
      const member = state.root !== undefined && event.runId !== state.root.runId && opensPart(record, state);
      // Nearly every record (a delta of the root run) has nothing of ours: no metadata is built for it.
      if (member || extra !== undefined) {
        const ours: BridgeMetadata = { ...(member ? lineageOf(event) : {}), ...extra };
        if (Object.keys(ours).length > 0) writing.attach(record, ours);
      }
      out.push(record);
      track(state, event, recordId);
    },
    carry(event, id) {
      out.push(writing.carrier(compactEvent(event), id));
      track(state, event);
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
