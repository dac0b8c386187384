import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { bridgeKey, carriedEvent, readMetadata } from './metadata.js';
import { type OwnRecord, createChunkDecoder } from './reader.js';
import { partMetadata, readStreamPart, streamFormatName } from './stream-events.js';

/** Options of the `ai-sdk-stream` decoder. */
export interface StreamDecodeOptions {}

/** What one of our `raw` parts holds: relayed records, a compact event, or the next message's lineage. */
function ownPart(part: Record<string, unknown>): OwnRecord | undefined {
  if (part.type !== 'raw' || !isRecord(part.rawValue) || !isRecord(part.rawValue[bridgeKey])) return undefined;
  const ours = part.rawValue[bridgeKey];
  if ('relay' in ours) return { relay: true };
  if ('event' in ours) return { event: carriedEvent(ours) };
  return { next: readMetadata(part.rawValue) ?? {} };
}

/**
 * Reads `TextStreamPart`s (`streamText().stream`, as JSON) of ai 5, 6 and 7, and the ai 4 names
 * (`textDelta`, `args`, `result`, `step-finish`, …): one run per `start`, minted unless our raw
 * part before it names the run. Our metadata gives a member's block or tool part its lineage.
 */
export function createStreamDecoder(context: AdapterContext, _options?: StreamDecodeOptions): Decoder {
  return createChunkDecoder(context, {
    format: streamFormatName,
    read: readStreamPart,
    own: ownPart,
    metadataOf: partMetadata,
    opensMessage: (part) => part.type === 'start',
    standsAlone: (part) => part.type === 'ping' || part.type === 'raw',
  });
}
