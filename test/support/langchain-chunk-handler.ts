import { type LangChainMessageHandler, createLangChainDecoder, langchainRecordHandlers } from '../../adapters/langchain/index.js';
import type { AdapterContext } from '../../src/pipeline/format.js';

const context: AdapterContext = { report: () => {}, mint: (kind) => `${kind}-1` };

/** The fields and record the LangChain decoder hands its AIMessageChunk handler for each of `records`. */
export function handledChunks(records: readonly unknown[]): unknown[] {
  const given: unknown[] = [];
  const recording: LangChainMessageHandler = (state, message, out, record) => {
    given.push({ fields: message.fields, record });
    langchainRecordHandlers.AIMessageChunk(state, message, out, record);
  };
  const decoder = createLangChainDecoder(context, { handlers: { AIMessageChunk: recording } });
  for (const record of records) decoder.push(record);
  decoder.flush();
  return given;
}
