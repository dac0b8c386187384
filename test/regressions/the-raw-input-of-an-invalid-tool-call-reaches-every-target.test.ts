import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { invalidArguments, invalidToolInputChunks } from '../upstream/ai-sdk-invalid-tool-input.js';

// The input of a `tool-input-error` chunk stayed in ext: agno wrote the call's tool_args as null,
// agno 1.x as {} and no other format had the call at all.

const rawText = invalidArguments['text that is not JSON'];

function toolArgsOf(records: readonly unknown[]): unknown[] {
  return records.flatMap((record) => {
    const tool = (record as { event?: string; tool?: { tool_args?: unknown } }).tool;
    return tool === undefined ? [] : [tool.tool_args];
  });
}

describe('the raw input of an invalid tool call reaches every target', () => {
  it('agno and agno 1.x write it as {"input": text} in every tool record, and report it', async () => {
    for (const target of ['agno', 'agno-legacy'] as const) {
      const written = convert(await invalidToolInputChunks(rawText), { from: 'ai-sdk-ui', to: target });
      const args = toolArgsOf(written.output);
      expect(args.length, target).toBeGreaterThanOrEqual(2);
      expect(new Set(args.map((value) => JSON.stringify(value))), target).toEqual(new Set([JSON.stringify({ input: rawText })]));
      expect(written.issues.filter((issue) => issue.level === 'warning').map((issue) => `${issue.code} ${issue.eventType}`), target).toEqual(['approximated tool-call']);
    }
  });

  it('LangChain keeps the text as an invalid tool call', async () => {
    const written = convert(await invalidToolInputChunks(rawText), { from: 'ai-sdk-ui', to: 'langchain' });
    const ai = written.output[0] as { kwargs: { tool_calls: unknown[]; invalid_tool_calls: { args: unknown }[] } };
    expect(ai.kwargs.tool_calls).toEqual([]);
    expect(ai.kwargs.invalid_tool_calls.map((call) => call.args)).toEqual([rawText]);
  });

  it('through the full stream and back, useChat shows the call with the text it was sent', async () => {
    const chunks = await invalidToolInputChunks(rawText);
    const stream = convert(chunks, { from: 'ai-sdk-ui', to: 'ai-sdk-stream' }).output;
    expect(stream.filter((part) => (part as { type: string }).type === 'tool-call')).toMatchObject([{ input: rawText, invalid: true }]);
    const read = await readChunks(convert(stream, { from: 'ai-sdk-stream', to: 'ai-sdk-ui' }).output);
    expect(read.message?.parts.filter((part) => part.type.startsWith('tool-'))).toMatchObject([{ state: 'output-error', input: rawText }]);
  });
});
