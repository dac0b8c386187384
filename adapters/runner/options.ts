import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { RunnerDecodeOptions } from './decode.js';
import type { RunnerEncodeOptions } from './encode.js';

/** The Runner decoder takes no options. */
export const runnerDecodeOptionsSchema: OptionsSchema<RunnerDecodeOptions> = z.strictObject({});

/** The Runner encoder takes no options. */
export const runnerEncodeOptionsSchema: OptionsSchema<RunnerEncodeOptions> = z.strictObject({});
