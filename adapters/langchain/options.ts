import { type OptionsSchema, functionOption, handlersOption, oneOf, optionsSchema } from '../../src/pipeline/options.js';
import { type LangChainDecodeOptions, langchainRecordHandlers } from './decode.js';
import type { LangChainEncodeOptions } from './encode.js';

/**
 * The options of the LangChain decoder, checked before a conversion starts: `handlers` by record
 * type; a type the decoder does not dispatch on is refused.
 */
export const langchainDecodeOptionsSchema: OptionsSchema<LangChainDecodeOptions> = /* @__PURE__ */ optionsSchema<LangChainDecodeOptions>({
  handlers: /* @__PURE__ */ handlersOption(langchainRecordHandlers, 'an object of functions keyed by LangChain record type'),
});

/** The options of the LangChain encoder, checked before a conversion starts. */
export const langchainEncodeOptionsSchema: OptionsSchema<LangChainEncodeOptions> = /* @__PURE__ */ optionsSchema<LangChainEncodeOptions>({
  form: /* @__PURE__ */ oneOf(['constructor', 'stored', 'openai', 'tuple']),
  members: /* @__PURE__ */ oneOf(['inline', 'omit']),
  revive: /* @__PURE__ */ functionOption('a function (record) => record'),
});
