import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { AgnoDecodeOptions } from './decode.js';
import type { AgnoEncodeOptions } from './encode.js';
import { agnoTargets } from './target.js';

/** The options of the agno decoder, checked before a conversion starts. */
export const agnoDecodeOptionsSchema: OptionsSchema<AgnoDecodeOptions> = z.strictObject({
  content: z.optional(z.enum(['auto', 'delta', 'cumulative'])),
  lastEventIndex: z.optional(z.int().check(z.gte(-1))),
});

/** The options of the agno encoder, checked before a conversion starts. */
export const agnoEncodeOptionsSchema: OptionsSchema<AgnoEncodeOptions> = z.strictObject({
  shape: z.optional(z.enum(['auto', 'events', 'aggregate'])),
  target: z.optional(z.enum(agnoTargets)),
});
