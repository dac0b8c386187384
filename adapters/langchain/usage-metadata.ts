import type { Usage } from '../../src/model/usage.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** LangChain's `UsageMetadata` as JSON. */
export interface UsageMetadata {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_token_details?: Record<string, number>;
  output_token_details?: Record<string, number>;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Reads `usage_metadata` into a canonical usage, or undefined when it is not one. */
export function usageOf(metadata: unknown): Usage | undefined {
  if (!isRecord(metadata)) return undefined;
  const input = isRecord(metadata.input_token_details) ? metadata.input_token_details : {};
  const output = isRecord(metadata.output_token_details) ? metadata.output_token_details : {};
  const usage: Usage = {};
  const pairs: [keyof Usage, number | undefined][] = [
    ['inputTokens', count(metadata.input_tokens)],
    ['outputTokens', count(metadata.output_tokens)],
    ['totalTokens', count(metadata.total_tokens)],
    ['cacheReadTokens', count(input.cache_read)],
    ['cacheWriteTokens', count(input.cache_creation)],
    ['reasoningTokens', count(output.reasoning)],
  ];
  for (const [key, value] of pairs) if (value !== undefined) usage[key] = value;
  return Object.keys(usage).length === 0 ? undefined : usage;
}

/**
 * Writes a canonical usage as `usage_metadata`. Both detail objects are always present, as
 * `AIMessageChunk.concat` (mergeUsageMetadata, @langchain/core 1.2) writes them, so the
 * concatenation of written chunks equals the written message.
 */
export function usageMetadataOf(usage: Usage): UsageMetadata {
  const input = usage.inputTokens ?? 0;
  const output = usage.outputTokens ?? 0;
  const metadata: UsageMetadata = {
    input_tokens: input,
    output_tokens: output,
    total_tokens: usage.totalTokens ?? input + output,
    input_token_details: {},
    output_token_details: {},
  };
  if (usage.cacheReadTokens !== undefined) metadata.input_token_details!.cache_read = usage.cacheReadTokens;
  if (usage.cacheWriteTokens !== undefined) metadata.input_token_details!.cache_creation = usage.cacheWriteTokens;
  if (usage.reasoningTokens !== undefined) metadata.output_token_details!.reasoning = usage.reasoningTokens;
  return metadata;
}
