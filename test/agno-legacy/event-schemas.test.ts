import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert } from '../../src/index.js';
import {
  aggregateSchema,
  type LegacyEra,
  type LegacyKind,
  eraAEventSchemas,
  eraAEvents,
  eraBAgentEvents,
  eraBEventSchemas,
  eraBTeamEvents,
} from '../../adapters/agno-legacy/schema.js';
import { readFixture } from './read-fixture.js';

const envelope = { runId: 'run-1', sessionId: 'sess-1', time: 1_700_000_000_000 };

/** One canonical event per 1.x record kind: what the decoder makes of that record. */
const samples: Record<LegacyKind, CanonicalEvent> = {
  'run-started': { type: 'run-start', ...envelope, model: 'fake-model', provider: 'Fake' },
  content: { type: 'text-delta', ...envelope, id: 'text-1', delta: 'Hi' },
  'intermediate-content': { type: 'data', ...envelope, name: 'intermediate-content', data: 'draft' },
  'run-completed': { type: 'run-end', ...envelope, output: 'Hi' },
  'run-error': { type: 'run-error', ...envelope, error: { message: 'boom' } },
  'run-cancelled': { type: 'run-cancel', ...envelope, reason: 'stopped' },
  'run-paused': { type: 'run-pause', ...envelope, requirements: [{ id: 'call_9', kind: 'confirmation', toolCallId: 'call_9', toolName: 'delete_file', input: { path: '/tmp/x' } }] },
  'run-continued': { type: 'run-resume', ...envelope },
  'tool-call-started': { type: 'tool-call', ...envelope, toolCallId: 'call_1', toolName: 'get_weather', input: { city: 'Paris' } },
  'tool-call-completed': { type: 'tool-result', ...envelope, toolCallId: 'call_1', toolName: 'get_weather', output: 'sunny' },
  'reasoning-started': { type: 'reasoning-start', ...envelope, id: 'reasoning-1' },
  'reasoning-step': { type: 'reasoning-step', ...envelope, title: 'Plan', nextAction: 'continue', confidence: 0.9 },
  'reasoning-completed': { type: 'reasoning-end', ...envelope, id: 'reasoning-1' },
  'memory-update-started': { type: 'activity-start', ...envelope, name: 'memory-update' },
  'memory-update-completed': { type: 'activity-end', ...envelope, name: 'memory-update' },
  'updating-memory': { type: 'activity-end', ...envelope, name: 'memory-update' },
  'parser-model-started': { type: 'activity-start', ...envelope, name: 'parser-model' },
  'parser-model-completed': { type: 'activity-end', ...envelope, name: 'parser-model' },
  'output-model-started': { type: 'activity-start', ...envelope, name: 'output-model' },
  'output-model-completed': { type: 'activity-end', ...envelope, name: 'output-model' },
  'workflow-started': { type: 'activity-start', ...envelope, name: 'workflow' },
  'workflow-completed': { type: 'activity-end', ...envelope, name: 'workflow' },
};

interface Case {
  name: string;
  kind: LegacyKind;
  era: LegacyEra;
  team: boolean;
}

function cases(): Case[] {
  const all: Case[] = [];
  const tables: [Readonly<Record<LegacyKind, string | undefined>>, LegacyEra, boolean][] = [
    [eraBAgentEvents, 'B', false],
    [eraBTeamEvents, 'B', true],
    [eraAEvents, 'A', false],
    [eraAEvents, 'A', true],
  ];
  for (const [table, era, team] of tables) {
    for (const [kind, name] of Object.entries(table)) {
      // Era A's UpdatingMemory is the end of the memory activity; its era B twins are tested apart.
      if (name !== undefined) all.push({ name: `${name} (era ${era}${team ? ', team' : ''})`, kind: kind as LegacyKind, era, team });
    }
  }
  return all;
}

function write(kind: LegacyKind, era: LegacyEra, team: boolean): Record<string, unknown> {
  const actor = team ? { kind: 'team' as const, id: 'my-team', name: 'My Team' } : { kind: 'agent' as const, id: 'agent-1', name: 'Agent' };
  const events: CanonicalEvent[] = [{ ...samples[kind], actor }];
  const { output } = convert(events, { from: 'canonical', to: 'agno-legacy', encode: { era } });
  expect(output).toHaveLength(1);
  return output[0] as Record<string, unknown>;
}

describe('agno-legacy event schemas', () => {
  it.each(cases())('$name is written to its schema and decodes back to the same canonical event type', ({ kind, era, team }) => {
    const record = write(kind, era, team);
    const schemas = era === 'A' ? eraAEventSchemas : eraBEventSchemas;
    const schema = schemas[String(record.event)];
    expect(schema, `no schema for ${String(record.event)}`).toBeDefined();
    expect(schema?.safeParse(record).success).toBe(true);
    const { output, issues } = convert([record], { from: 'agno-legacy', to: 'canonical', encode: { header: false } });
    // A lone record leaves its run open, which the pipeline notes; the adapter itself raises nothing.
    expect(issues.filter((issue) => issue.format === 'agno-legacy')).toEqual([]);
    const types = (output as CanonicalEvent[]).map((event) => event.type);
    // Intermediate content is written from a data event and read as a text of its own, as the agno adapter reads it.
    expect(types).toContain(kind === 'intermediate-content' ? 'text-delta' : samples[kind].type);
    expect(convert([record], { from: 'agno-legacy', to: 'agno-legacy' }).output).toEqual([record]);
  });

  it('has a schema for every event string of both eras', () => {
    const names = [...Object.values(eraBAgentEvents), ...Object.values(eraBTeamEvents)].filter((name) => name !== undefined);
    expect(Object.keys(eraBEventSchemas).sort()).toEqual([...new Set(names)].sort());
    expect(Object.keys(eraAEventSchemas).sort()).toEqual(Object.values(eraAEvents).filter((name) => name !== undefined).sort());
  });

  it.each(['v1.8.4-agent-run-response.json', 'constructed-v1.5.10-stored-run.json'])('the stored run %s fits the aggregate schema', (name) => {
    const [record] = readFixture(name);
    expect(aggregateSchema.safeParse(record).success).toBe(true);
  });
});
