import { handlerTable, isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { bridgeKey, carriedEvent, readMetadata } from './metadata.js';
import { type OwnRecord, createChunkDecoder } from './reader.js';
import { type TextStreamPartHandlers, partMetadata, readStreamPart, streamFormatName, textStreamPartHandlers } from './stream-events.js';

/** Options of the `ai-sdk-stream` decoder. */
export interface StreamDecodeOptions {
  /**
   * Handlers that replace the default ones (`textStreamPartHandlers`) for the part types they
   * name, for this decoder only. A handler may call the default of its type and change what it
   * returns.
   */
  handlers?: Partial<TextStreamPartHandlers>;
}

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
 * Each part is read by the handler of its type: `textStreamPartHandlers`, with
 * `options.handlers` over them.
 */
export function createStreamDecoder(context: AdapterContext, options: StreamDecodeOptions = {}): Decoder {
  const handlers = handlerTable(textStreamPartHandlers, options.handlers);
  return createChunkDecoder(context, {
    format: streamFormatName,
    read: (part, state) => readStreamPart(part, state, context, handlers),
    own: ownPart,
    metadataOf: partMetadata,
    opensMessage: (part) => part.type === 'start',
    standsAlone: (part) => part.type === 'ping' || part.type === 'raw',
  });
}
