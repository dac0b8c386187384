import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import '../../src/registry.js';
import { type AgnoEventHandler, agnoEventHandlers } from '../../adapters/agno/index.js';
import { readFixture } from './read-fixture.js';

function canonical(records: unknown[], decode: Record<string, unknown> = {}): CanonicalEvent[] {
  return convert(records, { from: 'agno', to: 'canonical', encode: { header: false }, decode }).output as CanonicalEvent[];
}

describe('agno decode option handlers', () => {
  it('a handler given for a role replaces the default for that role only, in this conversion only', () => {
    const records = readFixture('v2.9.0-agent-tools.jsonl') as unknown[];
    // Redacts tool arguments: wraps the default handler and changes the call it returns.
    const redacted: AgnoEventHandler = (decoder, record, resolved, state, base) => {
      const decoded = agnoEventHandlers['tool-call'](decoder, record, resolved, state, base);
      for (const event of decoded.events) if (event.type === 'tool-call') event.input = { redacted: true };
      return decoded;
    };
    const plain = canonical(records);
    const overridden = canonical(records, { handlers: { 'tool-call': redacted } });

    const calls = (events: CanonicalEvent[]) => events.filter((event) => event.type === 'tool-call');
    expect(calls(plain).map((call) => call.input)).toEqual([{ city: 'Paris' }]);
    expect(calls(overridden).map((call) => call.input)).toEqual([{ redacted: true }]);
    // Every other event is what the default handlers give.
    const others = (events: CanonicalEvent[]) => events.filter((event) => event.type !== 'tool-call');
    expect(others(overridden)).toEqual(others(plain));
    expect(canonical(records)).toEqual(plain);
  });

  it('a handler for a role agno does not have is refused', () => {
    expect(() => canonical([], { handlers: { 'tool-started': () => ({ events: [] }) } })).toThrow(/handlers of agno must be an object of functions keyed by agno event role: run-start, content, .*; got {"tool-started":"\[function\]"}/);
    expect(() => canonical([], { handlers: { 'tool-call': 'not a function' } })).toThrow(/handlers of agno must be/);
  });
});
