// AIMessageChunk streams carrying tool calls, built with the real @langchain/core classes.
// Each case names the upstream test or function it reproduces; `concat` of its chunks is what a
// LangChain application holds at the end of the stream.
import { AIMessageChunk } from '@langchain/core/messages';
import { concat } from '@langchain/core/utils/stream';

/** A stream of chunks and what @langchain/core builds from it. */
export interface ChunkStreamCase {
  name: string;
  /** Where the chunks come from upstream. */
  source: string;
  chunks: AIMessageChunk[];
}

/** The message LangChain holds after concatenating every chunk of a case. */
export function concatenated(chunks: readonly AIMessageChunk[]): AIMessageChunk {
  const [first, ...rest] = chunks;
  if (first === undefined) throw new Error('a chunk stream case needs at least one chunk');
  return rest.reduce((merged, chunk) => concat(merged, chunk), first);
}

/** The cases: every one ends with what `concat` holds, tool calls and invalid tool calls. */
export const toolCallChunkCases: ChunkStreamCase[] = [
  {
    name: 'two tool calls sharing index 0 with different ids',
    source: 'langchainjs libs/langchain-core/src/messages/tests/ai.test.ts, "should properly merge tool call chunks that have matching indices and ids"',
    chunks: [
      new AIMessageChunk({
        id: 'chatcmpl-tasks',
        content: '',
        tool_call_chunks: [{ name: 'add_new_task', args: '{"tasks":["buy tomatoes","help child with math"]}', type: 'tool_call_chunk', index: 0, id: '9fb5c937-6944-4173-84be-ad1caee1cedd' }],
      }),
      new AIMessageChunk({
        id: 'chatcmpl-tasks',
        content: '',
        tool_call_chunks: [{ name: 'add_ideas', args: '{"ideas":["read about Angular 19 updates"]}', type: 'tool_call_chunk', index: 0, id: '5abf542e-87f3-4899-87c6-8f7d9cb6a28d' }],
      }),
    ],
  },
  {
    name: 'a chunk carrying complete tool_calls and no tool_call_chunks',
    source: 'langchainjs libs/langchain-core/src/messages/tests/ai.test.ts, "can be constructed with tool calls using basic params" (with an id, as integrations that receive whole calls send them)',
    chunks: [
      new AIMessageChunk({ id: 'msg-weather', content: 'Checking.' }),
      new AIMessageChunk({
        id: 'msg-weather',
        content: '',
        tool_calls: [{ id: 'call_sf', name: 'get_weather', args: { location: 'San Francisco' }, type: 'tool_call' }],
        invalid_tool_calls: [],
        tool_call_chunks: [],
        additional_kwargs: {},
        response_metadata: {},
      }),
    ],
  },
  {
    name: 'old completions-style chunks whose continuation ids are empty',
    source: 'langchainjs libs/langchain-core/src/messages/tests/ai.test.ts, "should properly concat a string of old completions-style tool call chunks" (langchainjs#9450)',
    chunks: [
      new AIMessageChunk({ id: 'msg-sf', tool_call_chunks: [{ name: 'get_weather', args: '', id: 'call_7171a25538d44feea5155a', index: 0, type: 'tool_call_chunk' }] }),
      new AIMessageChunk({ id: 'msg-sf', tool_call_chunks: [{ name: undefined, args: '{"city": "', id: '', index: 0, type: 'tool_call_chunk' }] }),
      new AIMessageChunk({ id: 'msg-sf', tool_call_chunks: [{ name: undefined, args: 'sf"}', id: '', index: 0, type: 'tool_call_chunk' }] }),
    ],
  },
  {
    name: 'arguments cut short, which LangChain completes as partial JSON',
    source: '@langchain/core 1.2 dist/messages/utils.js collapseToolCallChunks, which reads joined arguments with parsePartialJson (dist/utils/json.js)',
    chunks: [
      new AIMessageChunk({ id: 'msg-cut', content: '', tool_call_chunks: [{ name: 'search', args: '{"query": "weather in Par', id: 'call_cut', index: 0, type: 'tool_call_chunk' }] }),
      new AIMessageChunk({ id: 'msg-cut', content: '', tool_call_chunks: [{ args: 'is", "limit": 3', index: 0, type: 'tool_call_chunk' }] }),
    ],
  },
  {
    name: 'an OpenAI custom tool call whose arguments are free text',
    source: '@langchain/core 1.2 dist/messages/utils.js collapseToolCallChunks: chunks marked isCustomTool keep their raw text as args.input',
    chunks: [
      new AIMessageChunk({ id: 'msg-custom', content: '', tool_call_chunks: [{ name: 'run_sql', args: 'SELECT * ', id: 'call_sql', index: 0, type: 'tool_call_chunk', isCustomTool: true } as never] }),
      new AIMessageChunk({ id: 'msg-custom', content: '', tool_call_chunks: [{ args: 'FROM users ', index: 0, type: 'tool_call_chunk', isCustomTool: true } as never] }),
    ],
  },
  {
    name: 'arguments that are not JSON even when completed',
    source: '@langchain/core 1.2 dist/messages/utils.js collapseToolCallChunks: what parsePartialJson rejects becomes an invalid_tool_call with "Malformed args."',
    chunks: [
      new AIMessageChunk({ id: 'msg-bad', content: '', tool_call_chunks: [{ name: 'lookup', args: '{"id": 12', id: 'call_bad', index: 0, type: 'tool_call_chunk' }] }),
      new AIMessageChunk({ id: 'msg-bad', content: '', tool_call_chunks: [{ args: ' 34}', index: 0, type: 'tool_call_chunk' }] }),
    ],
  },
];
