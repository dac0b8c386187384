import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, createDecoder } from '../../src/index.js';
import { agnoLegacyFormat } from '../../adapters/agno-legacy/index.js';
import { readFixture } from './read-fixture.js';

function decode(records: unknown[]): { events: CanonicalEvent[]; issues: unknown[] } {
  const { output, issues } = convert(records, { from: 'agno-legacy', to: 'canonical', encode: { header: false } });
  return { events: output as CanonicalEvent[], issues };
}

describe('agno-legacy decoder', () => {
  it("gives a team member's events the member's run id, the leader's run as parent and the member agent as actor", () => {
    const { events } = decode(readFixture('v1.8.4-team-one-member.jsonl'));
    const member = events.filter((event) => event.runId === 'run-2');
    expect(member.length).toBeGreaterThan(0);
    for (const event of member) {
      expect(event.parentRunId).toBe('run-1');
      expect(event.actor).toEqual({ kind: 'agent', id: 'writer', name: 'Writer' });
    }
    const [leader] = accumulate(events);
    expect(leader?.members.map((run) => run.runId)).toEqual(['run-2']);
  });

  it('nests a sub-team and its member under the team that delegated to it', () => {
    const { events } = decode(readFixture('constructed-v1.8.4-nested-team.jsonl'));
    const [outer] = accumulate(events);
    expect(outer?.runId).toBe('run-o');
    expect(outer?.members.map((run) => run.runId)).toEqual(['run-i']);
    expect(outer?.members[0]?.members.map((run) => [run.runId, run.parentRunId, run.actor?.id])).toEqual([['run-a', 'run-i', 'searcher']]);
  });

  it('finds the parent of a member inside the delegating tool call when the stream has no run starts (stream_intermediate_steps off)', () => {
    const { events } = decode(readFixture('constructed-v1.8.4-team-without-intermediate-steps.jsonl'));
    const parentsOf = (runId: string) => new Set(events.filter((event) => event.runId === runId).map((event) => event.parentRunId));
    expect(parentsOf('run-2')).toEqual(new Set(['run-1']));
    expect(parentsOf('run-1')).toEqual(new Set([undefined]));
    // An agent run after the delegation ended is no member.
    expect(parentsOf('run-9')).toEqual(new Set([undefined]));
  });

  it('gives the members of a second team run in the same stream the second run as parent', () => {
    const first = readFixture('v1.8.4-team-one-member.jsonl') as Record<string, unknown>[];
    const rename = (record: Record<string, unknown>): Record<string, unknown> => ({ ...record, run_id: `${String(record.run_id)}-again` });
    const { events } = decode([...first, ...first.map(rename)]);
    const member = events.filter((event) => event.runId === 'run-2-again');
    expect(member.length).toBeGreaterThan(0);
    expect(new Set(member.map((event) => event.parentRunId))).toEqual(new Set(['run-1-again']));
  });

  it('turns content that restates the text so far into clean deltas without losing text', () => {
    const { events } = decode(readFixture('constructed-v1.8.4-thinking-cumulative-error.jsonl'));
    const [run] = accumulate(events);
    const parts = run?.messages.flatMap((message) => message.parts.map((part) => [message.role, part.type, 'text' in part ? part.text : '']));
    expect(parts).toEqual([
      ['assistant', 'reasoning', 'Let me think.'],
      ['assistant', 'text', 'Hello world!'],
    ]);
    expect(run?.status).toBe('error');
  });

  it('sums dict-of-lists metrics of a stored run into one usage', () => {
    const [run] = accumulate(decode(readFixture('v1.8.4-agent-run-response.json')).events);
    expect(run?.usage).toMatchObject({ inputTokens: 30, outputTokens: 9, totalTokens: 39 });
    // 1.8.4 wrote RUNNING for a finished non-streaming run: the status is kept, not promoted.
    expect(run?.status).toBe('running');
  });

  it('keeps an unknown event string as a raw record with an unknown-event issue and writes it back unchanged', () => {
    const record = { created_at: 1700000000, event: 'RunTeleported', agent_id: 'a1', run_id: 'r1' };
    const { events, issues } = decode([record]);
    expect(events).toEqual([{ type: 'raw', runId: 'r1', format: 'agno-legacy', payload: record }]);
    expect(issues).toMatchObject([{ code: 'unknown-event', format: 'agno-legacy' }]);
    expect(convert([record], { from: 'agno-legacy', to: 'agno-legacy' }).output).toEqual([record]);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (records) => {
        const decoder = createDecoder({ from: 'agno-legacy' });
        for (const record of records) decoder.push(record);
        decoder.flush();
      }),
      { seed: 1121, numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it('never throws on records that look like 1.x events with arbitrary fields', () => {
    const names = ['RunResponseContent', 'RunResponse', 'ToolCallStarted', 'ToolCallCompleted', 'TeamRunCompleted', 'RunPaused', 'ReasoningStep', 'RunCompleted', 'TeamRunStarted'];
    const record = fc.record(
      {
        event: fc.constantFrom(...names),
        run_id: fc.oneof(fc.string(), fc.constant(undefined)),
        team_id: fc.string(),
        content: fc.jsonValue(),
        thinking: fc.jsonValue(),
        tool: fc.jsonValue(),
        tools: fc.jsonValue(),
        metrics: fc.jsonValue(),
        messages: fc.jsonValue(),
        member_responses: fc.jsonValue(),
        citations: fc.jsonValue(),
        image: fc.jsonValue(),
      },
      { requiredKeys: ['event'] },
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (records) => {
        const { output } = convert(records, { from: 'agno-legacy', to: 'agno-legacy' });
        expect(Array.isArray(output)).toBe(true);
      }),
      { seed: 1122, numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});

describe('agno-legacy detect', () => {
  it('tells era A from era B and claims the strings only 1.x wrote with certainty', () => {
    expect(agnoLegacyFormat.detect(readFixture('v1.5.10-agent-tools.jsonl')[1])).toEqual({ confidence: 0.9, version: '1.0 – 1.5' });
    expect(agnoLegacyFormat.detect(readFixture('v1.5.10-agent-tools.jsonl')[3])).toEqual({ confidence: 1, version: '1.0 – 1.5' });
    expect(agnoLegacyFormat.detect(readFixture('v1.8.4-agent-tools.jsonl')[3])).toEqual({ confidence: 1, version: '1.6 – 1.8' });
    expect(agnoLegacyFormat.detect(readFixture('v1.8.4-team-one-member.jsonl')[2])).toEqual({ confidence: 1, version: '1.6 – 1.8' });
    expect(agnoLegacyFormat.detect(readFixture('v1.8.4-agent-run-response.json')[0])).toEqual({ confidence: 0.95, version: '1.6 – 1.8' });
  });

  it('does not claim records only 2.x writes', () => {
    for (const name of ['v2/v2.9.0-agent-tools.jsonl', 'v2/v2.9.0-team-one-member.jsonl', 'v2/v2.9.0-agent-run-output.json', 'v2/v2.9.0-hitl-confirmation.jsonl']) {
      for (const record of readFixture(name)) expect(agnoLegacyFormat.detect(record)?.confidence ?? 0, name).toBeLessThan(0.5);
    }
  });

  it('gives a record 2.x could have written as well only a low score', () => {
    const started = readFixture('v1.8.4-agent-tools.jsonl')[0];
    expect(agnoLegacyFormat.detect(started)?.confidence).toBeLessThan(0.5);
  });
});

describe('agno-legacy under auto detection', () => {
  it.each([
    'v1.5.10-agent-tools.jsonl',
    'v1.5.10-team.jsonl',
    'v1.8.4-agent-tools.jsonl',
    'v1.8.4-team-one-member.jsonl',
    'v1.8.4-agent-run-response.json',
    'constructed-v1.8.4-nested-team.jsonl',
    'constructed-v1.8.4-thinking-cumulative-error.jsonl',
  ])('reads every record of %s as agno-legacy', (name) => {
    const records = readFixture(name);
    const { stats } = convert(records, { from: 'auto', to: 'canonical' });
    expect(stats.records).toEqual({ 'agno-legacy': records.length });
  });

  it.each(['v2/v2.5.3-team-one-member.jsonl', 'v2/v2.9.0-agent-tools.jsonl', 'v2/v2.9.0-team-one-member.jsonl', 'v2/v2.9.0-agent-run-output.json'])(
    'leaves every record of %s to agno 2.x',
    (name) => {
      const records = readFixture(name);
      const { stats } = convert(records, { from: 'auto', to: 'canonical' });
      expect(stats.records).toEqual({ agno: records.length });
    },
  );
});

describe('agno-legacy content modes', () => {
  const chunk = (content: string) => ({ created_at: 1700000000, event: 'RunResponseContent', agent_id: 'a1', agent_name: 'A', run_id: 'r1', content, content_type: 'str', thinking: '' });

  it('keeps a repeated short token, in auto and in delta mode', () => {
    const records = [chunk('ha'), chunk('ha')];
    const text = (decode: Record<string, unknown>) =>
      accumulate(convert(records, { from: 'agno-legacy', to: 'canonical', decode, encode: { header: false } }).output as CanonicalEvent[])[0]?.messages[0]?.parts;
    expect(text({ content: 'delta' })).toMatchObject([{ type: 'text', text: 'haha' }]);
    expect(text({})).toMatchObject([{ type: 'text', text: 'haha' }]);
    expect(convert(records, { from: 'agno-legacy', to: 'agno-legacy', decode: { content: 'delta' } }).output).toEqual(records);
  });
});
