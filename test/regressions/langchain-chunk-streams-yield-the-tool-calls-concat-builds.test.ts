import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert } from '../../src/index.js';
import { concatenated, toolCallChunkCases } from '../upstream/langchain-tool-call-chunks.js';

// A chunk with complete tool_calls yielded no call, two calls sharing index 0 merged into one with
// both argument strings, and arguments @langchain/core completes or keeps raw stayed strings.

/** The tool calls and invalid tool calls of the assistant message read from serialized chunks. */
function decodedCalls(records: readonly unknown[]) {
  const { output } = convert(records, { from: 'langchain', to: 'canonical', encode: { header: false } });
  const parts = accumulate(output as CanonicalEvent[]).flatMap((run) => run.messages.flatMap((message) => message.parts));
  const calls = parts.filter((part) => part.type === 'tool-call');
  const invalid = (part: (typeof calls)[number]) => (part.ext?.langchain as { invalid?: boolean } | undefined)?.invalid === true;
  return {
    tool_calls: calls.filter((part) => !invalid(part)).map((part) => ({ id: part.toolCallId, name: part.toolName, args: part.input })),
    invalid_tool_calls: calls.filter(invalid).map((part) => ({ id: part.toolCallId, name: part.toolName, args: part.input })),
  };
}

describe('LangChain chunk streams yield the tool calls concat builds', () => {
  for (const streamCase of toolCallChunkCases) {
    it(`${streamCase.name}: the same tool calls as @langchain/core's concat`, () => {
      const merged = concatenated(streamCase.chunks);
      expect(decodedCalls(streamCase.chunks.map((chunk) => chunk.toJSON()))).toEqual({
        tool_calls: merged.tool_calls?.map(({ id, name, args }) => ({ id, name, args })),
        invalid_tool_calls: merged.invalid_tool_calls?.map(({ id, name, args }) => ({ id, name, args })),
      });
    });
  }
});
