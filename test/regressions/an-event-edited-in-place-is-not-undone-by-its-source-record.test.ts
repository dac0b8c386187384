import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, type Issue, convert, createDecoder, createEncoder } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const fixture = join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl');

type AgnoRecord = Record<string, unknown> & { event?: string; content?: unknown };

/** JSON text as a reader would parse it: what leaves one process and reaches another. */
function overTheWire(output: readonly unknown[]): unknown[] {
  return output.map((record) => JSON.parse(JSON.stringify(record)) as unknown);
}

/** The agno 2.9 fixture: text in RunContent records, and server-side state only the source records hold. */
function input(): AgnoRecord[] {
  const records = readJsonl(fixture) as AgnoRecord[];
  for (const record of records) if (record.event === 'RunCompleted') record.session_state = { kept: 'only-in-the-source-record' };
  return records;
}

/** The input as the edit should leave it: every RunContent text in capitals, every other byte as read. */
function editedInput(): AgnoRecord[] {
  return input().map((record) => (record.event === 'RunContent' && typeof record.content === 'string' ? { ...record, content: record.content.toUpperCase() } : record));
}

/** The agno 2.9 records the events of the fixture give back through LangChain with relay, as text. */
function backThroughLangchain(events: readonly unknown[]): { text: string; issues: Issue[] } {
  const there = convert(events, { from: 'canonical', to: 'langchain', relay: true });
  const back = convert(overTheWire(there.output), { from: 'langchain', to: 'agno', relay: true, encode: { target: '2.x' } });
  return { text: JSON.stringify(back.output), issues: [...there.issues, ...back.issues] };
}

/** Capitalizes the text of every text delta, in place. */
function capitalizeInPlace(events: readonly unknown[]): void {
  for (const event of events as CanonicalEvent[]) if (event.type === 'text-delta') event.delta = event.delta.toUpperCase();
}

/** The canonical event objects of the fixture, still linked to their agno records. */
function decoded(): CanonicalEvent[] {
  return convert(input(), { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
}

/** The issue that says which relayed records edits left behind. */
function leftBehind(issues: readonly Issue[]): Issue[] {
  return issues.filter((issue) => /edited or replaced after decoding/.test(issue.message));
}

describe('an event edited in place is not undone by its source record', () => {
  it('agno → canonical objects, text edited in place, → langchain with relay → agno with relay gives the edited text and every other record as read', () => {
    const events = decoded();
    capitalizeInPlace(events);
    const { text, issues } = backThroughLangchain(events);
    expect(text).toBe(JSON.stringify(editedInput()));
    // The records of the edited events (one RunContent each) were not relayed: said once, with their count.
    const edited = input().filter((record) => record.event === 'RunContent').length;
    expect(edited).toBe(5);
    expect(leftBehind(issues)).toEqual([
      expect.objectContaining({
        code: 'dropped',
        level: 'info',
        format: 'langchain',
        message: `the ${edited} agno records of events edited or replaced after decoding were not relayed: those events were written from their canonical fields`,
      }),
    ]);
  });

  it('agno → canonical objects, a text event replaced by an edited copy, → langchain with relay → agno with relay gives the edited text', () => {
    const events = decoded().map((event) => (event.type === 'text-delta' ? { ...event, delta: event.delta.toUpperCase() } : event));
    const { text } = backThroughLangchain(events);
    expect(text).toBe(JSON.stringify(editedInput()));
  });

  it('without relay, agno → canonical objects, text edited in place, → agno writes the edited text', () => {
    const events = decoded();
    capitalizeInPlace(events);
    const { output } = convert(events, { from: 'canonical', to: 'agno', encode: { target: '2.x' } });
    expect(JSON.stringify(output)).toBe(JSON.stringify(editedInput()));
  });

  it('createDecoder → text edited in place → createEncoder to the same format writes the edited text', () => {
    const decoder = createDecoder({ from: 'agno' });
    const encoder = createEncoder({ to: 'agno', encode: { target: '2.x' } });
    const output: unknown[] = [];
    const events = [...input().flatMap((record) => decoder.push(record)), ...decoder.flush()];
    capitalizeInPlace(events);
    for (const event of events) output.push(...encoder.push(event));
    output.push(...encoder.flush());
    expect(JSON.stringify(output)).toBe(JSON.stringify(editedInput()));
  });

  it('a tool input edited in place reaches the call and every record that restates it', () => {
    const events = decoded();
    for (const event of events) if (event.type === 'tool-call') (event.input as Record<string, unknown>).city = 'Paris';
    const { output } = convert(events, { from: 'canonical', to: 'agno', encode: { target: '2.x' } });
    const tools = (output as { event?: string; tool?: { tool_args?: Record<string, unknown> } }[]).filter((record) => /^ToolCall(Started|Completed)$/.test(record.event ?? ''));
    expect(tools.length).toBe(2);
    for (const record of tools) expect(record.tool?.tool_args?.city).toBe('Paris');
  });

  it('events left as decoded still come back byte for byte, with and without relay, and nothing is reported', () => {
    const { text, issues } = backThroughLangchain(decoded());
    expect(text).toBe(JSON.stringify(input()));
    expect(leftBehind(issues)).toEqual([]);
    // Written back as the very records read.
    const records = input();
    const events = convert(records, { from: 'agno', to: 'canonical', encode: { header: false } }).output;
    const own = convert(events, { from: 'canonical', to: 'agno', encode: { target: '2.x' } }).output;
    expect(own).toHaveLength(records.length);
    own.forEach((record, index) => expect(record).toBe(records[index]));
  });
});
