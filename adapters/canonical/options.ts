import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { CanonicalDecodeOptions } from './decode.js';
import type { CanonicalEncodeOptions } from './encode.js';

/** The canonical decoder takes no options. */
export const canonicalDecodeOptionsSchema: OptionsSchema<CanonicalDecodeOptions> = z.strictObject({});

/** The options of the canonical encoder, checked before a conversion starts. */
export const canonicalEncodeOptionsSchema: OptionsSchema<CanonicalEncodeOptions> = z.strictObject({
  header: z.optional(z.boolean()),
});
