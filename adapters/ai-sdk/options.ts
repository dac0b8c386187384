import { type OptionsSchema, handlersOption, oneOf, optionsSchema } from '../../src/pipeline/options.js';
import type { StreamDecodeOptions } from './stream-decoder.js';
import { textStreamPartHandlers } from './stream-events.js';
import type { StreamEncodeOptions } from './stream-encoder.js';
import type { UiDecodeOptions } from './ui-decoder.js';
import type { UiEncodeOptions } from './ui-encoder.js';
import { uiMessageChunkHandlers } from './ui-events.js';

/** The options of the UI message stream decoder: `handlers` by chunk type; a type the reader does not dispatch on is refused. */
export const uiDecodeOptionsSchema: OptionsSchema<UiDecodeOptions> = /* @__PURE__ */ optionsSchema<UiDecodeOptions>({
  handlers: /* @__PURE__ */ handlersOption(uiMessageChunkHandlers, 'an object of functions keyed by UIMessageChunk type'),
});

/** The options of the UI message stream encoder, checked before a conversion starts. */
export const uiEncodeOptionsSchema: OptionsSchema<UiEncodeOptions> = /* @__PURE__ */ optionsSchema<UiEncodeOptions>({
  target: /* @__PURE__ */ oneOf(['v5', 'v6', 'v7']),
});

/** The options of the full-stream decoder: `handlers` by part type; a type the reader does not dispatch on is refused. */
export const streamDecodeOptionsSchema: OptionsSchema<StreamDecodeOptions> = /* @__PURE__ */ optionsSchema<StreamDecodeOptions>({
  handlers: /* @__PURE__ */ handlersOption(textStreamPartHandlers, 'an object of functions keyed by TextStreamPart type'),
});

/** The full-stream encoder takes no options. */
export const streamEncodeOptionsSchema: OptionsSchema<StreamEncodeOptions> = /* @__PURE__ */ optionsSchema<StreamEncodeOptions>({});
