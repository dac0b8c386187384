import type { Usage } from '../../src/model/usage.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** agno token counters and the canonical usage field each one feeds. */
const tokenFields = [
  ['input_tokens', 'inputTokens'],
  ['output_tokens', 'outputTokens'],
  ['total_tokens', 'totalTokens'],
  ['reasoning_tokens', 'reasoningTokens'],
  ['cache_read_tokens', 'cacheReadTokens'],
  ['cache_write_tokens', 'cacheWriteTokens'],
] as const;

/** agno timings in seconds and the canonical millisecond field each one feeds. */
const secondFields = [
  ['time_to_first_token', 'timeToFirstTokenMs'],
  ['duration', 'durationMs'],
] as const;

// agno 1.x metrics are a dict of lists (one value per model call); they add up to one figure.
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number')) {
    return (value as number[]).reduce((sum, item) => sum + item, 0);
  }
  return undefined;
}

/**
 * Reads token and timing figures from any agno metrics shape: 2.0 – 2.5.3 flat `Metrics`,
 * 2.5.4+ `RunMetrics` (top-level totals; `details` is per model and not summed again),
 * `ModelRequestCompleted` fields, and 1.x dict-of-lists values (summed).
 * @returns undefined when the value holds no figure at all.
 */
export function usageFromMetrics(metrics: unknown): Usage | undefined {
  if (!isRecord(metrics)) return undefined;
  const usage: Usage = {};
  for (const [from, to] of tokenFields) {
    const value = numberOf(metrics[from]);
    if (value !== undefined) usage[to] = value;
  }
  for (const [from, to] of secondFields) {
    const value = numberOf(metrics[from]);
    if (value !== undefined) usage[to] = value * 1000;
  }
  return Object.keys(usage).length === 0 ? undefined : usage;
}

/**
 * Writes a usage as 2.x `RunMetrics.to_dict()` does: zero token counts are left out, timings
 * in seconds. There is no `details` breakdown in a canonical usage.
 */
export function metricsFromUsage(usage: Usage): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const [to, from] of tokenFields) {
    const value = usage[from];
    if (value !== undefined && value !== 0) metrics[to] = value;
  }
  for (const [to, from] of secondFields) {
    const value = usage[from];
    if (value !== undefined) metrics[to] = value / 1000;
  }
  return metrics;
}

/**
 * The usage fields of a `ModelRequestCompleted` event (2.4+): the token counts and time to
 * first token that are known, zeros included; unknown counts are left out rather than written as 0.
 */
export function modelRequestUsageFields(usage: Usage | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [to, from] of tokenFields) if (usage?.[from] !== undefined) fields[to] = usage[from];
  if (usage?.timeToFirstTokenMs !== undefined) fields.time_to_first_token = usage.timeToFirstTokenMs / 1000;
  return fields;
}
