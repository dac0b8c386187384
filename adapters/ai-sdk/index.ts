export { aiSdkStreamFormat, aiSdkStreamReader, aiSdkStreamWriter, aiSdkUiFormat, aiSdkUiReader, aiSdkUiWriter } from './format.js';
export { bridgeDataType, bridgeKey, relayDataType } from './metadata.js';
export {
  pipeUIMessageStreamToServerResponse,
  toUIMessageChunkStream,
  toUIMessageStreamResponse,
  uiMessageStreamHeaders,
  uiMessageStreamText,
  type CancelledRun,
  type RecordSource,
  type ServerResponseLike,
  type UIMessageStreamOptions,
} from './response.js';
export { toResumedUIMessageStreamResponse, type ResumedUIMessageStreamOptions } from './resume.js';
export { createStreamDecoder, type StreamDecodeOptions } from './stream-decoder.js';
export { createStreamEncoder, type StreamEncodeOptions } from './stream-encoder.js';
export type { StreamState, TrackedTool } from './state.js';
export {
  textStreamPartHandlers,
  type TextStreamPartHandler,
  type TextStreamPartHandlers,
  type TextStreamPartType,
} from './stream-events.js';
export { createUiDecoder, type UiDecodeOptions } from './ui-decoder.js';
export { createUiEncoder, type UiEncodeOptions, type UiTarget } from './ui-encoder.js';
export {
  uiMessageChunkHandlers,
  type UIMessageChunkHandler,
  type UIMessageChunkHandlers,
  type UIMessageChunkType,
} from './ui-events.js';
export { fromUIMessages, toUIMessages, type FromUIMessagesOptions, type ToUIMessagesOptions } from './ui-messages.js';
export { resolutionsFromUIMessages, type ResolutionsFromUIMessagesOptions } from './answers.js';
export type { Resolution } from '../../src/model/snapshot.js';
