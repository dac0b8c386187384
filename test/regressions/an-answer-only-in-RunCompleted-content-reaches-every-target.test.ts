import { describe, expect, it } from 'vitest';
import { readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { convert } from '../../src/registered.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import '../../src/registry.js';
import { readFixture } from '../agno/read-fixture.js';

/** agno stores events without RunContent (store_events): the run's answer is only in RunCompleted.content. */
function storedEvents(): Record<string, unknown>[] {
  return (readFixture('v2.9.0-agent-tools.jsonl') as Record<string, unknown>[]).filter((record) => record.event !== 'RunContent' && record.event !== 'RunContentCompleted');
}

async function lastMessage(chunks: unknown[]): Promise<UIMessage | undefined> {
  let last: UIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as UIMessageChunk);
      controller.close();
    },
  });
  for await (const message of readUIMessageStream({ stream })) last = message;
  return last;
}

describe('an answer only in RunCompleted.content', () => {
  it('becomes the run text in canonical events, once', () => {
    const records = storedEvents();
    const completed = records.find((record) => record.event === 'RunCompleted') as { content: string };
    const events = convert(records, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
    const text = events.filter((event) => event.type === 'text-delta').map((event) => (event as { delta: string }).delta);
    expect(text).toEqual([completed.content]);
  });

  it('is shown by useChat as the assistant text', async () => {
    const records = storedEvents();
    const completed = records.find((record) => record.event === 'RunCompleted') as { content: string };
    const message = await lastMessage(convert(records, { from: 'agno', to: 'ai-sdk-ui' }).output);
    const texts = (message?.parts ?? []).filter((part) => part.type === 'text').map((part) => (part as { text: string }).text);
    expect(texts).toEqual([completed.content]);
  });

  it('reaches LangChain history as the AI message content', () => {
    const records = storedEvents();
    const completed = records.find((record) => record.event === 'RunCompleted') as { content: string };
    const messages = convert(records, { from: 'agno', to: 'langchain', encode: { form: 'stored' } }).output as { type: string; data: { content: unknown } }[];
    expect(messages.filter((message) => message.type === 'ai').map((message) => message.data.content)).toContain(completed.content);
  });

  it('is not repeated when RunContent already said it', () => {
    const events = convert(readFixture('v2.9.0-agent-tools.jsonl'), { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
    const text = events.filter((event) => event.type === 'text-delta').map((event) => (event as { delta: string }).delta).join('');
    const completed = (readFixture('v2.9.0-agent-tools.jsonl') as Record<string, unknown>[]).find((record) => record.event === 'RunCompleted') as { content: string };
    expect(text).toBe(completed.content);
  });
});
