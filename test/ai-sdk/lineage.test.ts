import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { readChunks } from './ui-reader.js';

const team = readJsonl(join(import.meta.dirname, '../agno/fixtures/constructed-v2.9.0-nested-team.jsonl'));

describe('lineage in AI SDK streams', () => {
  it("a member's text and tool call name the member's run, its parent run and its actor in ai-sdk-ui", async () => {
    const { message } = await readChunks(convert(team, { from: 'agno', to: 'ai-sdk-ui' }).output);
    const lineage = (message?.parts ?? []).map((part) => {
      const record = part as unknown as Record<string, Record<string, Record<string, unknown>> | undefined>;
      return (record.providerMetadata ?? record.callProviderMetadata)?.['agent-event-bridge'];
    });
    const members = lineage.filter((entry) => entry?.parentRunId !== undefined);
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) expect(member).toMatchObject({ runId: expect.any(String), actor: { kind: expect.any(String) } });
  });

  it("a member's text part keeps its lineage to the end, although useChat keeps only the last chunk's metadata", async () => {
    const records = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'));
    const { message } = await readChunks(convert(records, { from: 'agno', to: 'ai-sdk-ui' }).output);
    const member = message?.parts.find((part) => part.type === 'text' && part.text === 'Paris is lovely') as { providerMetadata?: Record<string, unknown> } | undefined;
    expect(member?.providerMetadata?.['agent-event-bridge']).toMatchObject({
      runId: 'run-2',
      parentRunId: 'run-1',
      actor: { kind: 'agent', id: 'writer', name: 'Writer' },
    });
  });

  it("every run and parent run, and every member's actor, comes back from ai-sdk-ui and ai-sdk-stream", () => {
    // The message's own run is named by its id alone (the adapter README: its actor is not written).
    const lineageOf = (events: unknown[]) =>
      (events as { runId?: string; parentRunId?: string; actor?: unknown }[])
        .filter((event) => event.runId !== undefined)
        .map(({ runId, parentRunId, actor }) => JSON.stringify({ runId, parentRunId, actor: parentRunId === undefined ? undefined : actor }));
    const expected = new Set(lineageOf(convert(team, { from: 'agno', to: 'canonical' }).output));
    for (const format of ['ai-sdk-ui', 'ai-sdk-stream'] as const) {
      const written = convert(team, { from: 'agno', to: format }).output;
      expect(new Set(lineageOf(convert(written, { from: format, to: 'canonical' }).output))).toEqual(expected);
    }
  });
});

describe('detection', () => {
  const fixtures = join(import.meta.dirname, 'fixtures');
  for (const file of readdirSync(fixtures).filter((name) => /\.(ui|stream)\.jsonl$/.test(name))) {
    const format = file.endsWith('.ui.jsonl') ? 'ai-sdk-ui' : 'ai-sdk-stream';
    const records = readJsonl(join(fixtures, file));
    // A bare {"type":"start"} is the same record in both formats: it is told apart by its neighbours only.
    const told = records.filter((record, index) => index > 0 || JSON.stringify(record) !== '{"type":"start"}');

    it(`every record of ${file} that says its format is read as ${format} when the format is not given`, () => {
      const { stats } = convert(told, { from: 'auto', to: 'canonical' });
      expect(stats.records).toEqual({ [format]: told.length });
    });
  }
});
