import { type OptionsSchema, handlersOption, integerFrom, oneOf, optionsSchema } from '../../src/pipeline/options.js';
import { type AgnoDecodeOptions, agnoEventHandlers } from './decode.js';
import type { AgnoEncodeOptions } from './encode.js';
import { agnoTargets } from './target.js';

/** The options of the agno decoder, checked before a conversion starts. */
export const agnoDecodeOptionsSchema: OptionsSchema<AgnoDecodeOptions> = /* @__PURE__ */ optionsSchema<AgnoDecodeOptions>({
  content: /* @__PURE__ */ oneOf(['auto', 'delta', 'cumulative']),
  lastEventIndex: /* @__PURE__ */ integerFrom(-1),
  // A role the decoder does not know is refused.
  handlers: /* @__PURE__ */ handlersOption(agnoEventHandlers, 'an object of functions keyed by agno event role'),
});

/** The options of the agno encoder, checked before a conversion starts. */
export const agnoEncodeOptionsSchema: OptionsSchema<AgnoEncodeOptions> = /* @__PURE__ */ optionsSchema<AgnoEncodeOptions>({
  shape: /* @__PURE__ */ oneOf(['auto', 'events', 'aggregate']),
  target: /* @__PURE__ */ oneOf(agnoTargets),
});
