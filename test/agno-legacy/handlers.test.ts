import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import '../../src/registry.js';
import { type LegacyEventHandler, legacyEventHandlers } from '../../adapters/agno-legacy/index.js';
import { readFixture } from './read-fixture.js';

function canonical(records: unknown[], decode: Record<string, unknown> = {}): CanonicalEvent[] {
  return convert(records, { from: 'agno-legacy', to: 'canonical', encode: { header: false }, decode }).output as CanonicalEvent[];
}

describe('agno 1.x decode option handlers', () => {
  it('a handler given for a kind replaces the default for that kind only, in this conversion only', () => {
    const records = readFixture('v1.8.4-agent-tools.jsonl') as unknown[];
    // Redacts tool arguments: wraps the default handler and changes the calls it returns.
    const redacted: LegacyEventHandler = (decoder, record, envelope, era) => {
      const translation = legacyEventHandlers['tool-call-started'](decoder, record, envelope, era);
      for (const event of translation.events) if (event.type === 'tool-call') event.input = { redacted: true };
      return translation;
    };
    const plain = canonical(records);
    const overridden = canonical(records, { handlers: { 'tool-call-started': redacted } });

    const calls = (events: CanonicalEvent[]) => events.filter((event) => event.type === 'tool-call');
    expect(calls(plain).length).toBeGreaterThan(0);
    expect(calls(plain).every((call) => JSON.stringify(call.input) !== '{"redacted":true}')).toBe(true);
    expect(calls(overridden).map((call) => call.input)).toEqual(calls(plain).map(() => ({ redacted: true })));
    const others = (events: CanonicalEvent[]) => events.filter((event) => event.type !== 'tool-call');
    expect(others(overridden)).toEqual(others(plain));
    expect(canonical(records)).toEqual(plain);
  });

  it('a handler for a kind agno 1.x does not have is refused', () => {
    expect(() => canonical([], { handlers: { 'tool-started': () => ({ events: [], primary: undefined }) } })).toThrow(/handlers of agno-legacy must be an object of functions keyed by agno 1.x event kind: run-started, .*; got {"tool-started":"\[function\]"}/);
  });
});
