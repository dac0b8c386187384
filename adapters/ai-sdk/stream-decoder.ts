import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { createBridgeDecoder } from './bridge-decoder.js';
import { bridgeKey, readBridgePayload } from './overlay.js';
import { naturalStreamEvents, partOverlay, streamFormatName } from './stream-events.js';

/** Options of the `ai-sdk-stream` decoder. */
export interface StreamDecodeOptions {}

/**
 * Reads `TextStreamPart`s (`streamText().stream`, as JSON) of ai 5, 6 and 7, and the ai 4 names
 * (`textDelta`, `args`, `result`, `step-finish`, …): one run per `start`, with a minted run id
 * unless our metadata names it. Parts this library wrote give back the events they came from.
 */
export function createStreamDecoder(context: AdapterContext, _options?: StreamDecodeOptions): Decoder {
  return createBridgeDecoder(context, {
    format: streamFormatName,
    natural: naturalStreamEvents,
    bridgePayload(part) {
      if (part.type !== 'raw' || !isRecord(part.rawValue) || !(bridgeKey in part.rawValue)) return undefined;
      return readBridgePayload(part.rawValue[bridgeKey]) ?? 'invalid';
    },
    overlayOf: partOverlay,
    opensMessage: (part) => part.type === 'start',
    standsAlone: (part) => part.type === 'ping' || part.type === 'raw',
  });
}
