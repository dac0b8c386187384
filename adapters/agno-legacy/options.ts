import { z } from 'zod';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { LegacyDecodeOptions } from './decode.js';
import type { LegacyEncodeOptions } from './encode.js';

/** The options of the agno 1.x decoder, checked before a conversion starts. */
export const legacyDecodeOptionsSchema: OptionsSchema<LegacyDecodeOptions> = z.strictObject({
  content: z.enum(['auto', 'delta', 'cumulative']).optional(),
});

/** The options of the agno 1.x encoder, checked before a conversion starts. */
export const legacyEncodeOptionsSchema: OptionsSchema<LegacyEncodeOptions> = z.strictObject({
  era: z.enum(['A', 'B']).optional(),
  shape: z.enum(['auto', 'events', 'aggregate']).optional(),
});
