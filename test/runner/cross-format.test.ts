import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, type Run, accumulate, convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { runnerRecord, textPart, toolCallPart, toolResponsePart } from './record.js';
import type { FormatName } from '../../src/registry.js';

// The recorded agno 2.9.0 streams, as copied into the agno adapter's fixtures.
const sharedAgno = join(import.meta.dirname, '../agno/fixtures');
const agnoFixtures = join(import.meta.dirname, '..', 'agno', 'fixtures');
const runnerFixtures = join(import.meta.dirname, 'fixtures');

/** What must survive agno → runner → agno, run by run, members nested. */
interface Projection {
  actor: string | undefined;
  status: string;
  text: string;
  toolCalls: unknown[];
  toolResults: unknown[];
  members: Projection[];
}

function project(run: Run): Projection {
  const parts = run.messages.flatMap((message) => message.parts);
  return {
    actor: run.actor?.name,
    status: run.status,
    text: run.messages
      .filter((message) => message.role === 'assistant')
      .flatMap((message) => message.parts)
      .map((part) => (part.type === 'text' ? part.text : ''))
      .join(''),
    toolCalls: parts.flatMap((part) => (part.type === 'tool-call' ? [{ id: part.toolCallId, name: part.toolName, input: part.input }] : [])),
    toolResults: parts.flatMap((part) => (part.type === 'tool-result' ? [{ id: part.toolCallId, output: part.output, isError: part.isError === true }] : [])),
    members: run.members.map(project),
  };
}

function runsOf(records: readonly unknown[], from: FormatName): Run[] {
  return accumulate(convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
}

const agnoStreams = [
  join(sharedAgno, 'v2.9.0-agent-tools.jsonl'),
  join(sharedAgno, 'v2.9.0-team-one-member.jsonl'),
  join(sharedAgno, 'v2.9.0-hitl-confirmation.jsonl'),
  join(agnoFixtures, 'constructed-v2.9.0-tool-error.jsonl'),
  join(agnoFixtures, 'constructed-v2.9.0-run-error.jsonl'),
  join(agnoFixtures, 'constructed-v2.9.0-cancelled.jsonl'),
  join(agnoFixtures, 'constructed-v2.9.0-team-two-members.jsonl'),
];

describe('agno 2.x → runner → agno', () => {
  for (const path of agnoStreams) {
    const name = path.split('/').slice(-1)[0];

    it(`${name} keeps text, tool calls with ids, names, arguments, results and errors, and run boundaries`, () => {
      const original = readJsonl(path);
      const runner = convert(original, { from: 'agno', to: 'runner' });
      const back = convert(runner.output, { from: 'runner', to: 'agno' });
      const before = runsOf(original, 'agno');
      const after = runsOf(back.output, 'agno');
      expect(after.map(project)).toEqual(before.map(project));
      expect(after.map((run) => run.runId)).toEqual(before.map((run) => run.runId));
    });

    it(`${name} reports what Runner records cannot carry instead of dropping it silently`, () => {
      const original = readJsonl(path);
      const events = convert(original, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
      const { issues } = convert(original, { from: 'agno', to: 'runner' });
      const runnerIssues = issues.filter((issue) => issue.format === 'runner');
      const usage = events.some((event) => (event.type === 'step-end' || event.type === 'run-end') && event.usage !== undefined);
      if (usage) expect(runnerIssues).toContainEqual(expect.objectContaining({ code: 'dropped', message: expect.stringContaining('usage') }));
      if (events.some((event) => event.type === 'run-pause')) expect(runnerIssues).toContainEqual(expect.objectContaining({ code: 'approximated', eventType: 'run-pause' }));
      if (events.some((event) => event.type === 'run-cancel')) expect(runnerIssues).toContainEqual(expect.objectContaining({ code: 'approximated', eventType: 'run-cancel' }));
    });
  }

  it("a member run keeps its id, parent and actor: Runner's branch plus the id in its agent_start", () => {
    const original = readJsonl(join(sharedAgno, 'v2.9.0-team-one-member.jsonl'));
    const { output } = convert(original, { from: 'agno', to: 'runner' });
    const member = (output as Record<string, unknown>[]).filter((record) => record.branch !== '');
    expect(new Set(member.map((record) => `${record.branch} ${record.author}`))).toEqual(new Set(['Writer Writer']));
    const [leader] = runsOf(original, 'agno');
    const [back] = runsOf(convert(output, { from: 'runner', to: 'agno' }).output, 'agno');
    expect(back?.members.map((run) => [run.runId, run.parentRunId, run.actor?.name])).toEqual(leader?.members.map((run) => [run.runId, run.parentRunId, run.actor?.name]));
  });
});

/** A LangChain message as `Event.to_langchain_message()` builds it (langchain_adk 0.3.14, reference §2.3). */
interface ReferenceMessage {
  type: 'human' | 'ai' | 'tool';
  content: string;
  toolCalls?: { id: string; name: string; args: unknown }[];
  toolCallId?: string;
}

function referenceToLangChain(record: Record<string, unknown>): ReferenceMessage {
  const parts = ((record.content as { parts?: Record<string, unknown>[] }).parts ?? []) as Record<string, unknown>[];
  const text = parts.filter((part) => part.type === 'text').map((part) => String(part.text)).join('');
  if (record.type === 'user_message') return { type: 'human', content: text };
  if (record.type === 'tool_response') {
    const first = parts.find((part) => part.type === 'tool_response');
    if (first === undefined) return { type: 'tool', content: text, toolCallId: '' };
    return { type: 'tool', content: String(first.result || first.error || ''), toolCallId: String(first.tool_call_id) };
  }
  const calls = parts.filter((part) => part.type === 'tool_call');
  if (calls.length > 0) return { type: 'ai', content: '', toolCalls: calls.map((part) => ({ id: String(part.tool_call_id), name: String(part.tool_name), args: part.args })) };
  return { type: 'ai', content: text };
}

interface OurMessage {
  type: string;
  text: string;
  toolCalls: { id: string; name: string; args: unknown }[];
  toolCallId?: string;
  name?: string;
  status?: string;
}

function ours(records: readonly unknown[]): OurMessage[] {
  const { output } = convert(records, { from: 'runner', to: 'langchain' });
  return (output as { id: string[]; kwargs: Record<string, unknown> }[]).map(({ id, kwargs }) => {
    const content = kwargs.content;
    const text = typeof content === 'string' ? content : (content as { type: string; text?: string }[]).map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('');
    const toolCalls = ((kwargs.tool_calls ?? []) as { id: string; name: string; args: unknown }[]).map(({ id: callId, name, args }) => ({ id: callId, name, args }));
    const message: OurMessage = { type: { HumanMessage: 'human', AIMessage: 'ai', ToolMessage: 'tool' }[id.at(-1) ?? ''] ?? String(id.at(-1)), text, toolCalls };
    if (typeof kwargs.tool_call_id === 'string') message.toolCallId = kwargs.tool_call_id;
    if (typeof kwargs.name === 'string') message.name = kwargs.name;
    if (typeof kwargs.status === 'string') message.status = kwargs.status;
    return message;
  });
}

function covers(messages: OurMessage[], expected: ReferenceMessage): boolean {
  return messages.some((message) => {
    if (message.type !== expected.type) return false;
    if (expected.type === 'tool') return message.toolCallId === expected.toolCallId && message.text === expected.content;
    if (expected.toolCalls !== undefined) return expected.toolCalls.every((call) => message.toolCalls.some((mine) => JSON.stringify(mine) === JSON.stringify(call)));
    return message.text === expected.content;
  });
}

/** What LlmAgent rebuilds history from: the records a session persists (partials are skipped). */
function persisted(name: string): Record<string, unknown>[] {
  return (readJsonl(join(runnerFixtures, name)) as Record<string, unknown>[]).filter((record) => record.partial !== true);
}

describe("runner → langchain against langchain_adk's own Event.to_langchain_message()", () => {
  for (const name of ['constructed-4.1-session-two-turns.jsonl', 'constructed-4.2-parallel-tools-one-fails.jsonl', 'reference-3.1-full-examples.jsonl', 'constructed-4.5-agent-tool.jsonl']) {
    it(`${name} gives every message to_langchain_message gives for the session's events`, () => {
      const records = persisted(name);
      const messages = ours(records);
      for (const record of records) expect(covers(messages, referenceToLangChain(record)), JSON.stringify(referenceToLangChain(record))).toBe(true);
    });
  }

  it('keeps the tool name and the error status that to_langchain_message drops', () => {
    const records = persisted('constructed-4.2-parallel-tools-one-fails.jsonl');
    const reference = records.filter((record) => record.type === 'tool_response').map(referenceToLangChain);
    expect(reference.map((message) => message.content)).toEqual(['Snow, -3C', 'TimeoutError: time service did not answer']);
    const tools = ours(records).filter((message) => message.type === 'tool');
    expect(tools.map(({ toolCallId, name, status }) => ({ toolCallId, name, status }))).toEqual([
      { toolCallId: 'call_a', name: 'get_weather', status: 'success' },
      { toolCallId: 'call_b', name: 'get_time', status: 'error' },
    ]);
  });

  it('keeps the text said beside tool calls, which to_langchain_message drops', () => {
    const [, , call] = readJsonl(join(runnerFixtures, 'reference-3.1-full-examples.jsonl')) as Record<string, unknown>[];
    expect(referenceToLangChain(call as Record<string, unknown>).content).toBe('');
    const [message] = ours([call]);
    expect(message).toMatchObject({ type: 'ai', text: 'Let me check the weather.', toolCalls: [{ id: 'call_1', name: 'get_weather', args: { city: 'Paris' } }] });
  });

  it('merges the tool calls of one model turn into one AIMessage, where to_langchain_message gives one each', () => {
    const records = persisted('constructed-4.2-parallel-tools-one-fails.jsonl');
    const calls = records.map(referenceToLangChain).filter((message) => message.toolCalls !== undefined);
    expect(calls.length).toBe(2);
    const mine = ours(records).filter((message) => message.toolCalls.length > 0);
    expect(mine.map((message) => message.toolCalls.map((call) => call.id))).toEqual([['call_a', 'call_b']]);
  });

  it('an error event is not turned into a plain AI answer: the lineage metadata says the run failed, without the error text', () => {
    const records = [runnerRecord('agent_message', { metadata: { error: true, exception_type: 'RateLimitError' } }, [textPart('Error code: 429')])];
    expect(referenceToLangChain(records[0] as Record<string, unknown>)).toEqual({ type: 'ai', content: 'Error code: 429' });
    const { output, issues } = convert(records, { from: 'runner', to: 'langchain' });
    const [run] = accumulate(convert(output, { from: 'langchain', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    expect(run?.status).toBe('error');
    expect(JSON.stringify(output)).not.toContain('RateLimitError');
    expect(JSON.stringify(output)).not.toContain('Error code: 429');
    expect(ours(records).some((message) => message.type === 'ai' && message.text === 'Error code: 429')).toBe(false);
    expect(issues.filter((issue) => issue.format === 'langchain' && issue.level === 'error')).toEqual([]);
  });

  it('a tool call and its answer pair by id in both conversions', () => {
    const records = [
      runnerRecord('agent_message', {}, [toolCallPart('tc1', 'add', { a: 2, b: 3 })]),
      runnerRecord('tool_response', {}, [toolResponsePart('tc1', 'add', '5')]),
      runnerRecord('agent_message', { partial: false }, [textPart('The answer is 5')]),
    ];
    const mine = ours(records);
    expect(mine.map((message) => message.type)).toEqual(['ai', 'tool', 'ai']);
    for (const record of records) expect(covers(mine, referenceToLangChain(record))).toBe(true);
  });
});
