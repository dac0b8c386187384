import { handlerTable } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { bridgeDataType, carriedEvent, relayDataType } from './metadata.js';
import { type OwnRecord, createChunkDecoder } from './reader.js';
import { type UIMessageChunkHandlers, chunkMetadata, readUiChunk, uiFormatName, uiMessageChunkHandlers } from './ui-events.js';

/** Options of the `ai-sdk-ui` decoder. */
export interface UiDecodeOptions {
  /**
   * Handlers that replace the default ones (`uiMessageChunkHandlers`) for the chunk types they
   * name, for this decoder only (`data-*` reads every data part). A handler may call the default
   * of its type and change what it returns.
   */
  handlers?: Partial<UIMessageChunkHandlers>;
}

/** What one of our data parts holds. */
function ownChunk(chunk: Record<string, unknown>): OwnRecord | undefined {
  if (chunk.type === relayDataType) return { relay: true };
  if (chunk.type !== bridgeDataType) return undefined;
  return { event: carriedEvent(chunk.data) };
}

/**
 * Reads `UIMessageChunk`s of ai 5, 6 and 7 (the field names did not change): one run per
 * `start`, named by its `messageId` (minted when there is none). Our metadata gives a member's
 * block or tool part its run, parent and actor, and a message its usage; our data parts give
 * back members' run starts and ends and pauses. Each chunk is read by the handler of its type:
 * `uiMessageChunkHandlers`, with `options.handlers` over them.
 */
export function createUiDecoder(context: AdapterContext, options: UiDecodeOptions = {}): Decoder {
  const handlers = handlerTable(uiMessageChunkHandlers, options.handlers);
  return createChunkDecoder(context, {
    format: uiFormatName,
    read: (chunk, state) => readUiChunk(chunk, state, context, handlers),
    own: ownChunk,
    metadataOf: chunkMetadata,
    opensMessage: (chunk) => chunk.type === 'start',
    // useChat merges metadata written after `finish` into the message that finished.
    followsFinish: (chunk) => chunk.type === 'message-metadata',
  });
}
