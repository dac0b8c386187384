import { z } from 'zod';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { AgnoDecodeOptions } from './decode.js';
import type { AgnoEncodeOptions } from './encode.js';
import { agnoTargets } from './target.js';

/** The options of the agno decoder, checked before a conversion starts. */
export const agnoDecodeOptionsSchema: OptionsSchema<AgnoDecodeOptions> = z.strictObject({
  content: z.enum(['auto', 'delta', 'cumulative']).optional(),
  lastEventIndex: z.number().int().min(-1).optional(),
});

/** The options of the agno encoder, checked before a conversion starts. */
export const agnoEncodeOptionsSchema: OptionsSchema<AgnoEncodeOptions> = z.strictObject({
  shape: z.enum(['auto', 'events', 'aggregate']).optional(),
  target: z.enum(agnoTargets).optional(),
});
