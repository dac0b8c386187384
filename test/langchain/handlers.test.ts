import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LangChainMessageHandler, type LangChainRecordHandlers, langchainRecordHandlers } from '../../adapters/langchain/index.js';
import { ConversionError, convert } from '../../src/index.js';
import { readJsonl, toJsonl } from '../support/golden.js';

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

  it('a tool handler wrapping the exported default changes the tool results it reads and no other event', () => {
    const redacted: LangChainMessageHandler = (state, message, out, record) => {
      const from = out.length;
      langchainRecordHandlers.tool(state, message, out, record);
      for (const event of out.slice(from)) if (event.type === 'tool-result') event.output = '[redacted]';
    };
    const events = (decode?: { handlers: { tool: LangChainMessageHandler } }) =>
      (convert(records, { from: 'langchain', to: 'canonical', encode: { header: false }, decode }).output as { type: string; output?: unknown }[]).map((event) => JSON.stringify(event));
    const [plain, overridden] = [events(), events({ handlers: { tool: redacted } })];
    const results = plain.filter((event) => event.includes('"type":"tool-result"'));
    expect(results.length).toBeGreaterThan(0);
    expect(overridden.length).toBe(plain.length);
    const changed = overridden.filter((event, index) => event !== plain[index]);
    expect(changed.map((event) => JSON.parse(event).output)).toEqual(results.map(() => '[redacted]'));
    expect(changed.map((event) => JSON.stringify({ ...JSON.parse(event), output: 0 }))).toEqual(results.map((event) => JSON.stringify({ ...JSON.parse(event), output: 0 })));
  });

  it('refuses a handler for a record type the decoder does not dispatch on, a handler that is not a function, and a type given as undefined', () => {
    const attempt = (handlers: unknown) => () => convert(records, { from: 'langchain', to: 'canonical', decode: { handlers } as never });
    const refusal = (got: string) =>
      `decode option handlers of langchain must be an object of functions keyed by LangChain record type: human, ai, system, tool, generic, function, remove, AIMessageChunk, streamEvent; got ${got}`;
    expect(attempt({ developer: () => {} })).toThrow(ConversionError);
    expect(attempt({ developer: () => {} })).toThrow(refusal('{"developer":"[function]"}'));
    expect(attempt({ ai: 'readMessage' })).toThrow(refusal('{"ai":"readMessage"}'));
    // A key given as undefined was taken for "keep the default" before the option shared one schema with the other decoders.
    expect(attempt({ system: undefined })).toThrow(refusal('{"system":"[undefined]"}'));
  });

  const fixtures = join(import.meta.dirname, 'fixtures');
  const inputs = readdirSync(fixtures).filter((file) => file.endsWith('.jsonl') && !file.endsWith('.canonical.jsonl') && !file.endsWith('.issues.jsonl'));

  for (const file of inputs) {
    it(`handlers that call the exported defaults give ${file} byte for byte as the defaults do, to canonical and to ai-sdk-ui`, () => {
      const input = readJsonl(join(fixtures, file));
      const called = new Set<string>();
      const wrapping = Object.fromEntries(
        (Object.keys(langchainRecordHandlers) as (keyof LangChainRecordHandlers)[]).map((type) => [
          type,
          (...args: never[]) => {
            called.add(type);
            return (langchainRecordHandlers[type] as (...args: never[]) => void)(...args);
          },
        ]),
      ) as Partial<LangChainRecordHandlers>;
      const bytes = (to: 'canonical' | 'ai-sdk-ui', handlers?: Partial<LangChainRecordHandlers>) => {
        const { output, issues } = convert(input, { from: 'langchain', to, encode: to === 'canonical' ? { header: false } : undefined, decode: handlers === undefined ? undefined : { handlers } });
        return toJsonl([...output, { issues }]);
      };
      expect(bytes('canonical', wrapping)).toBe(bytes('canonical'));
      expect(called.size).toBeGreaterThan(0);
      expect(bytes('ai-sdk-ui', wrapping)).toBe(bytes('ai-sdk-ui'));
    });
  }
});
