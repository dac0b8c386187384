import { type OptionsSchema, optionsSchema } from '../../src/pipeline/options.js';
import type { RunnerDecodeOptions } from './decode.js';
import type { RunnerEncodeOptions } from './encode.js';

/** The Runner decoder takes no options. */
export const runnerDecodeOptionsSchema: OptionsSchema<RunnerDecodeOptions> = /* @__PURE__ */ optionsSchema<RunnerDecodeOptions>({});

/** The Runner encoder takes no options. */
export const runnerEncodeOptionsSchema: OptionsSchema<RunnerEncodeOptions> = /* @__PURE__ */ optionsSchema<RunnerEncodeOptions>({});
