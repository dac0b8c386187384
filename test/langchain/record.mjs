// Records the LangChain fixtures in test/langchain/fixtures/ with the real @langchain/core classes
// and its fake chat models (@langchain/core/utils/testing). Run from the repo root:
//   node test/langchain/record.mjs
//   node test/langchain/record.mjs anthropic-chunks   (only the named scenarios)
// The output is committed; ids minted by LangChain (run-<uuid>) differ from one recording to the next.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, mapChatMessagesToStoredMessages } from '@langchain/core/messages';
import { RunnableLambda } from '@langchain/core/runnables';
import { tool } from '@langchain/core/tools';
import { FakeListChatModel, FakeStreamingChatModel } from '@langchain/core/utils/testing';
import { ChatGenerationChunk } from '@langchain/core/outputs';
import { concat } from '@langchain/core/utils/stream';
import { z } from 'zod';

const folder = join(import.meta.dirname, 'fixtures');

function write(name, records) {
  writeFileSync(join(folder, name), records.map((record) => JSON.stringify(record)).join('\n') + '\n');
}

/**
 * FakeStreamingChatModel passes only content, tool_calls and additional_kwargs of its `chunks` on;
 * this subclass yields them whole, so tool_call_chunks split by index and usage on the last chunk
 * reach the stream as a provider integration sends them.
 */
class ScriptedChatModel extends FakeStreamingChatModel {
  async *_streamResponseChunks(_messages, _options, runManager) {
    for (const message of this.chunks) {
      const chunk = new ChatGenerationChunk({ message: new AIMessageChunk({ ...message }), text: typeof message.content === 'string' ? message.content : '' });
      yield chunk;
      await runManager?.handleLLMNewToken(chunk.text, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}

const getWeather = tool(async ({ city }) => `Sunny, 21 °C in ${city}`, {
  name: 'get_weather',
  description: 'Current weather of a city',
  schema: z.object({ city: z.string() }),
});
const getStock = tool(
  async ({ symbol }) => {
    throw new Error(`no quote for ${symbol}`);
  },
  { name: 'get_stock', description: 'Stock quote', schema: z.object({ symbol: z.string() }) },
);

const planner = new ScriptedChatModel({
  chunks: [
    { content: 'Let me ' },
    { content: 'check both.' },
    { content: '', tool_call_chunks: [{ index: 0, id: 'call_weather', name: 'get_weather', args: '{"city":', type: 'tool_call_chunk' }] },
    { content: '', tool_call_chunks: [{ index: 0, args: ' "Paris"}', type: 'tool_call_chunk' }] },
    { content: '', tool_call_chunks: [{ index: 1, id: 'call_stock', name: 'get_stock', args: '{"symbol"', type: 'tool_call_chunk' }] },
    {
      content: '',
      tool_call_chunks: [{ index: 1, args: ': "ACME"}', type: 'tool_call_chunk' }],
      usage_metadata: { input_tokens: 24, output_tokens: 17, total_tokens: 41 },
      response_metadata: { finish_reason: 'tool_calls', model_name: 'scripted-1', model_provider: 'openai' },
    },
  ],
});
const answerer = new FakeListChatModel({ responses: ['Paris is sunny at 21 °C; the ACME quote is unavailable.'] });

// The ToolMessage a LangGraph ToolNode builds when a tool throws (handleToolErrors: true).
async function runTool(selected, call, config) {
  try {
    return await selected.invoke({ ...call, type: 'tool_call' }, config);
  } catch (error) {
    return new ToolMessage({
      content: `Error: ${error.message}\n Please fix your mistakes.`,
      tool_call_id: call.id,
      name: call.name,
      status: 'error',
    });
  }
}

const tools = { get_weather: getWeather, get_stock: getStock };

const agent = RunnableLambda.from(async (history, config) => {
  let planned;
  for await (const chunk of await planner.stream(history, config)) planned = planned === undefined ? chunk : concat(planned, chunk);
  const ai = new AIMessage({
    content: planned.content,
    id: planned.id,
    tool_calls: planned.tool_calls,
    usage_metadata: planned.usage_metadata,
    response_metadata: planned.response_metadata,
  });
  const results = [];
  for (const call of ai.tool_calls) results.push(await runTool(tools[call.name], call, config));
  const answer = await answerer.invoke([...history, ai, ...results], config);
  return [...history, ai, ...results, answer];
}).withConfig({ runName: 'agent' });

async function agentTools() {
  const input = [new SystemMessage('You answer travel questions.'), new HumanMessage('Weather in Paris, and the ACME quote?')];

  const events = [];
  let history;
  for await (const event of agent.streamEvents(input, { version: 'v2' })) {
    events.push(event);
    if (event.event === 'on_chain_end' && event.name === 'agent') history = event.data.output;
  }
  write('agent-tools.stream-events.jsonl', events);
  write(
    'agent-tools.chunks.jsonl',
    events.filter((event) => event.event === 'on_chat_model_stream' && event.name === 'ScriptedChatModel').map((event) => event.data.chunk),
  );
  write('agent-tools.constructor.jsonl', history);
  write('agent-tools.stored.jsonl', mapChatMessagesToStoredMessages(history));
}

async function reasoning() {
  // Reasoning: Anthropic thinking blocks (provider content) and standard v1 reasoning blocks.
  const thinker = new FakeStreamingChatModel({
    responses: [
      new AIMessage({
        content: [
          { type: 'thinking', thinking: 'The user wants a haiku about rain.', signature: 'sig-abc' },
          { type: 'text', text: 'Soft rain on the roof' },
        ],
      }),
    ],
  });
  const thought = await thinker.invoke([new HumanMessage('A haiku about rain, please.')]);
  const anthropic = new AIMessage({
    content: thought.content,
    id: 'msg_thinking_1',
    response_metadata: { model_provider: 'anthropic', model_name: 'claude-fake', stop_reason: 'end_turn' },
    usage_metadata: { input_tokens: 11, output_tokens: 30, total_tokens: 41, output_token_details: { reasoning: 22 } },
  });
  const standard = new AIMessage({
    content: [
      { type: 'reasoning', reasoning: 'Two syllables short; add one.' },
      { type: 'text', text: 'Drops sing on the roof' },
    ],
    id: 'msg_reasoning_2',
    response_metadata: { output_version: 'v1', model_provider: 'openai' },
  });
  const messages = [new HumanMessage('A haiku about rain, please.'), anthropic, new HumanMessage('Again, shorter.'), standard];
  write('reasoning.constructor.jsonl', messages);
  write('reasoning.stored.jsonl', mapChatMessagesToStoredMessages(messages));
}

// Anthropic-style streaming: indexed thinking deltas, the signature on its own chunk, indexed text, and a
// tool_use block whose input arrives as input_json_delta content and as tool_call_chunks at the same index.
async function anthropicChunks() {
  const model = new ScriptedChatModel({
    chunks: [
      { content: [{ type: 'thinking', thinking: 'Which city', index: 0 }], id: 'msg_01Anthropic' },
      { content: [{ type: 'thinking', thinking: ' is meant?', index: 0 }], id: 'msg_01Anthropic' },
      { content: [{ type: 'thinking', signature: 'EqQBCgIYAhIM', index: 0 }], id: 'msg_01Anthropic' },
      { content: [{ type: 'text', text: 'Checking Lyon.', index: 1 }], id: 'msg_01Anthropic' },
      {
        content: [{ type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: '', index: 2 }],
        tool_call_chunks: [{ index: 2, id: 'toolu_01', name: 'get_weather', args: '', type: 'tool_call_chunk' }],
        id: 'msg_01Anthropic',
      },
      {
        content: [{ type: 'input_json_delta', input: '{"city": "Ly', index: 2 }],
        tool_call_chunks: [{ index: 2, args: '{"city": "Ly', type: 'tool_call_chunk' }],
        id: 'msg_01Anthropic',
      },
      {
        content: [{ type: 'input_json_delta', input: 'on"}', index: 2 }],
        tool_call_chunks: [{ index: 2, args: 'on"}', type: 'tool_call_chunk' }],
        id: 'msg_01Anthropic',
      },
      {
        content: '',
        usage_metadata: { input_tokens: 40, output_tokens: 25, total_tokens: 65, input_token_details: { cache_read: 12 } },
        response_metadata: { stop_reason: 'tool_use', model_provider: 'anthropic' },
        id: 'msg_01Anthropic',
      },
    ],
  });
  const chunks = [];
  for await (const chunk of await model.stream([new HumanMessage('Weather in Lyon?')])) chunks.push(chunk);
  write('anthropic.chunks.jsonl', chunks);
}

const scenarios = { 'agent-tools': agentTools, reasoning, 'anthropic-chunks': anthropicChunks };
const chosen = process.argv.slice(2);
for (const [name, record] of Object.entries(scenarios)) {
  if (chosen.length === 0 || chosen.includes(name)) await record();
}
