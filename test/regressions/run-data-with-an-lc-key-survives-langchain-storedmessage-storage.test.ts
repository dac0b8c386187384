import { load } from '@langchain/core/load';
import { AIMessage, type BaseMessage, mapChatMessagesToStoredMessages, mapStoredMessagesToChatMessages } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { fromLangChainMessages, toLangChainMessages } from '../../adapters/langchain/index.js';
import type { Run } from '../../src/index.js';

// langchain-core escapes a user object holding an `lc` key as `{__lc_escaped__: object}` in
// `toJSON()`, and so in `toDict()`, but `mapStoredMessageToChatMessage` builds the message from
// the escaped data without undoing it: after a StoredMessage round trip the message holds the
// wrapper, and its JSON escapes it once more. The requirement input `{"lc": false}` of a paused run,
// which rides in the message's `response_metadata`, came back as `{"__lc_escaped__": {"lc": false}}`.

const paused: Run = {
  runId: 'run-1',
  actor: { kind: 'agent', name: 'clerk' },
  status: 'paused',
  messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'May I?' }] }],
  requirements: [
    { id: 'approve', kind: 'confirmation', toolCallId: 'call-1', toolName: 'file', input: { lc: false } },
    { id: 'fields', kind: 'user-input', input: { __lc_escaped__: { lc: 1 } }, schema: { properties: { lc: { type: 'string' } } } },
  ],
  members: [],
};

/** Messages kept as StoredMessage JSON (a chat history store) and rebuilt by langchain-core. */
function stored(messages: BaseMessage[]): BaseMessage[] {
  return mapStoredMessagesToChatMessages(JSON.parse(JSON.stringify(mapChatMessagesToStoredMessages(messages))));
}

describe('run data with an lc key survives LangChain StoredMessage storage', () => {
  it('langchain-core does not undo its own escape when it rebuilds a StoredMessage', () => {
    const [back] = stored([new AIMessage({ content: 'x', response_metadata: { data: { lc: false } } })]);
    expect(back?.response_metadata).toEqual({ data: { __lc_escaped__: { lc: false } } });
  });

  it('a paused run kept as StoredMessage JSON comes back with the requirements it waits for', () => {
    expect(fromLangChainMessages(stored(toLangChainMessages([paused])))).toEqual([paused]);
  });

  it('the messages survive the StoredMessage round trip, and load gives the same messages back', async () => {
    const messages = toLangChainMessages([paused]);
    const json = JSON.stringify(messages);
    expect(JSON.stringify(stored(messages))).toBe(json);
    const loaded = await load<BaseMessage[]>(json);
    expect(JSON.stringify(loaded)).toBe(json);
    expect(fromLangChainMessages(loaded)).toEqual([paused]);
  });
});
