import { load } from '@langchain/core/load';
import { type BaseMessage, mapChatMessagesToStoredMessages, mapStoredMessagesToChatMessages } from '@langchain/core/messages';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLangChainMessages, toLangChainMessages } from '../../adapters/langchain/index.js';
import type { Message, Run } from '../../src/index.js';
import { propertyRuns, propertySeed, runsArbitrary } from '../support/arbitraries.js';
import { heldByLangChain } from './held-by-langchain.js';

/** Without ext (other formats' ext of messages and parts is not LangChain's to carry; its own is kept apart). */
function withoutExt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExt);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'ext').map(([key, field]) => [key, withoutExt(field)]));
}

/** LangChain holds one result per ToolMessage: a message with several results comes back as several messages. */
function split(message: Message): Message[] {
  const results = message.parts.filter((part) => part.type === 'tool-result');
  if (results.length <= (message.role === 'tool' ? 1 : 0)) return [message];
  const rest = message.parts.filter((part) => part.type !== 'tool-result');
  const name = message.name === undefined ? {} : { name: message.name };
  const pieces: Message[] = [
    ...(message.role === 'assistant' || rest.length > 0 ? [{ role: 'assistant' as const, ...name, parts: rest }] : []),
    ...results.map((part) => ({ role: 'tool' as const, ...name, parts: [part] })),
  ];
  if (message.id !== undefined && pieces[0] !== undefined) pieces[0] = { id: message.id, ...pieces[0] };
  return pieces;
}

/** Runs as LangChain can hold them: what the lineage carries, in id order (runs are written as they end), through JSON (no -0). */
function normal(runs: readonly Run[]): unknown {
  const each = (run: Run): unknown => ({ ...run, messages: withoutExt(run.messages.flatMap(split)), members: run.members.map(each) });
  const sorted = [...runs].sort((left, right) => (left.runId < right.runId ? -1 : 1));
  return JSON.parse(JSON.stringify(sorted.map(heldByLangChain).map(each)));
}

/** The messages of runs and their members, at any depth. */
function messagesOf(runs: readonly Run[]): Message[] {
  return runs.flatMap((run) => [...run.messages, ...messagesOf(run.members)]);
}

/**
 * Whether messages hold an object that `toJSON()` escapes (an `lc` key, a lone `__lc_escaped__`
 * key): langchain-core's own StoredMessage round trip hands such user data back still escaped
 * (test/regressions/run-data-with-an-lc-key-survives-langchain-storedmessage-storage.test.ts).
 * Run data in the lineage is ours to keep and stays in the property.
 */
function holdsEscapedUserData(runs: readonly Run[]): boolean {
  const text = JSON.stringify(messagesOf(runs));
  return text.includes('"lc":') || text.includes('"__lc_escaped__":');
}

describe('canonical runs through LangChain messages', () => {
  it('generated teams with members, tools, pauses and errors come back as the same runs', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        // LangChain's own toJSON (escapeIfNeeded, @langchain/core 1.2) assigns keys one by one and so drops `__proto__` keys.
        fc.pre(!JSON.stringify(runs).includes('"__proto__"'));
        expect(normal(fromLangChainMessages(toLangChainMessages(runs)))).toEqual(normal(runs));
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  }, Math.max(30_000, propertyRuns * 100));

  it('the messages written for generated runs survive the StoredMessage round trip and load unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(runsArbitrary, async (runs) => {
        fc.pre(!JSON.stringify(runs).includes('"__proto__"') && !holdsEscapedUserData(runs));
        const messages = toLangChainMessages(runs);
        const json = JSON.stringify(messages);
        expect(JSON.stringify(mapStoredMessagesToChatMessages(mapChatMessagesToStoredMessages(messages)))).toBe(json);
        expect(JSON.stringify(await load<BaseMessage[]>(json))).toBe(json);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  }, Math.max(30_000, propertyRuns * 100));
});
