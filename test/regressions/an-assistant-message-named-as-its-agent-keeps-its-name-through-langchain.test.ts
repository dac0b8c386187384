import { mapChatMessagesToStoredMessages, mapStoredMessagesToChatMessages } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { fromLangChainMessages, toLangChainMessages } from '../../adapters/langchain/index.js';
import type { Message, Run } from '../../src/index.js';

// LangChain's `name` of an AIMessage holds the agent's name when the canonical message has none
// (team members keep their agent in `name`), and the reader took a `name` equal to the agent's for
// that filler: an assistant message that named itself as its agent came back without its name.

const agent = { kind: 'agent' as const, name: 'bob' };

function member(messages: Message[]): Run[] {
  const leader: Run = { runId: 'team-run', actor: { kind: 'team', name: 'crew' }, status: 'completed', messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'done' }] }], members: [] };
  leader.members.push({ runId: 'bob-run', parentRunId: 'team-run', actor: agent, status: 'completed', messages, members: [] });
  return [leader];
}

/** The messages of bob's run as they come back. */
function bobMessages(runs: readonly Run[]): Message[] | undefined {
  return runs[0]?.members.find((run) => run.runId === 'bob-run')?.messages;
}

describe('an assistant message named as its agent keeps its name through LangChain', () => {
  const named: Message = { role: 'assistant', name: 'bob', parts: [{ type: 'text', text: 'I am bob' }] };
  const unnamed: Message = { role: 'assistant', parts: [{ type: 'text', text: 'no name of my own' }] };

  it('the messages read back from the LangChain instances name the message bob and leave the unnamed one unnamed', () => {
    const runs = fromLangChainMessages(toLangChainMessages(member([named, unnamed])));
    expect(bobMessages(runs)).toEqual([named, unnamed]);
    expect(runs[0]?.members[0]?.actor).toEqual(agent);
  });

  it('messages kept as StoredMessage JSON and rebuilt by langchain-core read back with the same names', () => {
    const stored = JSON.parse(JSON.stringify(mapChatMessagesToStoredMessages(toLangChainMessages(member([named, unnamed])))));
    expect(stored.filter((record: { data: { name?: string } }) => record.data.name === 'bob')).toHaveLength(2);
    expect(bobMessages(fromLangChainMessages(mapStoredMessagesToChatMessages(stored)))).toEqual([named, unnamed]);
  });
});
