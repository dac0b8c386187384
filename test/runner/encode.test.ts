import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, accumulate, convert } from '../../src/index.js';
import { decodeRunner } from './decode-runner.js';
import { readJsonl } from '../support/golden.js';
import { runnerRecord, textPart } from './record.js';

const actor = { kind: 'agent' as const, name: 'Helper' };
const base = { runId: 'r1', sessionId: 's1', actor };

function toRunner(events: CanonicalEvent[]) {
  return convert(events, { from: 'canonical', to: 'runner' });
}

function roundTrip(events: CanonicalEvent[]) {
  return decodeRunner(toRunner(events).output).output as CanonicalEvent[];
}

describe('runner encoding of other formats’ events', () => {
  it('writes the current Event shape: every field, in declaration order', () => {
    const { output } = toRunner([
      { type: 'run-start', ...base, time: 1_700_000_000_000 },
      { type: 'text-start', ...base, id: 't' },
      { type: 'text-delta', ...base, id: 't', delta: 'Hi' },
      { type: 'text-end', ...base, id: 't' },
      { type: 'run-end', ...base },
    ]);
    expect((output as Record<string, unknown>[]).map((record) => Object.keys(record))).toEqual(
      Array(4).fill(['id', 'type', 'timestamp', 'invocation_id', 'session_id', 'author', 'agent_name', 'branch', 'partial', 'turn_complete', 'content', 'actions', 'metadata', 'llm_response']),
    );
    expect((output as Record<string, unknown>[]).map((record) => [record.type, record.partial, record.turn_complete, record.invocation_id])).toEqual([
      ['agent_start', null, true, 'r1'],
      ['agent_message', true, false, 'r1'],
      ['agent_message', false, true, 'r1'],
      ['agent_end', null, true, 'r1'],
    ]);
  });

  it('a cancel stays a cancel through runner, as an error event of class CancelledError', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...base },
      { type: 'run-cancel', ...base, reason: 'stopped by user' },
    ];
    const { output, issues } = toRunner(events);
    expect((output as Record<string, unknown>[])[1]).toMatchObject({ type: 'agent_message', metadata: { error: true, exception_type: 'CancelledError' } });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'approximated', level: 'warning', eventType: 'run-cancel' }));
    expect(roundTrip(events).filter((event) => event.type === 'run-cancel')).toMatchObject([{ reason: 'stopped by user' }]);
    expect(accumulate(roundTrip(events))[0]?.status).toBe('cancelled');
  });

  it('a pause stays a pause through runner, requirements included, and the run is not completed', () => {
    const requirements = [{ id: 'q1', kind: 'confirmation' as const, toolCallId: 'c1', toolName: 'delete_file' }];
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...base },
      { type: 'tool-call', ...base, toolCallId: 'c1', toolName: 'delete_file', input: { path: '/tmp/x' } },
      { type: 'run-pause', ...base, requirements },
    ];
    const back = roundTrip(events);
    expect(back.filter((event) => event.type === 'run-pause')).toMatchObject([{ requirements }]);
    expect(accumulate(back)[0]?.status).toBe('paused');
  });

  it('a run error keeps its message and type', () => {
    const back = roundTrip([
      { type: 'run-start', ...base },
      { type: 'run-error', ...base, error: { message: 'model overloaded', type: 'ModelProviderError' } },
    ]);
    expect(back.filter((event) => event.type === 'run-error')).toMatchObject([{ error: { message: 'model overloaded', type: 'ModelProviderError' } }]);
  });

  it('a member run is written on the branch of its actor, names itself in its agent_start and reads back under its parent', () => {
    const member = { runId: 'm1', parentRunId: 'r1', sessionId: 's1', actor: { kind: 'agent' as const, name: 'Writer' } };
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...base },
      { type: 'run-start', ...member },
      { type: 'text-start', ...member, id: 't' },
      { type: 'text-delta', ...member, id: 't', delta: 'Draft' },
      { type: 'text-end', ...member, id: 't' },
      { type: 'run-end', ...member },
      { type: 'run-end', ...base },
    ];
    const { output, issues } = toRunner(events);
    expect((output as Record<string, unknown>[]).map((record) => [record.type, record.branch, record.author])).toEqual([
      ['agent_start', '', 'Helper'],
      ['agent_start', 'Writer', 'Writer'],
      ['agent_message', 'Writer', 'Writer'],
      ['agent_message', 'Writer', 'Writer'],
      ['agent_end', 'Writer', 'Writer'],
      ['agent_end', '', 'Helper'],
    ]);
    expect((output as Record<string, unknown>[])[1]?.metadata).toEqual({ run_id: 'm1' });
    expect(issues.filter((issue) => issue.runId === 'm1')).toEqual([]);
    const [root] = accumulate(decodeRunner(output).output as CanonicalEvent[]);
    expect(root?.members.map((run) => [run.runId, run.parentRunId, run.actor?.name, run.status])).toEqual([['m1', 'r1', 'Writer', 'completed']]);
  });

  it('usage, reasoning steps and sources are reported, not dropped silently', () => {
    const { issues } = toRunner([
      { type: 'run-start', ...base },
      { type: 'step-end', ...base, usage: { inputTokens: 3 } },
      { type: 'reasoning-step', ...base, title: 'plan' },
      { type: 'source', ...base, url: 'https://example.com' },
      { type: 'run-end', ...base, usage: { inputTokens: 3 } },
    ]);
    const dropped = issues.filter((issue) => issue.code === 'dropped').map((issue) => issue.eventType);
    expect(dropped).toEqual(['step-end', 'reasoning-step', 'source']);
  });

  it('a run whose input is text starts with a user_message carrying the run id as invocation_id', () => {
    const { output } = toRunner([
      { type: 'run-start', ...base, input: 'What is 2 + 3?' },
      { type: 'tool-call', ...base, toolCallId: 'c1', toolName: 'add', input: 'a=2,b=3' },
      { type: 'tool-result', ...base, toolCallId: 'c1', output: { sum: 5 } },
      { type: 'run-end', ...base },
    ]);
    const records = output as Record<string, unknown>[];
    expect(records.map((record) => record.type)).toEqual(['user_message', 'agent_message', 'tool_response', 'agent_end']);
    expect(records[0]).toMatchObject({ author: 'user', agent_name: null, invocation_id: 'r1', content: { parts: [{ type: 'text', text: 'What is 2 + 3?' }] } });
    expect(records[1]).toMatchObject({ content: { parts: [{ type: 'tool_call', args: { input: 'a=2,b=3' } }] } });
    expect(records[2]).toMatchObject({ content: { parts: [{ type: 'tool_response', tool_name: '', result: '{"sum":5}', error: null }] } });
  });

  it('LoopAgent iterations of the same child become separate member runs', () => {
    const iteration = (text: string) => [
      runnerRecord('agent_message', { author: 'worker', branch: 'worker', partial: true }, [textPart(text)]),
      runnerRecord('agent_message', { author: 'worker', branch: 'worker', partial: false }, [textPart(text)]),
    ];
    const [root] = accumulate(decodeRunner([...iteration('one'), ...iteration('two')]).output as CanonicalEvent[]);
    expect(root?.members.map((run) => [run.runId, run.output, run.status])).toEqual([
      ['minted-run-1/worker', 'one', 'completed'],
      ['minted-run-1/worker#2', 'two', 'completed'],
    ]);
  });

  it('text said before tool calls is written as LlmAgent does: partials and llm_response.text, never a final answer', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...base },
      { type: 'step-start', ...base },
      { type: 'text-start', ...base, id: 'a' },
      { type: 'text-delta', ...base, id: 'a', delta: 'Let me check.' },
      { type: 'text-end', ...base, id: 'a' },
      { type: 'step-end', ...base },
      { type: 'tool-call', ...base, toolCallId: 'c1', toolName: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool-result', ...base, toolCallId: 'c1', toolName: 'get_weather', output: 'Sunny' },
      { type: 'text-start', ...base, id: 'b' },
      { type: 'text-delta', ...base, id: 'b', delta: 'Sunny.' },
      { type: 'text-end', ...base, id: 'b' },
      { type: 'run-end', ...base },
    ];
    const records = toRunner(events).output as Record<string, unknown>[];
    expect(records.map((record) => [record.type, record.partial])).toEqual([
      ['agent_start', null],
      ['agent_message', true],
      ['agent_message', null],
      ['tool_response', null],
      ['agent_message', true],
      ['agent_message', false],
      ['agent_end', null],
    ]);
    expect(records[2]?.llm_response).toMatchObject({ text: 'Let me check.', tool_calls: [{ id: 'c1', name: 'get_weather', args: { city: 'Paris' } }] });
    const [run] = accumulate(decodeRunner(records).output as CanonicalEvent[]);
    expect(run?.messages.map((message) => message.parts.map((part) => (part.type === 'text' ? part.text : part.type)))).toEqual([['Let me check.', 'tool-call'], ['tool-result'], ['Sunny.']]);
  });

  it('an assistant message with text and tool calls is written the same way', () => {
    const records = toRunner([
      { type: 'run-start', ...base },
      { type: 'message', ...base, message: { role: 'assistant', parts: [{ type: 'text', text: 'Checking.' }, { type: 'tool-call', toolCallId: 'c1', toolName: 'search', input: { q: 'x' } }] } },
      { type: 'run-end', ...base },
    ]).output as Record<string, unknown>[];
    expect(records.map((record) => [record.type, record.partial])).toEqual([
      ['agent_start', null],
      ['agent_message', true],
      ['agent_message', null],
      ['agent_end', null],
    ]);
    expect(records[2]?.llm_response).toMatchObject({ text: 'Checking.' });
  });

  it('a member run without a run-start of its own is reported where its id cannot survive', () => {
    const member = { runId: 'm1', parentRunId: 'r1', actor: { kind: 'agent' as const, name: 'Writer' } };
    const { issues } = toRunner([
      { type: 'run-start', ...base },
      { type: 'tool-call', ...member, toolCallId: 'c1', toolName: 'search', input: {} },
      { type: 'run-end', ...base },
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'approximated', level: 'info', runId: 'm1' }));
  });
});

describe('runner encoding of decoded Runner events', () => {
  const fixture = join(import.meta.dirname, 'fixtures/constructed-4.2-llm-agent-tool-turn.jsonl');

  it('an edited tool input is what the written tool_call part holds; the unchanged records come back verbatim', () => {
    const input = readJsonl(fixture);
    const events = decodeRunner(input).output as CanonicalEvent[];
    const edited = events.map((event) => (event.type === 'tool-call' ? { ...event, input: { city: 'Lyon' } } : event));
    const { output } = convert(edited, { from: 'canonical', to: 'runner' });
    const calls = (output as { content: { parts: { type: string; args?: unknown }[] } }[]).flatMap((record) => record.content.parts.filter((part) => part.type === 'tool_call'));
    expect(calls.map((part) => part.args)).toEqual([{ city: 'Lyon' }]);
    expect(output[0]).toBe(input[0]);
    expect(output.at(-1)).toBe(input.at(-1));
  });

  it('events read back from JSON are written from their canonical fields: no Runner-only field of the source survives', () => {
    const input = readJsonl(fixture);
    const events = JSON.parse(JSON.stringify(decodeRunner(input).output)) as CanonicalEvent[];
    const text = JSON.stringify(convert(events, { from: 'canonical', to: 'runner' }).output);
    expect(text).toContain('Sunny, 21C');
    for (const sourceOnly of ['00000000-0000-0000-0042', 'claude-sonnet-4-20250514', '"tool_use"', '"run-abc"']) expect(text).not.toContain(sourceOnly);
  });
});
