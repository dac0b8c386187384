import { eventTypes } from '../../src/model/event.js';
import { defineFormat } from '../../src/pipeline/format.js';
import { type CanonicalDecodeOptions, createCanonicalDecoder } from './decode.js';
import { type CanonicalEncodeOptions, createCanonicalEncoder } from './encode.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { canonicalDecodeOptionsSchema, canonicalEncodeOptionsSchema } from './options.js';

const types = new Set<string>(eventTypes);

/** This library's own model as JSONL: the identity format. */
export const canonicalFormat = /* @__PURE__ */ defineFormat<CanonicalDecodeOptions, CanonicalEncodeOptions>({
  name: 'canonical',
  title: 'agent-event-bridge canonical events (JSONL)',
  versions: { read: '1', write: '1' },
  detect(record) {
    if (!isRecord(record)) return undefined;
    if ('canonicalVersion' in record && !('type' in record)) return { confidence: 1, version: String(record.canonicalVersion) };
    if (typeof record.type === 'string' && types.has(record.type) && typeof record.runId === 'string') {
      return { confidence: 0.9, version: '1' };
    }
    return undefined;
  },
  createDecoder: createCanonicalDecoder,
  createEncoder: createCanonicalEncoder,
  // The encoder writes events as they are (after its header): a record read as canonical is
  // already what it would write, so writing it from its canonical fields loses nothing.
  sourceFits: () => false,
  relay: {
    wrap(carrier, records) {
      return [{ relay: { groups: carrier.groups, covers: carrier.covers } }, ...records];
    },
    unwrap(record) {
      if (!isRecord(record) || !isRecord(record.relay) || Object.keys(record).length !== 1) return undefined;
      const { groups, covers } = record.relay;
      if (!Array.isArray(groups) || typeof covers !== 'number') return undefined;
      return { groups: groups.filter(isRecord).map((group) => ({ format: String(group.format), records: Array.isArray(group.records) ? group.records : [] })), covers };
    },
  },
  options: { decode: canonicalDecodeOptionsSchema, encode: canonicalEncodeOptionsSchema },
  losses: [
    {
      what: 'unknown fields of the header and of a runs document',
      direction: 'decode',
      code: 'dropped',
      level: 'info',
      note: 'one issue per field; events keep theirs',
    },
  ],
});

export { createCanonicalDecoder, createCanonicalEncoder };
export type { CanonicalDecodeOptions, CanonicalEncodeOptions };
