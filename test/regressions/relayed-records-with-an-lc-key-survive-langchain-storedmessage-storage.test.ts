import { join } from 'node:path';
import { load } from '@langchain/core/load';
import { type BaseMessage, mapChatMessagesToStoredMessages, mapStoredMessagesToChatMessages } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

// langchain-core 1.2 escapes an object holding an `lc` key as `{__lc_escaped__: object}` in
// `toDict()`, and `mapStoredMessageToChatMessage` never undoes it (see
// run-data-with-an-lc-key-survives-langchain-storedmessage-storage.test.ts). The relay carrier in
// `response_metadata.agent_event_bridge_relay` holds other formats' records as they were read, so
// an agno record whose metadata or session state held an `lc` key came back wrapped.

type AgnoRecord = Record<string, unknown> & { event?: string };

/** The agno 2.9 fixture with `lc` keys where agno keeps user data: run metadata and session state. */
function input(): AgnoRecord[] {
  const records = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl')) as AgnoRecord[];
  for (const record of records) {
    if (record.event === 'RunStarted') record.metadata = { lc: 1, tenant: 'acme' };
    if (record.event === 'RunCompleted') record.session_state = { cart: { lc: 'kept', items: 2 }, __lc_escaped__: { lc: 2 } };
  }
  return records;
}

/**
 * LangChain messages kept as StoredMessage JSON (a chat history store), rebuilt by langchain-core
 * and written as its constructor JSON again (`JSON.stringify` of the messages): the records the
 * way back reads.
 */
async function throughStoredMessages(records: unknown[]): Promise<unknown[]> {
  const messages = await load<BaseMessage[]>(JSON.stringify(records));
  const rebuilt = mapStoredMessagesToChatMessages(JSON.parse(JSON.stringify(mapChatMessagesToStoredMessages(messages))));
  return JSON.parse(JSON.stringify(rebuilt)) as unknown[];
}

describe('relayed records with an lc key survive LangChain StoredMessage storage', () => {
  it('agno → langchain with relay → StoredMessage JSON via langchain-core → agno with relay gives the input back byte for byte', async () => {
    const records = input();
    const there = convert(records, { from: 'agno', to: 'langchain', relay: true });
    const back = convert(await throughStoredMessages(there.output), { from: 'langchain', to: 'agno', relay: true, encode: { target: '2.x' } });
    expect(JSON.stringify(back.output)).toBe(JSON.stringify(records));
  });

  it('revived with load and written as JSON again, the relayed records come back as read too', async () => {
    const records = input();
    const there = convert(records, { from: 'agno', to: 'langchain', relay: true });
    const revived = JSON.parse(JSON.stringify(await load<BaseMessage[]>(JSON.stringify(there.output)))) as unknown[];
    const back = convert(revived, { from: 'langchain', to: 'agno', relay: true, encode: { target: '2.x' } });
    expect(JSON.stringify(back.output)).toBe(JSON.stringify(records));
  });
});
