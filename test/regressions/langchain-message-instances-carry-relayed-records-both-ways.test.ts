import { join } from 'node:path';
import { load } from '@langchain/core/load';
import { AIMessage, type BaseMessage, isBaseMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { reviveLangChainRecord } from '../../adapters/langchain/index.js';
import { readJsonl } from '../support/golden.js';

// The relay carrier rides in `response_metadata.agent_event_bridge_relay` of a written message.
// Written with `revive` (real @langchain/core instances), the message that took the carrier came
// out as a plain object holding the instance's own fields (lc_kwargs, lc_namespace …): read as a
// `{type, content}` record and written back as one. Read from instances (`load` revives the JSON),
// the carrier's message was rebuilt the same way and the LangChain decoder, taking it for an
// instance, threw a TypeError.

const records = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl'));

describe('LangChain message instances carry relayed records both ways', () => {
  it('agno → langchain with relay and revive writes only @langchain/core messages, and they give the agno records back', () => {
    const there = convert(records, { from: 'agno', to: 'langchain', relay: true, encode: { revive: reviveLangChainRecord } });
    expect(there.output.length).toBeGreaterThan(0);
    for (const message of there.output) expect(isBaseMessage(message)).toBe(true);
    const carriers = there.output.filter((message) => 'agent_event_bridge_relay' in (message as BaseMessage).response_metadata);
    expect(carriers.length).toBeGreaterThan(0);
    for (const carrier of carriers) expect(carrier).toBeInstanceOf(AIMessage);
    const back = convert(there.output, { from: 'langchain', to: 'agno', relay: true, encode: { target: '2.x' } });
    expect(back.issues.filter((issue) => issue.level !== 'info')).toEqual([]);
    expect(JSON.stringify(back.output)).toBe(JSON.stringify(records));
  });

  it('agno → langchain with relay, revived by load, → agno with relay gives the input back byte for byte', async () => {
    const there = convert(records, { from: 'agno', to: 'langchain', relay: true });
    const revived = await load<BaseMessage[]>(JSON.stringify(there.output));
    for (const message of revived) expect(isBaseMessage(message)).toBe(true);
    const back = convert(revived, { from: 'langchain', to: 'agno', relay: true, encode: { target: '2.x' } });
    expect(JSON.stringify(back.output)).toBe(JSON.stringify(records));
  });
});
