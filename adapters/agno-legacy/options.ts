import { type OptionsSchema, handlersOption, oneOf, optionsSchema } from '../../src/pipeline/options.js';
import { type LegacyDecodeOptions, legacyEventHandlers } from './decode.js';
import type { LegacyEncodeOptions } from './encode.js';

/** The options of the agno 1.x decoder, checked before a conversion starts. */
export const legacyDecodeOptionsSchema: OptionsSchema<LegacyDecodeOptions> = /* @__PURE__ */ optionsSchema<LegacyDecodeOptions>({
  content: /* @__PURE__ */ oneOf(['auto', 'delta', 'cumulative']),
  // A kind the decoder does not know is refused.
  handlers: /* @__PURE__ */ handlersOption(legacyEventHandlers, 'an object of functions keyed by agno 1.x event kind'),
});

/** The options of the agno 1.x encoder, checked before a conversion starts. */
export const legacyEncodeOptionsSchema: OptionsSchema<LegacyEncodeOptions> = /* @__PURE__ */ optionsSchema<LegacyEncodeOptions>({
  era: /* @__PURE__ */ oneOf(['A', 'B']),
  shape: /* @__PURE__ */ oneOf(['auto', 'events', 'aggregate']),
});
