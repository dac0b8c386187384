import { z } from 'zod';

/** Token and timing figures of one model step or a whole run. */
export const usageSchema = z.object({
  inputTokens: z.number().optional(),
  outputTokens: z.number().optional(),
  totalTokens: z.number().optional(),
  reasoningTokens: z.number().optional(),
  cacheReadTokens: z.number().optional(),
  cacheWriteTokens: z.number().optional(),
  durationMs: z.number().optional(),
  timeToFirstTokenMs: z.number().optional(),
});

/** Token and timing figures of one model step or a whole run. */
export type Usage = z.infer<typeof usageSchema>;

const usageKeys = Object.keys(usageSchema.shape) as (keyof Usage)[];

/**
 * Adds two usages field by field; a field absent on both sides stays absent.
 * `timeToFirstTokenMs` keeps the first value seen rather than a sum.
 */
export function addUsage(left: Usage | undefined, right: Usage | undefined): Usage | undefined {
  if (left === undefined) return right === undefined ? undefined : { ...right };
  if (right === undefined) return { ...left };
  const sum: Usage = {};
  for (const key of usageKeys) {
    const a = left[key];
    const b = right[key];
    if (a === undefined && b === undefined) continue;
    sum[key] = key === 'timeToFirstTokenMs' ? (a ?? b) : (a ?? 0) + (b ?? 0);
  }
  return sum;
}
