import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LangChainMessageHandler } from '../../adapters/langchain/index.js';
import { ConversionError, convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const records = readJsonl(join(import.meta.dirname, 'fixtures', 'agent-tools.constructor.jsonl'));

describe('the LangChain decoder handlers option', () => {
  it('a system handler that reads nothing leaves the system prompt out of the events, and changes nothing else', () => {
    const seen: string[] = [];
    const dropSystem: LangChainMessageHandler = (state, message) => {
      seen.push(`${message.kind}:${String(message.fields.content)}:${state.runs.size}`);
    };
    type Event = { type: string; message?: { role: string }; delta?: string; input?: unknown };
    const decoded = (decode?: { handlers: { system: LangChainMessageHandler } }) =>
      convert(records, { from: 'langchain', to: 'canonical', encode: { header: false }, decode }).output as Event[];
    const plain = decoded();
    const overridden = decoded({ handlers: { system: dropSystem } });
    const isSystem = (event: Event) => event.type === 'message' && event.message?.role === 'system';
    expect(plain.filter(isSystem)).toHaveLength(1);
    // Part ids count the messages read, so the ids after the left-out message differ by one.
    const reading = (events: Event[]) => events.map(({ type, message, delta, input }) => ({ type, role: message?.role, delta, input }));
    expect(reading(overridden)).toEqual(reading(plain.filter((event) => !isSystem(event))));
    // The handler got the record as the decoder read it, before any run was opened.
    expect(seen).toEqual(['system:You answer travel questions.:0']);
  });

  it('refuses a handler for a record type the decoder does not dispatch on, and a handler that is not a function', () => {
    const unknownType = () => convert(records, { from: 'langchain', to: 'canonical', decode: { handlers: { developer: () => {} } as never } });
    expect(unknownType).toThrow(ConversionError);
    expect(unknownType).toThrow(/handlers by record type: human, ai, system/);
    const notAFunction = () => convert(records, { from: 'langchain', to: 'canonical', decode: { handlers: { ai: 'readMessage' } as never } });
    expect(notAFunction).toThrow(ConversionError);
    expect(notAFunction).toThrow(/handlers by record type/);
  });
});
