import type { Usage } from '../../src/model/usage.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Reads an AI SDK `LanguageModelUsage`: v6/v7 nested details, v5 flat `reasoningTokens` /
 * `cachedInputTokens`, v4 `promptTokens` / `completionTokens`.
 * @returns undefined when no figure is present.
 */
export function readUsage(value: unknown): Usage | undefined {
  if (!isRecord(value)) return undefined;
  const input = isRecord(value.inputTokenDetails) ? value.inputTokenDetails : {};
  const output = isRecord(value.outputTokenDetails) ? value.outputTokenDetails : {};
  const usage: Usage = {};
  const fields: [keyof Usage, number | undefined][] = [
    ['inputTokens', count(value.inputTokens) ?? count(value.promptTokens)],
    ['outputTokens', count(value.outputTokens) ?? count(value.completionTokens)],
    ['totalTokens', count(value.totalTokens)],
    ['reasoningTokens', count(output.reasoningTokens) ?? count(value.reasoningTokens)],
    ['cacheReadTokens', count(input.cacheReadTokens) ?? count(value.cachedInputTokens)],
    ['cacheWriteTokens', count(input.cacheWriteTokens)],
  ];
  for (const [key, figure] of fields) if (figure !== undefined) usage[key] = figure;
  return Object.keys(usage).length === 0 ? undefined : usage;
}

/** Writes a canonical usage as an ai 7 `LanguageModelUsage` (absent figures stay absent in JSON). */
export function writeUsage(usage: Usage | undefined): Record<string, unknown> {
  const written: Record<string, unknown> = { inputTokenDetails: {}, outputTokenDetails: {} };
  if (usage === undefined) return written;
  const input: Record<string, number> = {};
  const output: Record<string, number> = {};
  if (usage.inputTokens !== undefined) written.inputTokens = usage.inputTokens;
  if (usage.cacheReadTokens !== undefined) input.cacheReadTokens = usage.cacheReadTokens;
  if (usage.cacheWriteTokens !== undefined) input.cacheWriteTokens = usage.cacheWriteTokens;
  if (usage.outputTokens !== undefined) written.outputTokens = usage.outputTokens;
  if (usage.reasoningTokens !== undefined) output.reasoningTokens = usage.reasoningTokens;
  if (usage.totalTokens !== undefined) written.totalTokens = usage.totalTokens;
  written.inputTokenDetails = input;
  written.outputTokenDetails = output;
  return written;
}
