import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readFixture } from './read-fixture.js';

/** Events agno 2.x added (2.2: RunContentCompleted, 2.4: ModelRequest*): a 1.x run never emitted them. */
const addedEvents = new Set(['ModelRequestStarted', 'ModelRequestCompleted', 'RunContentCompleted', 'TeamModelRequestStarted', 'TeamModelRequestCompleted', 'TeamRunContentCompleted']);

/**
 * Fields agno 2.x added or reshaped, per record kind, left out of the comparison (the README's
 * "fields 2.x added" list): `session_state` (2.2.6), run `metrics` (1.x events had none),
 * tool `child_run_id` (2.0.4) and `ToolCallMetrics` (2.5.4), `member_responses` on the team's
 * completed event (1.x keeps its own copy in ext).
 */
function withoutAddedFields(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(record);
  delete copy.session_state;
  delete copy.member_responses;
  if (copy.event === 'RunCompleted' || copy.event === 'TeamRunCompleted') delete copy.metrics;
  const tool = copy.tool as Record<string, unknown> | undefined;
  if (tool !== undefined) {
    delete tool.child_run_id;
    delete tool.metrics;
  }
  // The timing sentence of a completed tool call is measured, not recorded (and 2.x appends a space).
  if (typeof copy.content === 'string' && copy.content.includes(' completed in ')) delete copy.content;
  return copy;
}

/** The 1.x and 2.x team scenarios delegate with the tool each version has: transfer_task_to_member → delegate_task_to_member. */
function withoutDelegationTool(record: Record<string, unknown>): Record<string, unknown> {
  const tool = record.tool as Record<string, unknown> | undefined;
  if (tool !== undefined && typeof tool.tool_name === 'string' && /_task_to_member$/.test(tool.tool_name)) {
    delete tool.tool_name;
    delete tool.tool_args;
    if (typeof tool.result === 'string' || tool.result === null) tool.result = tool.result ?? null;
  }
  return record;
}

function comparable(records: unknown[]): Record<string, unknown>[] {
  return (records as Record<string, unknown>[])
    .filter((record) => !addedEvents.has(String(record.event)))
    .map((record) => withoutDelegationTool(withoutAddedFields(record)));
}

describe('agno 1.x → 2.x migration', () => {
  it.each([
    ['v1.8.4-agent-tools.jsonl', 'v2/v2.9.0-agent-tools.jsonl'],
    ['v1.8.4-team-one-member.jsonl', 'v2/v2.9.0-team-one-member.jsonl'],
  ])('%s becomes, event by event, what agno 2.9.0 emits for the same scenario (%s)', (legacy, current) => {
    const { output, issues } = convert(readFixture(legacy), { from: 'agno-legacy', to: 'agno', encode: { target: '2.x' } });
    expect(comparable(output)).toEqual(comparable(readFixture(current)));
    expect(issues).toEqual([]);
  });

  it('renames the intermediate content of 1.7.9+ as 2.x does, a text apart from the final answer', () => {
    const base = { created_at: 1700000000, agent_id: 'a1', agent_name: 'Agent', run_id: 'r1', session_id: 's1', content_type: 'str' };
    const records = [
      { ...base, event: 'RunIntermediateResponseContent', content: 'draft' },
      { ...base, event: 'RunResponseContent', content: 'final', thinking: '' },
    ];
    const { output } = convert(records, { from: 'agno-legacy', to: 'agno' });
    expect(output).toMatchObject([
      { event: 'RunIntermediateContent', content: 'draft', content_type: 'str', nested_depth: 0 },
      { event: 'RunContent', content: 'final', reasoning_content: '' },
    ]);
    expect(convert(records, { from: 'agno-legacy', to: 'agno-legacy' }).output).toEqual(records);
  });

  it("writes a 1.x team's delegation and member run from the canonical fields; the tool's timing sentence and metrics stay in the 1.x records", () => {
    const { output } = convert(readFixture('v1.8.4-team-one-member.jsonl'), { from: 'agno-legacy', to: 'agno' });
    const records = output as Record<string, unknown>[];
    const completed = records.find((record) => record.event === 'TeamToolCallCompleted');
    expect(completed).toMatchObject({
      tool: { tool_name: 'transfer_task_to_member', tool_args: { member_id: 'writer' }, result: 'Paris is lovely', tool_call_error: false, metrics: null },
    });
    expect(completed).not.toHaveProperty('content');
    const member = records.filter((record) => record.run_id === 'run-2');
    expect(member.map((record) => record.event)).toEqual(['RunStarted', 'RunContent', 'RunContent', 'RunContent', 'RunCompleted']);
    expect(member.every((record) => record.parent_run_id === 'run-1' && record.agent_id === 'writer')).toBe(true);
    expect(JSON.stringify(records)).not.toContain('team_session_id');
  });
});

/** What 2.x → 1.x must report for the recorded 2.9.0 agent run: one issue per kind of loss and run. */
const agentRunLosses = [
  'approximated step-start a model request boundary (1.x streams have no per-request events) cannot be written as agno 1.x',
  'dropped step-end the usage of one model request (1.x streams have no per-request events) cannot be written as agno 1.x and was left out',
  'dropped run-end the run usage (1.x RunCompleted events carry no metrics) cannot be written as agno 1.x and was left out',
];

describe('agno 2.x → 1.x down-conversion', () => {
  it.each([
    ['v2/v2.9.0-agent-tools.jsonl', 'v1.8.4-agent-tools.jsonl'],
    ['v2/v2.9.0-team-one-member.jsonl', 'v1.8.4-team-one-member.jsonl'],
  ])('%s becomes, event by event, what agno 1.8.4 emitted for the same scenario (%s)', (current, legacy) => {
    const { output } = convert(readFixture(current), { from: 'agno', to: 'agno-legacy' });
    expect(comparable(output)).toEqual(comparable(readFixture(legacy)));
  });

  it('reports every 2.x event and field the 1.x stream cannot hold', () => {
    const { issues } = convert(readFixture('v2/v2.9.0-agent-tools.jsonl'), { from: 'agno', to: 'agno-legacy' });
    const described = issues.map((issue) => `${issue.code} ${issue.eventType} ${issue.message}`);
    expect(described.sort()).toEqual([...agentRunLosses].sort());
  });

  it('names intermediate content with its 1.x string', () => {
    const base = { created_at: 1700000000, agent_id: 'a1', agent_name: 'Agent', run_id: 'r1', session_id: 's1', nested_depth: 0 };
    const records = [{ ...base, event: 'RunIntermediateContent', content: 'draft', content_type: 'str' }];
    const { output, issues } = convert(records, { from: 'agno', to: 'agno-legacy' });
    expect(output).toEqual([{ created_at: 1700000000, event: 'RunIntermediateResponseContent', agent_id: 'a1', agent_name: 'Agent', run_id: 'r1', session_id: 's1', content: 'draft', content_type: 'str' }]);
    expect(issues.filter((issue) => issue.format === 'agno-legacy')).toEqual([]);
  });

  it('keeps a pause a pause, with the paused tool and its confirmation flag', () => {
    const { output } = convert(readFixture('v2/v2.9.0-hitl-confirmation.jsonl'), { from: 'agno', to: 'agno-legacy' });
    const paused = output.at(-1) as Record<string, unknown>;
    expect(paused.event).toBe('RunPaused');
    expect(paused.tools).toMatchObject([{ tool_call_id: 'call_1', tool_name: 'delete_file', requires_confirmation: true }]);
  });
});

/** The message fields a canonical message carries (timings, metrics and `from_history` stay in the source record). */
const messageFacts = ['role', 'content', 'tool_calls', 'tool_call_id', 'name', 'reasoning_content'];
/** The `ToolExecution` fields a canonical tool call and result carry (metrics are measured, not canonical). */
const toolFacts = ['tool_call_id', 'tool_name', 'tool_args', 'result', 'tool_call_error'];

function picked(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => record[key] !== undefined && record[key] !== null).map((key) => [key, record[key]]));
}

/** A message's facts, tool-call arguments parsed: their spacing is the provider's, not a fact. */
function messageComparable(message: Record<string, unknown>): Record<string, unknown> {
  const facts = picked(message, messageFacts);
  if (Array.isArray(facts.tool_calls)) {
    facts.tool_calls = (facts.tool_calls as { function: { name: string; arguments: string } }[]).map((call) => ({
      ...call,
      function: { ...call.function, arguments: JSON.parse(call.function.arguments) as unknown },
    }));
  }
  return facts;
}

/**
 * What a `RunOutput` says that the canonical run holds: identity, token counts, messages and tool
 * executions by their facts. 2.x additions (`input`, `session_state`, message ids, metrics
 * details) and measured timings are left aside. `status` and `content` are compared apart:
 * 1.8.4 wrote RUNNING for a finished non-streaming run, and a run that never said it finished
 * has no output (its answer is in the messages).
 */
function storedRunComparable(record: Record<string, unknown>): Record<string, unknown> {
  const metrics = record.metrics as Record<string, unknown>;
  return {
    ...picked(record, ['run_id', 'agent_id', 'agent_name', 'session_id', 'model', 'model_provider', 'created_at']),
    metrics: picked(metrics, ['input_tokens', 'output_tokens', 'total_tokens']),
    messages: (record.messages as Record<string, unknown>[]).map(messageComparable),
    tools: (record.tools as Record<string, unknown>[]).map((tool) => picked(tool, toolFacts)),
  };
}

describe('a stored agno 1.x run migrated to 2.x', () => {
  it('holds what the 2.9.0 RunOutput of the same scenario holds, fields 2.x added aside', () => {
    const { output, issues } = convert(readFixture('v1.8.4-agent-run-response.json'), { from: 'agno-legacy', to: 'agno', encode: { shape: 'aggregate' } });
    const [migrated] = output as Record<string, unknown>[];
    const [expected] = readFixture('v2/v2.9.0-agent-run-output.json') as Record<string, unknown>[];
    expect(storedRunComparable(migrated ?? {})).toEqual(storedRunComparable(expected ?? {}));
    expect(migrated).not.toHaveProperty('formatted_tool_calls');
    // The status stays what 1.8.4 stored (the pipeline notes the run never ended); 1.x messages had no ids, 2.x mints them.
    expect(migrated?.status).toBe('RUNNING');
    expect(issues.map((issue) => `${issue.code} ${issue.format ?? ''}`)).toEqual(['invalid-sequence ', 'minted agno']);
  });
});

describe('a stored agno 2.x run written as 1.x', () => {
  it('keeps messages, tools, usage and status, and reports what the 1.x aggregate cannot hold', () => {
    const { output, issues } = convert(readFixture('v2/v2.9.0-agent-run-output.json'), { from: 'agno', to: 'agno-legacy', encode: { shape: 'aggregate' } });
    const [stored] = output as Record<string, unknown>[];
    expect(stored).toMatchObject({
      run_id: 'run-1',
      status: 'COMPLETED',
      content: 'It is sunny in Paris',
      metrics: { input_tokens: [30], output_tokens: [9], total_tokens: [39] },
      tools: [{ tool_call_id: 'call_1', result: 'It is sunny in Paris' }],
    });
    expect((stored?.messages as unknown[]).length).toBe(4);
    expect(issues.map((issue) => issue.message)).toEqual([
      'the run input (1.x aggregates keep it only as the first user message) cannot be written as agno 1.x and was left out',
    ]);
  });
});
