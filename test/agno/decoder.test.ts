import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allEventNames, createAgnoDecoder } from '../../adapters/agno/index.js';
import { accumulate, type CanonicalEvent, convert, type IssueInput } from '../../src/index.js';
import { propertyRuns, propertySeed } from '../support/arbitraries.js';
import { readFixture } from './read-fixture.js';

function decode(records: unknown[]): CanonicalEvent[] {
  return convert(records, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
}

function textOf(events: CanonicalEvent[], runId: string): string {
  return events.flatMap((event) => (event.type === 'text-delta' && event.runId === runId ? [event.delta] : [])).join('');
}

describe('agno team lineage', () => {
  it('gives member events their own run id, the leader as parent and the member as actor', () => {
    const events = decode(readFixture('v2.9.0-team-one-member.jsonl'));
    const member = events.filter((event) => event.runId === 'run-2');
    expect(member.length).toBeGreaterThan(0);
    for (const event of member) {
      expect(event.parentRunId).toBe('run-1');
      expect(event.actor).toEqual({ kind: 'agent', id: 'writer', name: 'Writer' });
    }
    const [leader] = accumulate(events);
    expect(leader?.actor).toEqual({ kind: 'team', id: 'my-team', name: 'My Team' });
    expect(leader?.members.map((run) => run.runId)).toEqual(['run-2']);
  });

  it('nests a sub-team member and its own agent member', () => {
    const [leader] = accumulate(decode(readFixture('constructed-v2.9.0-nested-team.jsonl')));
    expect(leader?.members.map((run) => [run.runId, run.actor?.kind])).toEqual([['run-2', 'team']]);
    expect(leader?.members[0]?.members.map((run) => [run.runId, run.actor?.name])).toEqual([['run-3', 'Writer']]);
  });

  it('reads a workflow as a run of the workflow actor with its agent step nested under it', () => {
    const [workflow] = accumulate(decode(readFixture('constructed-v2.9.0-workflow.jsonl')));
    expect(workflow).toMatchObject({ runId: 'wr-1', actor: { kind: 'workflow', id: 'blog-flow' }, status: 'completed', output: 'Paris is lovely' });
    expect(workflow?.members.map((run) => [run.runId, run.actor?.name, run.output])).toEqual([['run-2', 'Writer', 'Paris is lovely']]);
  });

  it('finds the leader of a 2.0.x member run, which has no parent_run_id, from the delegation in flight', () => {
    const events = decode(readFixture('constructed-v2.0-team-no-parent-run-id.jsonl'));
    expect(events.filter((event) => event.runId === 'run-2').every((event) => event.parentRunId === 'run-1')).toBe(true);
  });

  it("reads a member that only the leader's member_responses names (stream_member_events=False)", () => {
    const [leader] = accumulate(decode(readFixture('constructed-v2.9.0-team-no-member-events.jsonl')));
    expect(leader?.members.map((run) => [run.runId, run.parentRunId, run.actor?.name, run.status, run.output])).toEqual([
      ['run-2', 'run-1', 'Writer', 'completed', 'Paris is lovely'],
    ]);
  });

  it('keeps the outputs of the leader and of each member apart in the canonical snapshot', () => {
    const [leader] = accumulate(decode(readFixture('constructed-v2.9.0-team-two-members.jsonl')));
    expect(leader?.members.map((run) => run.output)).toEqual(['Paris has 2M people', 'Paris is big']);
    expect(leader?.output).toBe('Paris is big.');
  });
});

describe('agno content', () => {
  it('turns a leader that restates its text so far into clean deltas without losing text', () => {
    const events = decode(readFixture('constructed-v2.9.0-team-two-members.jsonl'));
    expect(textOf(events, 'run-1')).toBe('Paris is big.');
    expect(textOf(events, 'run-2')).toBe('Paris has 2M people');
  });

  it('opens a text block at the first content and closes it before the next model request ends', () => {
    const events = decode(readFixture('v2.9.0-agent-tools.jsonl'));
    const types = events.map((event) => event.type);
    expect(types.indexOf('text-start')).toBe(types.indexOf('text-delta') - 1);
    expect(types.lastIndexOf('text-end')).toBe(types.lastIndexOf('step-end') - 1);
  });

  it('keeps structured content and its content type', () => {
    const record = {
      created_at: 1700000000,
      event: 'RunContent',
      agent_id: 'a1',
      agent_name: 'Agent',
      run_id: 'r1',
      nested_depth: 0,
      content: { city: 'Paris', sunny: true },
      workflow_agent: false,
      content_type: 'WeatherReport',
      reasoning_content: '',
    };
    const [data] = decode([record]);
    expect(data).toMatchObject({ type: 'data', name: 'content', data: { city: 'Paris', sunny: true } });
    expect(convert([record], { from: 'agno', to: 'agno' }).output).toEqual([record]);
  });

  it('reads reasoning from reasoning agents and from reasoning_content on content events', () => {
    const [run] = accumulate(decode(readFixture('constructed-v2.9.0-reasoning.jsonl')));
    const parts = run?.messages.flatMap((message) => message.parts) ?? [];
    expect(parts.map((part) => [part.type, part.type === 'text' || part.type === 'reasoning' ? part.text : ''])).toEqual([
      ['reasoning', 'thinking... then answer'],
      ['reasoning', 'Let me think.'],
      ['text', 'Hi there'],
    ]);
  });
});

describe('agno media', () => {
  it("turns a tool's images and files into file events after its result, and writes the record back unchanged", () => {
    const record = {
      created_at: 1700000000,
      event: 'ToolCallCompleted',
      agent_id: 'a1',
      run_id: 'r1',
      nested_depth: 0,
      content: 'draw() completed in 0.1s. ',
      tool: { tool_call_id: 'c1', tool_name: 'draw', tool_args: {}, tool_call_error: false, result: 'done' },
      images: [{ id: 'img1', url: 'https://img/1.png' }],
      files: [{ id: 'f1', filename: 'a.txt', mime_type: 'text/plain', content: 'QQ==' }],
    };
    expect(decode([record]).map((event) => [event.type, event.type === 'file' ? event.mediaType : ''])).toEqual([
      ['tool-result', ''],
      ['file', 'image/*'],
      ['file', 'text/plain'],
    ]);
    expect(convert([record], { from: 'agno', to: 'agno', encode: { target: '2.x' } }).output).toEqual([record]);
  });
});

describe('agno outcomes', () => {
  it('decodes a ToolCallCompleted flagged tool_call_error as a tool error, never a success', () => {
    const events = decode(readFixture('constructed-v2.9.0-tool-error.jsonl'));
    expect(events.filter((event) => event.type === 'tool-result')).toEqual([]);
    expect(events.filter((event) => event.type === 'tool-error').map((event) => event.type === 'tool-error' && event.error)).toEqual(['err']);
  });

  it('keeps a cancelled run cancelled although agno ≥ 2.6.10 follows RunCancelled with RunCompleted', () => {
    const [run] = accumulate(decode(readFixture('constructed-v2.9.0-cancelled.jsonl')));
    expect(run?.status).toBe('cancelled');
    expect(run?.cancelReason).toBe('Operation cancelled by user');
  });

  it('gives an AgentOS error event built without a run (no run_id, empty ids) to the run before it', () => {
    const error = { created_at: 1700000000, event: 'RunError', agent_id: '', agent_name: '', content: 'model unreachable' };
    const records = [...readFixture('v2.9.0-agent-tools.jsonl').slice(0, 3), error];
    const events = decode(records);
    expect(events.at(-1)).toMatchObject({ type: 'run-error', runId: 'run-1', actor: { kind: 'agent' }, error: { message: 'model unreachable' } });
    expect(convert(records, { from: 'agno', to: 'agno' }).output).toEqual(records);
    const alone = convert([error], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(alone.output).toMatchObject([{ type: 'run-error', runId: 'minted-run-1' }]);
    expect(alone.issues.map((issue) => issue.code)).toContain('minted');
  });

  it('keeps a run error with its type and id', () => {
    const [run] = accumulate(decode(readFixture('constructed-v2.9.0-run-error.jsonl')));
    expect(run?.status).toBe('error');
    expect(run?.error).toEqual({ message: 'boom', type: 'ModelProviderError', id: 'e1' });
  });

  it('reads pauses as typed requirements and a continue as a resume', () => {
    const confirmation = decode(readFixture('v2.9.0-hitl-confirmation.jsonl')).find((event) => event.type === 'run-pause');
    const input = decode(readFixture('constructed-v2.9.0-hitl-user-input.jsonl'));
    const external = decode(readFixture('constructed-v2.9.0-hitl-external-execution.jsonl')).find((event) => event.type === 'run-pause');
    expect(confirmation).toMatchObject({ requirements: [{ kind: 'confirmation', toolCallId: 'call_1', toolName: 'delete_file', input: { path: '/data/report.txt' } }] });
    expect(input.find((event) => event.type === 'run-pause')).toMatchObject({
      requirements: [{ id: 'req-2', kind: 'user-input', toolCallId: 'call_10', schema: [{ name: 'subject', field_type: 'str' }] }],
    });
    expect(input.map((event) => event.type)).toContain('run-resume');
    expect(external).toMatchObject({ requirements: [{ id: 'req-3', kind: 'external-execution', toolName: 'run_shell' }] });
  });

  it('keeps the member that raised a team pause on the requirement', () => {
    const pauses = decode(readFixture('constructed-v2.9.0-team-member-pause.jsonl')).filter((event) => event.type === 'run-pause');
    expect(pauses.map((event) => [event.runId, event.parentRunId])).toEqual([
      ['run-2', 'run-1'],
      ['run-1', undefined],
    ]);
    expect(pauses[1]).toMatchObject({
      requirements: [{ id: 'req-1', kind: 'confirmation', ext: { agno: { member_agent_id: 'writer', member_run_id: 'run-2' } } }],
    });
  });

  it('reads a pause of agno before 2.3.7, which names the paused tools only', () => {
    const [pause] = decode([
      {
        created_at: 1700000000,
        event: 'RunPaused',
        agent_id: 'a1',
        run_id: 'r1',
        tools: [{ tool_call_id: 'call_1', tool_name: 'ask', tool_args: {}, requires_user_input: true, user_input_schema: [{ name: 'q' }] }],
      },
    ]);
    expect(pause).toMatchObject({ type: 'run-pause', requirements: [{ id: 'call_1', kind: 'user-input', schema: [{ name: 'q' }] }] });
  });
});

describe('agno decoder robustness', () => {
  const noop = { report: (_issue: IssueInput) => {}, mint: (kind: string) => `${kind}-0` };

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), (records) => {
        const decoder = createAgnoDecoder(noop);
        for (const record of records) decoder.push(record);
        decoder.flush();
      }),
      { seed: propertySeed, numRuns: propertyRuns },
    );
  });

  it('writes back records shaped like agno events with arbitrary fields unchanged', () => {
    const names = fc.constantFrom(...allEventNames, 'FutureEventType', 'StepStarted');
    const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null));
    const text = fc.oneof(fc.constantFrom('', 'a', 'ab'), field);
    const record = fc.record(
      {
        event: names,
        run_id: fc.constantFrom('r1', 'r2', 'r3'),
        parent_run_id: fc.constantFrom('r1', 'r2'),
        agent_id: text,
        team_id: text,
        content: fc.oneof(text, field),
        tool: field,
        tools: field,
        requirements: field,
        member_responses: field,
        metrics: field,
        reasoning_content: text,
        citations: field,
        image: field,
        response_audio: field,
        model: text,
        created_at: fc.oneof(fc.integer(), field),
      },
      { requiredKeys: ['event'] },
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 10 }), (records) => {
        const { output } = convert(records, { from: 'agno', to: 'agno' });
        expect(output).toEqual(records);
      }),
      { seed: propertySeed, numRuns: propertyRuns },
    );
  });
});

describe('agno aggregates robustness', () => {
  const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null));
  const text = fc.oneof(fc.constantFrom('', 'a', 'ab'), field);
  const message = fc.record(
    {
      id: fc.constantFrom('m1', 'm2'),
      role: fc.constantFrom('system', 'user', 'assistant', 'tool', 'developer', 'other'),
      content: fc.oneof(text, fc.array(fc.oneof(fc.record({ type: fc.constant('text'), text: fc.string() }), field), { maxLength: 2 })),
      reasoning_content: text,
      name: text,
      tool_call_id: text,
      tool_name: text,
      tool_call_error: fc.oneof(fc.boolean(), field),
      tool_calls: fc.oneof(field, fc.array(fc.record({ id: text, type: fc.constant('function'), function: fc.record({ name: text, arguments: fc.oneof(fc.constant('{"a": 1}'), text) }) }), { maxLength: 2 })),
      created_at: fc.integer(),
    },
    { requiredKeys: ['role'] },
  );
  // Run ids are unique in agno (uuid4); the leader and its members never share one.
  const output = (runIds: fc.Arbitrary<string>, members: fc.Arbitrary<unknown>) =>
    fc.record(
      {
        run_id: runIds,
        agent_id: text,
        team_id: text,
        session_id: text,
        parent_run_id: text,
        status: fc.constantFrom('PENDING', 'RUNNING', 'COMPLETED', 'PAUSED', 'CANCELLED', 'ERROR', 'REGENERATED'),
        content: fc.oneof(text, field),
        model: text,
        messages: fc.array(message, { maxLength: 3 }),
        metrics: field,
        requirements: field,
        input: field,
        created_at: fc.oneof(fc.integer(), field),
        member_responses: members,
      },
      { requiredKeys: ['run_id', 'status'] },
    );
  const member = output(fc.constantFrom('m1', 'm2', 'm3'), fc.constant([]));
  const aggregate = output(fc.constant('r1'), fc.uniqueArray(member, { maxLength: 2, selector: (run) => run.run_id }));

  it('writes back RunOutput and TeamRunOutput dicts with arbitrary fields unchanged', () => {
    fc.assert(
      fc.property(aggregate, (record) => {
        const { output: written } = convert([record], { from: 'agno', to: 'agno', encode: { shape: 'aggregate' } });
        expect(written).toEqual([record]);
      }),
      { seed: propertySeed, numRuns: propertyRuns },
    );
  });
});
