import * as z from 'zod/mini';
import { type OptionsSchema, handlersOption } from '../../src/pipeline/options.js';
import { type AgnoDecodeOptions, agnoEventHandlers } from './decode.js';
import type { AgnoEncodeOptions } from './encode.js';
import { agnoTargets } from './target.js';

/** `handlers`: functions keyed by agno event role; a role the decoder does not know is refused. */
const handlersSchema = handlersOption(agnoEventHandlers, 'an object of functions keyed by agno event role');

/** The options of the agno decoder, checked before a conversion starts. */
export const agnoDecodeOptionsSchema: OptionsSchema<AgnoDecodeOptions> = z.strictObject({
  content: z.optional(z.enum(['auto', 'delta', 'cumulative'])),
  lastEventIndex: z.optional(z.int().check(z.gte(-1))),
  handlers: z.optional(handlersSchema),
});

/** The options of the agno encoder, checked before a conversion starts. */
export const agnoEncodeOptionsSchema: OptionsSchema<AgnoEncodeOptions> = z.strictObject({
  shape: z.optional(z.enum(['auto', 'events', 'aggregate'])),
  target: z.optional(z.enum(agnoTargets)),
});
