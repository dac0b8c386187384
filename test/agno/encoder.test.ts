import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agnoFormat, detectAgno } from '../../adapters/agno/index.js';
import { accumulate, type CanonicalEvent, convert } from '../../src/index.js';
import { fixtures, readFixture } from './read-fixture.js';

const member = { runId: 'm1', parentRunId: 'lead', actor: { kind: 'agent' as const, id: 'writer', name: 'Writer' } };
const lead = { runId: 'lead', actor: { kind: 'team' as const, id: 'team', name: 'Team' } };

/** A stream as another format (the AI SDK, say) would decode it: no agno ext anywhere. */
const foreign: CanonicalEvent[] = [
  { type: 'run-start', ...lead, time: 1700000000000 },
  { type: 'step-start', ...lead },
  { type: 'tool-input-start', ...lead, toolCallId: 'call-1', toolName: 'delegate' },
  { type: 'tool-input-delta', ...lead, toolCallId: 'call-1', delta: '{"task":"x"}' },
  { type: 'tool-call', ...lead, toolCallId: 'call-1', toolName: 'delegate', input: { task: 'x' } },
  { type: 'step-end', ...lead, finishReason: 'tool-calls', usage: { inputTokens: 3, outputTokens: 2 } },
  { type: 'run-start', ...member },
  { type: 'reasoning-start', ...member, id: 'r' },
  { type: 'reasoning-delta', ...member, id: 'r', delta: 'hmm' },
  { type: 'reasoning-end', ...member, id: 'r', signature: 'sig' },
  { type: 'text-start', ...member, id: 't' },
  { type: 'text-delta', ...member, id: 't', delta: 'Hello' },
  { type: 'text-end', ...member, id: 't' },
  { type: 'run-end', ...member, output: 'Hello' },
  { type: 'tool-result', ...lead, toolCallId: 'call-1', output: { ok: true } },
  { type: 'run-end', ...lead, finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 } },
];

describe('agno encoder for events of other formats', () => {
  it('writes a plausible agno 2.9.0 stream with the member lineage in parent_run_id (target 2.x)', () => {
    const { output, issues } = convert(foreign, { from: 'canonical', to: 'agno', encode: { target: '2.x' } });
    const records = output as Record<string, unknown>[];
    expect(records.map((record) => record.event)).toEqual([
      'TeamRunStarted',
      'TeamModelRequestStarted',
      'TeamToolCallStarted',
      'TeamModelRequestCompleted',
      'RunStarted',
      'RunContent',
      'RunContent',
      'RunCompleted',
      'TeamToolCallCompleted',
      'TeamRunCompleted',
    ]);
    expect(records[4]).toEqual({ created_at: 1700000000, event: 'RunStarted', agent_id: 'writer', agent_name: 'Writer', run_id: 'm1', parent_run_id: 'lead', nested_depth: 0 });
    expect(records[6]).toMatchObject({ content: 'Hello', workflow_agent: false, content_type: 'str', reasoning_content: '' });
    expect(records[5]).toMatchObject({ reasoning_content: 'hmm' });
    expect(records[0]).toMatchObject({ created_at: 1700000000, team_id: 'team', team_name: 'Team' });
    expect(records[8]).toMatchObject({ tool: { tool_call_id: 'call-1', tool_name: 'delegate', tool_args: { task: 'x' }, result: '{"ok":true}', tool_call_error: false } });
    expect(records[9]).toMatchObject({ metrics: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } });
    expect(issues.map((issue) => issue.message)).toEqual([
      'the finish reason of a model request has no agno 2.x field and was left out',
      'a reasoning signature has no agno 2.x field and was left out',
      'the finish reason of a run has no agno 2.x field and was left out',
    ]);
  });

  it('writes what agno reads back to the same runs', () => {
    const records = convert(foreign, { from: 'canonical', to: 'agno' }).output;
    const again = convert(records, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
    const [before] = accumulate(foreign);
    const [after] = accumulate(again);
    expect(after?.members[0]?.messages.flatMap((message) => message.parts.map((part) => part.type))).toEqual(['reasoning', 'text']);
    expect(after?.members[0]?.output).toBe(before?.members[0]?.output);
    expect(after?.members[0]?.parentRunId).toBe('lead');
    expect(after?.status).toBe('completed');
  });

  it('never turns an error, a cancel or a pause into success', () => {
    const base = { runId: 'r', actor: { kind: 'agent' as const, id: 'a' } };
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...base },
      { type: 'tool-call', ...base, toolCallId: 'c', toolName: 'f', input: {} },
      { type: 'tool-error', ...base, toolCallId: 'c', error: 'bad' },
      { type: 'run-pause', ...base, requirements: [{ id: 'q', kind: 'user-input', toolCallId: 'c2', toolName: 'ask', schema: [{ name: 'x' }] }] },
      { type: 'run-resume', ...base },
      { type: 'run-error', ...base, error: { message: 'boom', type: 'Crash' } },
      { type: 'run-start', runId: 'other' },
      { type: 'run-cancel', runId: 'other', reason: 'stop' },
    ];
    const records = convert(events, { from: 'canonical', to: 'agno' }).output as Record<string, unknown>[];
    expect(records.map((record) => record.event)).toEqual([
      'RunStarted',
      'ToolCallStarted',
      'ToolCallCompleted',
      'ToolCallError',
      'RunPaused',
      'RunContinued',
      'RunError',
      'RunStarted',
      'RunCancelled',
    ]);
    expect(records[2]).toMatchObject({ tool: { tool_call_error: true, result: 'bad' } });
    expect(records[4]).toMatchObject({
      requirements: [{ id: 'q', user_input_schema: [{ name: 'x' }], tool_execution: { requires_user_input: true, tool_name: 'ask' } }],
      tools: [{ tool_call_id: 'c2', requires_user_input: true }],
    });
    expect(records[6]).toMatchObject({ content: 'boom', error_type: 'Crash' });
    expect(records[8]).toMatchObject({ reason: 'stop', agent_id: '', agent_name: '' });
    const runs = accumulate(convert(records, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    expect(runs.map((run) => run.status)).toEqual(['error', 'cancelled']);
  });

  it('reports what agno cannot carry: state, handoffs, input messages and foreign raw records', () => {
    const base = { runId: 'r' };
    const { output, issues } = convert(
      [
        { type: 'state', ...base, snapshot: { a: 1 } },
        { type: 'handoff', ...base, to: 'b' },
        { type: 'message', ...base, message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } },
        { type: 'raw', ...base, format: 'runner', payload: { x: 1 } },
        { type: 'file', ...base, mediaType: 'video/mp4', url: 'https://v' },
      ],
      { from: 'canonical', to: 'agno' },
    );
    expect(issues.filter((issue) => issue.format === 'agno').map((issue) => [issue.code, issue.eventType])).toEqual([
      ['dropped', 'state'],
      ['dropped', 'handoff'],
      ['dropped', 'message'],
      ['dropped', 'raw'],
      ['approximated', 'file'],
      ['minted', 'file'],
    ]);
    expect(output).toEqual([{ created_at: 0, event: 'CustomEvent', agent_id: '', agent_name: '', run_id: 'r', nested_depth: 0, video: { id: 'minted-video-1', url: 'https://v', mime_type: 'video/mp4' } }]);
  });
});

describe('agno aggregates', () => {
  it('writes a team stream as one TeamRunOutput with its member in member_responses', () => {
    const { output } = convert(readFixture('v2.9.0-team-one-member.jsonl'), { from: 'agno', to: 'agno', encode: { shape: 'aggregate' } });
    expect(output).toHaveLength(1);
    expect(output[0]).toMatchObject({
      run_id: 'run-1',
      team_id: 'my-team',
      status: 'COMPLETED',
      content: 'Team says Paris is lovely',
      member_responses: [{ run_id: 'run-2', agent_id: 'writer', parent_run_id: 'run-1', status: 'COMPLETED', content: 'Paris is lovely' }],
    });
  });

  it('writes a run of another format as a RunOutput, minting the message ids agno always has', () => {
    const base = { runId: 'r', actor: { kind: 'agent' as const, id: 'a' }, time: 1700000000000 };
    const { output, issues } = convert(
      [
        { type: 'run-start', ...base, input: 'hi' },
        { type: 'message', ...base, message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } },
        { type: 'text-start', ...base, id: 't' },
        { type: 'text-delta', ...base, id: 't', delta: 'hello' },
        { type: 'text-end', ...base, id: 't' },
        { type: 'run-end', ...base, output: 'hello', usage: { inputTokens: 1, outputTokens: 2 } },
      ],
      { from: 'canonical', to: 'agno', encode: { shape: 'aggregate' } },
    );
    expect(output).toEqual([
      {
        run_id: 'r',
        agent_id: 'a',
        input: { input_content: 'hi' },
        content: 'hello',
        content_type: 'str',
        messages: [
          { id: 'minted-message-1', content: 'hi', role: 'user', from_history: false, stop_after_tool_call: false, created_at: 1700000000 },
          { id: 'minted-message-2', content: 'hello', role: 'assistant', from_history: false, stop_after_tool_call: false, created_at: 1700000000 },
        ],
        metrics: { input_tokens: 1, output_tokens: 2 },
        created_at: 1700000000,
        status: 'COMPLETED',
      },
    ]);
    expect(issues.filter((issue) => issue.format === 'agno').map((issue) => issue.code)).toEqual(['minted']);
  });

  it('reads a RunOutput into a completed run with its messages and usage', () => {
    const [run] = accumulate(convert(readFixture('v2.9.0-agent-run-output.json'), { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    expect(run?.status).toBe('completed');
    expect(run?.input).toBe('What is the weather in Paris?');
    expect(run?.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(run?.usage).toEqual({ inputTokens: 30, outputTokens: 9, totalTokens: 39, timeToFirstTokenMs: 100, durationMs: 100 });
  });
});

describe('agno detection and framing', () => {
  const names = readdirSync(fixtures).filter((name) => /\.jsonl?$/.test(name) && !name.includes('.canonical.') && !name.includes('.issues.'));

  it.each(names)('auto detection reads every record of %s as agno, the unknown event string aside', (name) => {
    const records = readFixture(name).filter((record) => (record as { event?: unknown }).event !== 'FutureEventType');
    for (const record of records) expect(detectAgno(record)?.confidence).toBeGreaterThan(0);
    const { stats } = convert(records, { from: 'auto', to: 'canonical' });
    expect(stats.records).toEqual({ agno: records.length });
  });

  it('claims an unknown event string weakly when it has the agno envelope, and nothing else', () => {
    expect(detectAgno({ created_at: 1, event: 'FutureEventType', agent_id: 'a', run_id: 'r', nested_depth: 0 })?.confidence).toBe(0.5);
    expect(detectAgno({ created_at: 1, event: 'FutureEventType', agent_id: 'a', run_id: 'r' })?.confidence).toBe(0.3);
    expect(detectAgno({ event: 'FutureEventType', name: 'x' })).toBeUndefined();
  });

  it('gives a version range as precise as the record allows', () => {
    const [started253] = readFixture('v2.5.3-team-one-member.jsonl');
    const tools290 = readFixture('v2.9.0-agent-tools.jsonl');
    expect(detectAgno(started253)?.version).toBe('>=2.0.0 <2.5.17');
    const memberCompleted = readFixture('v2.5.3-team-one-member.jsonl').find((record) => (record as { event: string }).event === 'RunCompleted');
    expect(detectAgno(memberCompleted)?.version).toBe('>=2.1.0 <2.5.4');
    expect(detectAgno(tools290[1])?.version).toBe('>=2.5.17');
    expect(detectAgno(readFixture('v2.9.0-agent-run-output.json')[0])?.version).toBe('>=2.5.4');
  });

  it('leaves agno 1.x records to agno-legacy', () => {
    expect(detectAgno({ event: 'RunResponseContent', content: 'x', run_id: 'r' })).toBeUndefined();
    expect(detectAgno({ event: 'RunStarted', run_id: 'r', team_session_id: 's' })).toBeUndefined();
    expect(detectAgno({ run_id: 'r', status: 'RUNNING', agent_id: 'a', metrics: { input_tokens: [1, 2] } })).toBeUndefined();
  });

  it('frames a record for AgentOS SSE as its event name and one line of JSON', () => {
    const record = { created_at: 1, event: 'RunContent', content: 'a\nb' };
    expect(agnoFormat.sseFrame?.(record)).toEqual({ event: 'RunContent', data: JSON.stringify(record) });
  });
});
