import * as z from 'zod/mini';
import { type OptionsSchema, handlersOption } from '../../src/pipeline/options.js';
import { type LegacyDecodeOptions, legacyEventHandlers } from './decode.js';
import type { LegacyEncodeOptions } from './encode.js';

/** `handlers`: functions keyed by agno 1.x event kind; a kind the decoder does not know is refused. */
const handlersSchema = handlersOption(legacyEventHandlers, 'an object of functions keyed by agno 1.x event kind');

/** The options of the agno 1.x decoder, checked before a conversion starts. */
export const legacyDecodeOptionsSchema: OptionsSchema<LegacyDecodeOptions> = z.strictObject({
  content: z.optional(z.enum(['auto', 'delta', 'cumulative'])),
  handlers: z.optional(handlersSchema),
});

/** The options of the agno 1.x encoder, checked before a conversion starts. */
export const legacyEncodeOptionsSchema: OptionsSchema<LegacyEncodeOptions> = z.strictObject({
  era: z.optional(z.enum(['A', 'B'])),
  shape: z.optional(z.enum(['auto', 'events', 'aggregate'])),
});
