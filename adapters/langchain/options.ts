import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { LangChainDecodeOptions } from './decode.js';
import type { LangChainEncodeOptions } from './encode.js';

/** The LangChain decoder takes no options. */
export const langchainDecodeOptionsSchema: OptionsSchema<LangChainDecodeOptions> = z.strictObject({});

/** The options of the LangChain encoder, checked before a conversion starts. */
export const langchainEncodeOptionsSchema: OptionsSchema<LangChainEncodeOptions> = z.strictObject({
  form: z.optional(z.enum(['constructor', 'stored', 'openai', 'tuple'])),
  members: z.optional(z.enum(['inline', 'omit'])),
  revive: z.optional(
    z.custom<(record: unknown) => unknown>((value) => typeof value === 'function').check(z.describe('a function (record) => record')),
  ),
});
