import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { createBridgeDecoder } from './bridge-decoder.js';
import { bridgeDataType, readBridgePayload } from './overlay.js';
import { metadataOverlay, naturalUiEvents, uiFormatName } from './ui-events.js';

/** Options of the `ai-sdk-ui` decoder. */
export interface UiDecodeOptions {}

/**
 * Reads `UIMessageChunk`s of ai 5, 6 and 7 (the field names did not change): one message per
 * `start`, with a minted run id unless our metadata names the run. Chunks this library wrote
 * give back the canonical events they came from, members and all.
 */
export function createUiDecoder(context: AdapterContext, _options?: UiDecodeOptions): Decoder {
  return createBridgeDecoder(context, {
    format: uiFormatName,
    natural: naturalUiEvents,
    bridgePayload(chunk) {
      if (chunk.type !== bridgeDataType) return undefined;
      return readBridgePayload(chunk.data) ?? 'invalid';
    },
    overlayOf: metadataOverlay,
    opensMessage: (chunk) => chunk.type === 'start',
  });
}
