import { z } from 'zod';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { LangChainDecodeOptions } from './decode.js';
import type { LangChainEncodeOptions } from './encode.js';

/** The LangChain decoder takes no options. */
export const langchainDecodeOptionsSchema: OptionsSchema<LangChainDecodeOptions> = z.strictObject({});

/** The options of the LangChain encoder, checked before a conversion starts. */
export const langchainEncodeOptionsSchema: OptionsSchema<LangChainEncodeOptions> = z.strictObject({
  form: z.enum(['constructor', 'stored', 'openai', 'tuple']).optional(),
  members: z.enum(['inline', 'omit']).optional(),
  revive: z
    .custom<(record: unknown) => unknown>((value) => typeof value === 'function')
    .describe('a function (record) => record')
    .optional(),
});
