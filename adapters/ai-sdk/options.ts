import { type OptionsSchema, oneOf, optionsSchema } from '../../src/pipeline/options.js';
import type { StreamDecodeOptions } from './stream-decoder.js';
import type { StreamEncodeOptions } from './stream-encoder.js';
import type { UiDecodeOptions } from './ui-decoder.js';
import type { UiEncodeOptions } from './ui-encoder.js';

/** The UI message stream decoder takes no options. */
export const uiDecodeOptionsSchema: OptionsSchema<UiDecodeOptions> = /* @__PURE__ */ optionsSchema<UiDecodeOptions>({});

/** The options of the UI message stream encoder, checked before a conversion starts. */
export const uiEncodeOptionsSchema: OptionsSchema<UiEncodeOptions> = /* @__PURE__ */ optionsSchema<UiEncodeOptions>({
  target: /* @__PURE__ */ oneOf(['v5', 'v6', 'v7']),
});

/** The full-stream decoder takes no options. */
export const streamDecodeOptionsSchema: OptionsSchema<StreamDecodeOptions> = /* @__PURE__ */ optionsSchema<StreamDecodeOptions>({});

/** The full-stream encoder takes no options. */
export const streamEncodeOptionsSchema: OptionsSchema<StreamEncodeOptions> = /* @__PURE__ */ optionsSchema<StreamEncodeOptions>({});
