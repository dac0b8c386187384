import type { Usage } from '../../src/model/usage.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** 1.x metric keys summed into each canonical usage field (1.x `time` is seconds). */
const summedKeys: ReadonlyArray<[keyof Usage, string, number]> = [
  ['inputTokens', 'input_tokens', 1],
  ['outputTokens', 'output_tokens', 1],
  ['totalTokens', 'total_tokens', 1],
  ['reasoningTokens', 'reasoning_tokens', 1],
  ['cacheReadTokens', 'cached_tokens', 1],
  ['cacheWriteTokens', 'cache_write_tokens', 1],
  ['durationMs', 'time', 1000],
];

function numbersOf(value: unknown): number[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((each): each is number => typeof each === 'number');
}

/**
 * Sums 1.x metrics into a canonical usage. Works on the dict of lists of `RunResponse.metrics`
 * (one entry per assistant message) and on the flat `MessageMetrics` of one message.
 * Zero sums of optional counters are left out, as agno 2.x leaves them out.
 */
export function usageFromLegacyMetrics(metrics: unknown): Usage | undefined {
  if (!isRecord(metrics)) return undefined;
  const usage: Usage = {};
  for (const [field, key, scale] of summedKeys) {
    if (!(key in metrics)) continue;
    const values = numbersOf(metrics[key]);
    if (values.length === 0) continue;
    const sum = values.reduce((total, each) => total + each, 0) * scale;
    const counter = field === 'reasoningTokens' || field === 'cacheReadTokens' || field === 'cacheWriteTokens';
    if (counter && sum === 0) continue;
    usage[field] = sum;
  }
  // The first model response's time to first token is the run's.
  const [first] = numbersOf(metrics.time_to_first_token);
  if (first !== undefined) usage.timeToFirstTokenMs = first * 1000;
  return Object.keys(usage).length === 0 ? undefined : usage;
}

/**
 * Writes a canonical usage as 1.x run metrics: a dict of lists with one entry, since the
 * per-message split is not in a usage.
 */
export function legacyMetricsFromUsage(usage: Usage): Record<string, number[]> {
  const metrics: Record<string, number[]> = {};
  for (const [field, key, scale] of summedKeys) {
    const value = usage[field];
    if (value !== undefined) metrics[key] = [value / scale];
  }
  if (usage.timeToFirstTokenMs !== undefined) metrics.time_to_first_token = [usage.timeToFirstTokenMs / 1000];
  return metrics;
}
