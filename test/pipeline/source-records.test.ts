import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import { sourceOf } from '../../src/pipeline/source.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import '../../src/registry.js';
import { readJsonl } from '../support/golden.js';

const legacyFixtures = join(import.meta.dirname, '../agno-legacy/fixtures');
const agnoFixtures = join(import.meta.dirname, '../agno/fixtures');

function records(folder: string, name: string): unknown[] {
  return readJsonl(join(folder, name));
}

/** Every stream fixture of a folder (not the golden canonical and issue files beside them). */
function streams(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.jsonl') && !name.endsWith('.canonical.jsonl') && !name.endsWith('.issues.jsonl'));
}

/** JSON text as a reader would parse it: what leaves one process and reaches another. */
function overTheWire(output: unknown[]): unknown[] {
  return output.map((record) => JSON.parse(JSON.stringify(record)) as unknown);
}

describe('source records', () => {
  it('an own round trip writes back the very record objects it read', () => {
    const input = records(agnoFixtures, 'recorded/3.1.10/agent-tools.jsonl');
    const { output } = convert(input, { from: 'agno', to: 'agno' });
    expect(output).toHaveLength(input.length);
    output.forEach((record, index) => expect(record).toBe(input[index]));
  });

  it('decoded events carry their records out of band: JSON of the events holds none of them', () => {
    const input = records(agnoFixtures, 'v2.9.0-agent-tools.jsonl');
    const { output } = convert(input, { from: 'agno', to: 'canonical', encode: { header: false } });
    const events = output as CanonicalEvent[];
    expect(events.every((event) => sourceOf(event)?.format === 'agno')).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toContain('"RunContent"');
  });

  it('events that went through JSON have no source and are written from their canonical fields', () => {
    const input = records(agnoFixtures, 'v2.9.0-agent-tools.jsonl');
    const canonical = overTheWire(convert(input, { from: 'agno', to: 'canonical' }).output);
    const { output } = convert(canonical, { from: 'canonical', to: 'agno' });
    expect(output.length).toBeGreaterThan(0);
    output.forEach((record) => expect(input).not.toContain(record));
  });

  it('an edited event is written from its new fields while the records of unchanged events come back verbatim', () => {
    const input = records(agnoFixtures, 'v2.9.0-agent-tools.jsonl');
    const events = convert(input, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
    const edited = events.map((event) => (event.type === 'text-delta' && event.delta !== '' ? { ...event, delta: event.delta.toUpperCase() } : event));
    const { output } = convert(edited, { from: 'canonical', to: 'agno' });
    const content = output.filter((record) => (record as { event?: string }).event === 'RunContent') as { content: string }[];
    expect(content.length).toBeGreaterThan(0);
    expect(content.every((record) => record.content === record.content.toUpperCase())).toBe(true);
    expect(output[0]).toBe(input[0]);
  });

  it.each(['v2.9.0-agent-tools.jsonl', 'v2.9.0-team-one-member.jsonl', 'constructed-v2.9.0-tool-error.jsonl', 'constructed-v2.9.0-nested-team.jsonl'])(
    'in %s, an edited tool input is written in both the call record and the outcome records that restate it',
    (name) => {
      const input = records(agnoFixtures, name);
      const events = convert(input, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
      const edited = events.map((event) => (event.type === 'tool-call' ? { ...event, input: { edited: event.toolCallId } } : event));
      const { output } = convert(edited, { from: 'canonical', to: 'agno' });
      const tools = (output as { event?: string; tool?: { tool_call_id: string; tool_args: unknown } }[]).filter((record) =>
        /^(Team)?ToolCall(Started|Completed|Error)$/.test(record.event ?? ''),
      );
      const outcomes = tools.filter((record) => !record.event?.endsWith('Started'));
      expect(outcomes.length).toBeGreaterThan(0);
      expect(tools.length).toBe(input.filter((record) => /^(Team)?ToolCall(Started|Completed|Error)$/.test(String((record as { event?: unknown }).event))).length);
      for (const record of tools) expect(record.tool?.tool_args).toEqual({ edited: record.tool?.tool_call_id });
    },
  );

  it('an event stream asked for as an aggregate is written from the canonical fields, not as the events read', () => {
    const input = records(agnoFixtures, 'v2.9.0-agent-tools.jsonl');
    const { output } = convert(input, { from: 'agno', to: 'agno', encode: { shape: 'aggregate' } });
    expect(output).toHaveLength(1);
    expect(output[0]).not.toHaveProperty('event');
  });

  it.each(streams(legacyFixtures))('with relay, %s comes back exactly through canonical JSONL text', (name) => {
    const input = records(legacyFixtures, name);
    const middle = overTheWire(convert(input, { from: 'agno-legacy', to: 'canonical', relay: true }).output);
    const { output } = convert(middle, { from: 'canonical', to: 'agno-legacy', relay: true });
    expect(JSON.stringify(output)).toBe(JSON.stringify(input));
  });

  it('without relay, canonical output carries no source record', () => {
    const input = records(legacyFixtures, 'v1.8.4-agent-tools.jsonl');
    const text = JSON.stringify(convert(input, { from: 'agno-legacy', to: 'canonical' }).output);
    expect(text).not.toContain('"relay"');
    expect(text).not.toContain('RunResponseContent');
  });

  it('relayed records are read only when the reader asks for relay: otherwise a carrier is an invalid record, reported', () => {
    const input = records(legacyFixtures, 'v1.8.4-agent-tools.jsonl');
    const middle = overTheWire(convert(input, { from: 'agno-legacy', to: 'canonical', relay: true }).output);
    const { output, issues } = convert(middle, { from: 'canonical', to: 'agno-legacy' });
    expect(JSON.stringify(output)).not.toBe(JSON.stringify(input));
    expect(issues.some((issue) => issue.code === 'invalid-input' && issue.format === 'canonical')).toBe(true);
  });
});
