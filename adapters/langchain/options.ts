import { type OptionsSchema, functionOption, oneOf, optionField, optionsSchema } from '../../src/pipeline/options.js';
import type { LangChainDecodeOptions } from './decode.js';
import type { LangChainEncodeOptions } from './encode.js';

/** The record types the decoder dispatches on (see `LangChainRecordHandlers`): one handler option each. */
const recordTypes = ['human', 'ai', 'system', 'tool', 'generic', 'function', 'remove', 'AIMessageChunk', 'streamEvent'];

/**
 * `handlers`: an object whose keys are record types and whose values are functions (or left
 * `undefined`); what a handler does is the caller's to get right, as with any callback.
 */
function isHandlers(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([key, handler]) => recordTypes.includes(key) && (handler === undefined || typeof handler === 'function'));
}

/**
 * The options of the LangChain decoder, checked before a conversion starts: `handlers` names
 * only the record types the decoder dispatches on.
 */
export const langchainDecodeOptionsSchema: OptionsSchema<LangChainDecodeOptions> = /* @__PURE__ */ optionsSchema<LangChainDecodeOptions>({
  handlers: /* @__PURE__ */ optionField(isHandlers, `handlers by record type: ${recordTypes.join(', ')}`),
});

/** The options of the LangChain encoder, checked before a conversion starts. */
export const langchainEncodeOptionsSchema: OptionsSchema<LangChainEncodeOptions> = /* @__PURE__ */ optionsSchema<LangChainEncodeOptions>({
  form: /* @__PURE__ */ oneOf(['constructor', 'stored', 'openai', 'tuple']),
  members: /* @__PURE__ */ oneOf(['inline', 'omit']),
  revive: /* @__PURE__ */ functionOption('a function (record) => record'),
});
