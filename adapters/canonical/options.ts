import { type OptionsSchema, flag, optionsSchema } from '../../src/pipeline/options.js';
import type { CanonicalDecodeOptions } from './decode.js';
import type { CanonicalEncodeOptions } from './encode.js';

/** The canonical decoder takes no options. */
export const canonicalDecodeOptionsSchema: OptionsSchema<CanonicalDecodeOptions> = /* @__PURE__ */ optionsSchema<CanonicalDecodeOptions>({});

/** The options of the canonical encoder, checked before a conversion starts. */
export const canonicalEncodeOptionsSchema: OptionsSchema<CanonicalEncodeOptions> = /* @__PURE__ */ optionsSchema<CanonicalEncodeOptions>({
  header: /* @__PURE__ */ flag(),
});
