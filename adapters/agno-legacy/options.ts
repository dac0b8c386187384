import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { LegacyDecodeOptions } from './decode.js';
import type { LegacyEncodeOptions } from './encode.js';

/** The options of the agno 1.x decoder, checked before a conversion starts. */
export const legacyDecodeOptionsSchema: OptionsSchema<LegacyDecodeOptions> = z.strictObject({
  content: z.optional(z.enum(['auto', 'delta', 'cumulative'])),
});

/** The options of the agno 1.x encoder, checked before a conversion starts. */
export const legacyEncodeOptionsSchema: OptionsSchema<LegacyEncodeOptions> = z.strictObject({
  era: z.optional(z.enum(['A', 'B'])),
  shape: z.optional(z.enum(['auto', 'events', 'aggregate'])),
});
