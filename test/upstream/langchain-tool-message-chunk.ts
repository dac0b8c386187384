// A history whose tool result is a ToolMessageChunk, as @langchain/openai builds one from a Chat
// Completions delta with `role: 'tool'` (its delta converter's tool branch:
// `new ToolMessageChunk({content, additional_kwargs, tool_call_id: delta.tool_call_id, response_metadata})`),
// after the AIMessage that made the call. Built with @langchain/core's own classes.
import { AIMessage, HumanMessage, ToolMessageChunk } from '@langchain/core/messages';

/** The messages as instances: the question, the call, and its result as a chunk. */
export function toolMessageChunkHistory(): [HumanMessage, AIMessage, ToolMessageChunk] {
  return [
    new HumanMessage({ content: 'What is the weather in Paris?', id: 'msg-human' }),
    new AIMessage({ content: '', id: 'msg-ai', tool_calls: [{ id: 'call_weather', name: 'get_weather', args: { city: 'Paris' }, type: 'tool_call' }] }),
    new ToolMessageChunk({ content: 'Sunny, 21 °C', additional_kwargs: {}, tool_call_id: 'call_weather', response_metadata: {} }),
  ];
}
