import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { LangChainDecodeOptions, LangChainMessageHandler, LangChainStreamEventHandler } from './decode.js';
import type { LangChainEncodeOptions } from './encode.js';

/** A function option; what it returns is the caller's to get right, as with any callback. */
function functionOption<F>(shape: string) {
  return z.custom<F>((value) => typeof value === 'function').check(z.describe(`a function ${shape}`));
}

/**
 * The handler of one record type; the intersection of the two handler types stands for either,
 * as each key's type in `LangChainRecordHandlers` says which.
 */
const handler = z.optional(functionOption<LangChainMessageHandler & LangChainStreamEventHandler>('(state, …) => void'));

/** One handler option per record type the decoder dispatches on (see `LangChainRecordHandlers`). */
const handlersShape = {
  human: handler,
  ai: handler,
  system: handler,
  tool: handler,
  generic: handler,
  function: handler,
  remove: handler,
  AIMessageChunk: handler,
  streamEvent: handler,
};

/**
 * The options of the LangChain decoder, checked before a conversion starts: `handlers` names
 * only the record types the decoder dispatches on.
 */
export const langchainDecodeOptionsSchema: OptionsSchema<LangChainDecodeOptions> = z.strictObject({
  handlers: z.optional(z.strictObject(handlersShape).check(z.describe(`handlers by record type: ${Object.keys(handlersShape).join(', ')}`))),
});

/** The options of the LangChain encoder, checked before a conversion starts. */
export const langchainEncodeOptionsSchema: OptionsSchema<LangChainEncodeOptions> = z.strictObject({
  form: z.optional(z.enum(['constructor', 'stored', 'openai', 'tuple'])),
  members: z.optional(z.enum(['inline', 'omit'])),
  revive: z.optional(functionOption<(record: unknown) => unknown>('(record) => record')),
});
