export { langchainFormat, langchainReader, langchainWriter } from './format.js';
export {
  createLangChainDecoder,
  langchainRecordHandlers,
  type LangChainDecodeOptions,
  type LangChainDecoderState,
  type LangChainMessageHandler,
  type LangChainRecordHandlers,
  type LangChainStreamEventHandler,
  type RunState,
} from './decode.js';
export { createLangChainEncoder, formFor, type LangChainEncodeOptions, type WrittenForm } from './encode.js';
export { lineageKey, type MessageForm, type MessageKind } from './schema.js';
export type { Lineage, RunInfo } from './lineage.js';
export {
  fromLangChainMessages,
  reviveLangChainRecord,
  toLangChainChunkLists,
  toLangChainChunks,
  toLangChainMessages,
  type FromRecordsOptions,
  type ToLangChainOptions,
} from './instances.js';
