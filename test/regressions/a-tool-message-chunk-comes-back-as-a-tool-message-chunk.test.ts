import { load } from '@langchain/core/load';
import { HumanMessageChunk, SystemMessageChunk, ToolMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { fromLangChainMessages, toLangChainMessages } from '../../adapters/langchain/index.js';
import { type CanonicalEvent, convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { toolMessageChunkHistory } from '../upstream/langchain-tool-message-chunk.js';

// A ToolMessageChunk (as @langchain/openai streams a tool delta) was read as a tool result and
// written back from the canonical fields as a ToolMessage: only an unchanged record in the same
// conversion kept its class.
const records = () => toolMessageChunkHistory().map((message) => JSON.parse(JSON.stringify(message)) as unknown);

/** The canonical events as the JSONL text `--to canonical` writes, read back: no source record rides along. */
function canonicalText(input: unknown[]): CanonicalEvent[] {
  const { output } = convert(input, { from: 'langchain', to: 'canonical', encode: { header: false } });
  return JSON.parse(JSON.stringify(output)) as CanonicalEvent[];
}

describe('a ToolMessageChunk', () => {
  it('comes back from canonical runs as a ToolMessageChunk instance', () => {
    const messages = toLangChainMessages(fromLangChainMessages(toolMessageChunkHistory()));
    const last = messages.at(-1);
    expect(ToolMessageChunk.isInstance(last)).toBe(true);
    expect(last).toMatchObject({ content: 'Sunny, 21 °C', tool_call_id: 'call_weather' });
  });

  it('comes back from canonical JSONL as constructor JSON that load revives as a ToolMessageChunk', async () => {
    const { output } = convert(canonicalText(records()), { from: 'canonical', to: 'langchain' });
    const last = output.at(-1) as { id: string[] };
    expect(last.id.at(-1)).toBe('ToolMessageChunk');
    const revived = await load(JSON.stringify(last));
    expect(ToolMessageChunk.isInstance(revived)).toBe(true);
  });

  it('read from Python’s messages_to_dict comes back as a ToolMessageChunk', () => {
    const python = { type: 'ToolMessageChunk', data: { content: 'Sunny', additional_kwargs: {}, response_metadata: {}, type: 'ToolMessageChunk', name: null, id: 'msg-tool-chunk', tool_call_id: 'call_weather', artifact: null, status: 'success' } };
    const { output } = convert(canonicalText([python]), { from: 'canonical', to: 'langchain' });
    expect(output.at(-1)).toMatchObject({ id: ['langchain_core', 'messages', 'ToolMessageChunk'], kwargs: { content: 'Sunny', tool_call_id: 'call_weather' } });
  });

  it('written in the stored form is a ToolMessage, as StoredMessage has no chunk types, and says so', () => {
    const { output, issues } = convert(canonicalText(records()), { from: 'canonical', to: 'langchain', encode: { form: 'stored' } });
    expect(output.at(-1)).toMatchObject({ type: 'tool', data: { tool_call_id: 'call_weather' } });
    expect(issues.filter((issue) => issue.format === 'langchain' && issue.eventType === 'message')).toMatchObject([
      { code: 'approximated', level: 'info', message: expect.stringContaining('ToolMessageChunk was written as a ToolMessage') },
    ]);
  });

  it('is a plain tool output in useChat', async () => {
    const { output } = convert(records(), { from: 'langchain', to: 'ai-sdk-ui' });
    const { message, error } = await readChunks(output);
    expect(error).toBeUndefined();
    expect(message?.parts.filter((part) => part.type === 'dynamic-tool')).toMatchObject([
      { toolCallId: 'call_weather', toolName: 'get_weather', state: 'output-available', input: { city: 'Paris' }, output: 'Sunny, 21 °C' },
    ]);
  });

  it('is the completed tool call of an agno run and a Runner tool response', () => {
    const agno = convert(records(), { from: 'langchain', to: 'agno' }).output as { tools?: { tool_call_id: string; result: string }[] }[];
    expect(agno[0]?.tools).toMatchObject([{ tool_call_id: 'call_weather', result: 'Sunny, 21 °C' }]);
    const runner = convert(records(), { from: 'langchain', to: 'runner' }).output as { type: string; content: { parts: unknown[] } }[];
    expect(runner.find((event) => event.type === 'tool_response')?.content.parts).toMatchObject([{ type: 'tool_response', tool_call_id: 'call_weather', result: 'Sunny, 21 °C' }]);
  });

  it('as HumanMessageChunk and SystemMessageChunk do', () => {
    const messages = toLangChainMessages(fromLangChainMessages([new SystemMessageChunk('Be brief.'), new HumanMessageChunk('Hello'), ...toolMessageChunkHistory().slice(1)]));
    expect(messages.map((message) => message.constructor.name)).toEqual(['SystemMessageChunk', 'HumanMessageChunk', 'AIMessage', 'ToolMessageChunk']);
  });
});
