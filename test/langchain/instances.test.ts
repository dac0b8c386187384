import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from '@langchain/core/load';
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  HumanMessage,
  ToolMessage,
  mapChatMessagesToStoredMessages,
  mapStoredMessagesToChatMessages,
} from '@langchain/core/messages';
import { concat } from '@langchain/core/utils/stream';
import { describe, expect, it } from 'vitest';
import { fromLangChainMessages, lineageKey, reviveLangChainRecord, toLangChainChunks, toLangChainMessages } from '../../adapters/langchain/index.js';
import { accumulate, type CanonicalEvent, convert, type Run } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { heldByLangChain } from './held-by-langchain.js';

const team = { kind: 'team', name: 'My Team' } as const;
const writer = { kind: 'agent', id: 'writer', name: 'Writer' } as const;
const lead = { runId: 'run-1', sessionId: 'sess-t', actor: team };
const member = { runId: 'run-2', parentRunId: 'run-1', sessionId: 'sess-t', actor: writer };

/** A canonical team stream shaped like the agno 2.9.0 team fixture, with a failing member tool. */
const teamStream: CanonicalEvent[] = [
  { type: 'run-start', ...lead, model: 'fake-model', provider: 'Fake', input: 'Describe Paris' },
  { type: 'step-start', ...lead },
  { type: 'tool-call', ...lead, toolCallId: 'call_1', toolName: 'delegate_task_to_member', input: { member_id: 'writer', task: 'Describe Paris' } },
  { type: 'step-end', ...lead, usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 } },
  { type: 'run-start', ...member, model: 'fake-model', provider: 'Fake' },
  { type: 'step-start', ...member },
  { type: 'tool-call', ...member, toolCallId: 'call_2', toolName: 'lookup', input: { city: 'Paris' } },
  { type: 'step-end', ...member },
  { type: 'tool-error', ...member, toolCallId: 'call_2', toolName: 'lookup', error: 'lookup timed out' },
  { type: 'step-start', ...member },
  { type: 'text-start', ...member, id: 't1' },
  { type: 'text-delta', ...member, id: 't1', delta: 'Paris is lovely' },
  { type: 'text-end', ...member, id: 't1' },
  { type: 'step-end', ...member },
  { type: 'run-end', ...member, output: 'Paris is lovely', usage: { inputTokens: 20, outputTokens: 4, totalTokens: 24 } },
  { type: 'tool-result', ...lead, toolCallId: 'call_1', toolName: 'delegate_task_to_member', output: 'Paris is lovely' },
  { type: 'step-start', ...lead },
  { type: 'text-start', ...lead, id: 't2' },
  { type: 'text-delta', ...lead, id: 't2', delta: 'Team says Paris is lovely' },
  { type: 'text-end', ...lead, id: 't2' },
  { type: 'step-end', ...lead },
  { type: 'run-end', ...lead, output: 'Team says Paris is lovely', usage: { inputTokens: 30, outputTokens: 9, totalTokens: 39 } },
];

/** Runs without what only the LangChain side keeps (`ext.langchain`). */
function withoutOwnExt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOwnExt);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'ext') {
      const { langchain: _own, ...rest } = field as Record<string, unknown>;
      if (Object.keys(rest).length > 0) copy.ext = rest;
      continue;
    }
    copy[key] = withoutOwnExt(field);
  }
  return copy;
}

function lineageOf(message: BaseMessage): { run_id?: string; parent_run_id?: string } | undefined {
  return (message.response_metadata as Record<string, { run_id?: string; parent_run_id?: string } | undefined>)[lineageKey];
}

function json(messages: readonly BaseMessage[]): unknown {
  return JSON.parse(JSON.stringify(messages));
}

describe('langchain instances', () => {
  const messages = toLangChainMessages(teamStream);

  it("writes real @langchain/core messages for a team run, the member's turn before the leader's final answer", () => {
    expect(messages.map((message) => `${message.type} ${lineageOf(message)?.run_id}`)).toEqual([
      'human run-1',
      'ai run-1',
      'tool run-1',
      'ai run-2',
      'tool run-2',
      'ai run-2',
      'ai run-1',
    ]);
    expect(HumanMessage.isInstance(messages[0])).toBe(true);
    expect(messages.filter((message) => AIMessage.isInstance(message))).toHaveLength(4);
    expect(messages.filter((message) => ToolMessage.isInstance(message))).toHaveLength(2);
  });

  it("keeps a member's agent in name and its run lineage in response_metadata", () => {
    const memberMessages = messages.filter((message) => lineageOf(message)?.run_id === 'run-2');
    expect(memberMessages.map((message) => message.type)).toEqual(['ai', 'tool', 'ai']);
    expect(memberMessages.filter((message) => message.type === 'ai').map((message) => message.name)).toEqual(['Writer', 'Writer']);
    expect(memberMessages.every((message) => lineageOf(message)?.parent_run_id === 'run-1')).toBe(true);
  });

  it('writes a failed tool call as a ToolMessage with status error', () => {
    const failed = messages.find((message) => ToolMessage.isInstance(message) && message.tool_call_id === 'call_2') as ToolMessage;
    expect(failed.status).toBe('error');
    expect(failed.content).toBe('lookup timed out');
  });

  it('survives mapChatMessagesToStoredMessages and mapStoredMessagesToChatMessages unchanged', () => {
    const back = mapStoredMessagesToChatMessages(mapChatMessagesToStoredMessages(messages));
    expect(json(back)).toEqual(json(messages));
  });

  it('survives JSON.stringify and load unchanged', async () => {
    const back = await load<BaseMessage[]>(JSON.stringify(messages));
    expect(back.every((message) => message.constructor === messages[back.indexOf(message)]?.constructor)).toBe(true);
    expect(json(back)).toEqual(json(messages));
  });

  it('reads the written messages back as the same runs: texts, tool call ids, arguments, results, errors, member names', () => {
    expect(withoutOwnExt(fromLangChainMessages(messages))).toEqual(accumulate(teamStream).map(heldByLangChain));
  });

  it('writes chunks whose concatenation equals the message written for the same run', () => {
    const written = messages.filter((message): message is AIMessage => AIMessage.isInstance(message));
    for (const message of written) {
      const chunks = toLangChainChunks(message);
      expect(chunks.every((chunk) => AIMessageChunk.isInstance(chunk))).toBe(true);
      const whole = chunks.reduce((left, right) => concat(left, right));
      // concat drops `name` (AIMessageChunk.concat, @langchain/core 1.2): the caller re-applies it.
      const rebuilt = new AIMessage({
        content: whole.content,
        id: whole.id,
        name: message.name,
        tool_calls: whole.tool_calls,
        invalid_tool_calls: whole.invalid_tool_calls,
        additional_kwargs: whole.additional_kwargs,
        response_metadata: whole.response_metadata,
        ...(whole.usage_metadata === undefined ? {} : { usage_metadata: whole.usage_metadata }),
      });
      expect(JSON.parse(JSON.stringify(rebuilt)).kwargs).toEqual(JSON.parse(JSON.stringify(message)).kwargs);
    }
  });

  it('writes reasoning as standard reasoning blocks that contentBlocks exposes, signature included', () => {
    const [message] = toLangChainMessages([
      {
        runId: 'r',
        status: 'completed',
        members: [],
        messages: [{ role: 'assistant', parts: [{ type: 'reasoning', text: 'think', signature: 'sig' }, { type: 'text', text: 'answer' }] }],
      },
    ] satisfies Run[]);
    expect(AIMessage.isInstance(message)).toBe(true);
    expect(message?.contentBlocks).toEqual([
      { type: 'reasoning', reasoning: 'think', signature: 'sig' },
      { type: 'text', text: 'answer' },
    ]);
    expect(message?.text).toBe('answer');
  });

  it('splits a tool call across two chunks that share its index', () => {
    const parts = toLangChainChunks(new AIMessage({ content: '', id: 'a1', tool_calls: [{ id: 'c1', name: 'f', args: { city: 'Paris' }, type: 'tool_call' }] }))
      .flatMap((chunk) => chunk.tool_call_chunks ?? []);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ index: 0, id: 'c1', name: 'f' });
    expect(parts[1]).toMatchObject({ index: 0 });
    expect(parts[1]?.id).toBeUndefined();
    expect((parts[0]?.args ?? '') + (parts[1]?.args ?? '')).toBe('{"city":"Paris"}');
  });

  it('revives every recorded constructor record as an instance that serializes to the same record', () => {
    const records = readJsonl(join(import.meta.dirname, 'fixtures', 'agent-tools.constructor.jsonl'));
    for (const record of records) {
      const message = reviveLangChainRecord(record);
      expect(AIMessage.isInstance(message) || HumanMessage.isInstance(message) || ToolMessage.isInstance(message) || (message as BaseMessage).type === 'system').toBe(true);
      expect(JSON.parse(JSON.stringify(message))).toEqual(record);
    }
  });

  it('gives real instances from the pipeline with the revive option', () => {
    const { output } = convert(teamStream, { from: 'canonical', to: 'langchain', encode: { revive: reviveLangChainRecord } });
    expect(output.map((message) => (message as BaseMessage).type)).toEqual(messages.map((message) => message.type));
    expect(output.every((message) => HumanMessage.isInstance(message) || AIMessage.isInstance(message) || ToolMessage.isInstance(message))).toBe(true);
  });

  it('reads recorded chat history instances as one run', () => {
    const records = readFileSync(join(import.meta.dirname, 'fixtures', 'agent-tools.constructor.jsonl'), 'utf8');
    const instances = records.trim().split('\n').map((line) => reviveLangChainRecord(JSON.parse(line)) as BaseMessage);
    const [run] = fromLangChainMessages(instances) as [Run];
    expect(run.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool', 'assistant']);
    expect(run.messages[4]?.parts[0]).toMatchObject({ type: 'tool-result', toolCallId: 'call_stock', isError: true });
  });
});
