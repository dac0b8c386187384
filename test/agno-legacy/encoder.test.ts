import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert } from '../../src/index.js';
import { eraAEventSchemas, eraBEventSchemas } from '../../adapters/agno-legacy/schema.js';
import { readFixture } from './read-fixture.js';

const envelope = { runId: 'run-9', sessionId: 'sess-9', time: 1_700_000_000_000, actor: { kind: 'agent' as const, id: 'a1', name: 'Agent' } };

function records(output: unknown[]): Record<string, unknown>[] {
  return output as Record<string, unknown>[];
}

describe('agno-legacy encoder', () => {
  it('writes a 1.8.4 stream as era A chunks on request, each valid for its era A schema', () => {
    const { output } = convert(readFixture('v1.8.4-agent-tools.jsonl'), { from: 'agno-legacy', to: 'agno-legacy', encode: { era: 'A' } });
    expect(records(output).map((record) => record.event)).toEqual([
      'RunStarted', 'ToolCallStarted', 'ToolCallCompleted', 'RunResponse', 'RunResponse', 'RunResponse', 'RunResponse', 'RunResponse', 'RunCompleted',
    ]);
    for (const record of records(output)) expect(eraAEventSchemas[String(record.event)]?.safeParse(record).success).toBe(true);
    expect(records(output)[1]?.tools).toMatchObject([{ tool_call_id: 'call_1', tool_name: 'get_weather', tool_args: { city: 'Paris' } }]);
  });

  it('writes a 1.5.10 era A stream as era B events on request, each valid for its era B schema', () => {
    const { output } = convert(readFixture('v1.5.10-agent-tools.jsonl'), { from: 'agno-legacy', to: 'agno-legacy', encode: { era: 'B' } });
    expect(records(output).map((record) => record.event)).toEqual([
      'RunStarted', 'ToolCallStarted', 'ToolCallCompleted',
      'RunResponseContent', 'RunResponseContent', 'RunResponseContent', 'RunResponseContent', 'RunResponseContent',
      'MemoryUpdateCompleted', 'RunCompleted',
    ]);
    for (const record of records(output)) expect(eraBEventSchemas[String(record.event)]?.safeParse(record).success).toBe(true);
  });

  it('writes a stream as one RunResponse per top-level run on request, members nested', () => {
    const { output } = convert(readFixture('v1.8.4-team-one-member.jsonl'), { from: 'agno-legacy', to: 'agno-legacy', encode: { shape: 'aggregate' } });
    expect(output).toHaveLength(1);
    const [team] = records(output);
    expect(team).toMatchObject({ run_id: 'run-1', team_id: 'my-team', status: 'COMPLETED', content: 'Team says Paris is lovely' });
    expect(team?.member_responses).toMatchObject([{ run_id: 'run-2', agent_id: 'writer', status: 'COMPLETED', content: 'Paris is lovely' }]);
    expect(team?.tools).toMatchObject([{ tool_call_id: 'call_1', result: 'Paris is lovely', tool_call_error: false }]);
    const [run] = accumulate(convert(output, { from: 'agno-legacy', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    expect(run?.members.map((member) => member.runId)).toEqual(['run-2']);
  });

  it('keeps an error an error, a cancel a cancel and a pause a pause', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...envelope },
      { type: 'run-error', ...envelope, error: { message: 'boom', type: 'ModelProviderError' } },
      { type: 'run-cancel', ...envelope, runId: 'run-10', reason: 'stopped' },
      { type: 'run-pause', ...envelope, runId: 'run-11', requirements: [{ id: 'r1', kind: 'external-execution', toolCallId: 'c1', toolName: 'deploy', input: {} }] },
    ];
    const { output, issues } = convert(events, { from: 'canonical', to: 'agno-legacy' });
    expect(records(output).map((record) => record.event)).toEqual(['RunStarted', 'RunError', 'RunCancelled', 'RunPaused']);
    expect(records(output)[3]?.tools).toMatchObject([{ tool_call_id: 'c1', external_execution_required: true, requires_confirmation: null }]);
    expect(issues).toMatchObject([{ code: 'dropped', eventType: 'run-error', format: 'agno-legacy' }]);
  });

  it("writes a team pause as the agent RunPaused with the team's id and name, since 1.x teams cannot pause, and says so", () => {
    const team = { ...envelope, actor: { kind: 'team' as const, id: 't1', name: 'Team' } };
    const { output, issues } = convert([{ type: 'run-pause', ...team, requirements: [] }], { from: 'canonical', to: 'agno-legacy' });
    expect(records(output)).toMatchObject([{ event: 'RunPaused', agent_id: 't1', agent_name: 'Team' }]);
    expect(records(output)[0]).not.toHaveProperty('team_id');
    expect(issues.filter((issue) => issue.format === 'agno-legacy')).toMatchObject([{ code: 'approximated', eventType: 'run-pause' }]);
  });

  it("gives a member the team's session as team_session_id and reports what 1.x cannot write", () => {
    const team = { ...envelope, runId: 'lead', actor: { kind: 'team' as const, id: 't1' } };
    const member = { ...envelope, runId: 'member', parentRunId: 'lead' };
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...team },
      { type: 'run-start', ...member },
      { type: 'message', ...member, message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } },
      { type: 'state', ...member, snapshot: { a: 1 } },
      { type: 'run-end', ...member, output: 'done' },
      { type: 'run-end', ...team },
    ];
    const { output, issues } = convert(events, { from: 'canonical', to: 'agno-legacy' });
    expect(records(output)[1]).toMatchObject({ event: 'RunStarted', run_id: 'member', team_session_id: 'sess-9' });
    // The member starts outside a tool call of its team: a 1.x reader cannot nest it again.
    expect(issues.filter((issue) => issue.format === 'agno-legacy').map((issue) => `${issue.code} ${issue.eventType}`)).toEqual([
      'dropped run-start',
      'dropped message',
      'dropped state',
    ]);
  });

  it("gives records of events without time or actor their run's last ones, as 1.x writes them on every record", () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...envelope },
      { type: 'text-start', runId: 'run-9', id: 't' },
      { type: 'text-delta', runId: 'run-9', id: 't', delta: 'Hi' },
      { type: 'run-end', runId: 'run-9', output: 'Hi' },
    ];
    const { output } = convert(events, { from: 'canonical', to: 'agno-legacy' });
    for (const record of records(output)) expect(record).toMatchObject({ created_at: 1700000000, agent_id: 'a1', agent_name: 'Agent' });
  });
});
