import * as z from 'zod/mini';
// Each module-level schema is built in an arrow function called at once and marked
// `/* @__PURE__ */`: a bundler cannot know that a bare `z.object(...)` call has no side effects and
// keeps it, with zod's core, in every program that imports anything from the chunk it lands in
// (a useChat route that only dispatches events); a pure call it drops when nothing uses its value.

/** Token and timing figures of one model step or a whole run. */
export const usageSchema = /* @__PURE__ */ (() =>
  z.object({
    inputTokens: z.optional(z.number()),
    outputTokens: z.optional(z.number()),
    totalTokens: z.optional(z.number()),
    reasoningTokens: z.optional(z.number()),
    cacheReadTokens: z.optional(z.number()),
    cacheWriteTokens: z.optional(z.number()),
    durationMs: z.optional(z.number()),
    timeToFirstTokenMs: z.optional(z.number()),
  }))();

/** Token and timing figures of one model step or a whole run. */
export type Usage = z.infer<typeof usageSchema>;

const usageKeys = /* @__PURE__ */ (() => Object.keys(usageSchema.shape) as (keyof Usage)[])();

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
