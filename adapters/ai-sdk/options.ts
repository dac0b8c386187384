import * as z from 'zod/mini';
import type { OptionsSchema } from '../../src/pipeline/options.js';
import type { StreamDecodeOptions } from './stream-decoder.js';
import type { StreamEncodeOptions } from './stream-encoder.js';
import type { UiDecodeOptions } from './ui-decoder.js';
import type { UiEncodeOptions } from './ui-encoder.js';

/** The UI message stream decoder takes no options. */
export const uiDecodeOptionsSchema: OptionsSchema<UiDecodeOptions> = z.strictObject({});

/** The options of the UI message stream encoder, checked before a conversion starts. */
export const uiEncodeOptionsSchema: OptionsSchema<UiEncodeOptions> = z.strictObject({
  target: z.optional(z.enum(['v5', 'v6', 'v7'])),
});

/** The full-stream decoder takes no options. */
export const streamDecodeOptionsSchema: OptionsSchema<StreamDecodeOptions> = z.strictObject({});

/** The full-stream encoder takes no options. */
export const streamEncodeOptionsSchema: OptionsSchema<StreamEncodeOptions> = z.strictObject({});
