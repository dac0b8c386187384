import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runnerFormat } from '../../adapters/runner/index.js';
import { type CanonicalEvent, accumulate, convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { decodeRunner } from './decode-runner.js';
import { runnerRecord, textPart, toolCallPart, toolResponsePart } from './record.js';

const fixtures = join(import.meta.dirname, 'fixtures');

function decodeFixture(name: string) {
  return decodeRunner(readJsonl(join(fixtures, `${name}.jsonl`)));
}

function events(records: unknown[]): CanonicalEvent[] {
  return decodeRunner(records).output as CanonicalEvent[];
}

function ofType<T extends CanonicalEvent['type']>(list: CanonicalEvent[], type: T) {
  return list.filter((event): event is Extract<CanonicalEvent, { type: T }> => event.type === type);
}

function text(list: CanonicalEvent[], kind: 'text-delta' | 'reasoning-delta' = 'text-delta'): string {
  return ofType(list, kind)
    .map((event) => event.delta)
    .join('');
}

describe('runner decoding', () => {
  it('LlmAgent delta partials join into the final answer without repeating it', () => {
    const output = events(readJsonl(join(fixtures, 'constructed-4.2-llm-agent-tool-turn.jsonl')));
    const [run] = accumulate(output);
    const answer = run?.messages.at(-1)?.parts.map((part) => (part.type === 'text' ? part.text : part.type));
    expect(answer).toEqual(["It's sunny and 21°C in Paris."]);
    expect(text(output)).toBe("Let me check the weather.It's sunny and 21°C in Paris.");
  });

  it('ReAct cumulative answer and thought partials become clean deltas', () => {
    const output = decodeFixture('reference-4.3-react').output as CanonicalEvent[];
    expect(text(output)).toBe('The value is value_for_test_key');
    expect(text(output, 'reasoning-delta')).toBe('I should use the lookup toolNow I have the answer');
  });

  it('ReAct partials that keep growing say only what is new', () => {
    const partial = (answer: string) =>
      runnerRecord('agent_message', { author: 'react', partial: true, metadata: { scratchpad: 'notes' } }, [textPart(answer)]);
    const output = events([partial('The'), partial('The value'), partial('The value is 42'), runnerRecord('agent_message', { author: 'react', metadata: { scratchpad: 'notes' } }, [textPart('The value is 42')])]);
    expect(ofType(output, 'text-delta').map((event) => event.delta)).toEqual(['The', ' value', ' is 42']);
  });

  it('delta partials that repeat the text so far are kept as deltas, not read as restatements', () => {
    const partial = (delta: string) => runnerRecord('agent_message', { partial: true }, [textPart(delta)]);
    const output = events([partial('ha'), partial('ha'), runnerRecord('agent_message', { partial: false }, [textPart('haha')])]);
    expect(text(output)).toBe('haha');
  });

  it('text said before the tool calls only in llm_response becomes text beside the tool call', () => {
    const [, , call] = readJsonl(join(fixtures, 'reference-3.1-full-examples.jsonl'));
    const [run] = accumulate(events([call]));
    expect(run?.messages[0]?.parts.map((part) => part.type)).toEqual(['text', 'tool-call']);
    expect(run?.messages[0]?.parts[0]).toMatchObject({ type: 'text', text: 'Let me check the weather.' });
  });

  it('tool calls of one model turn count their shared llm_response once', () => {
    const [end] = ofType(decodeFixture('constructed-4.2-parallel-tools-one-fails').output as CanonicalEvent[], 'run-end');
    expect(end?.usage).toEqual({ inputTokens: 140 + 220, outputTokens: 40 + 14 });
  });

  it('a restated llm_response counts once as long as its JSON text is the same, and again once it differs', () => {
    const records = readJsonl(join(fixtures, 'constructed-4.2-parallel-tools-one-fails.jsonl')) as Record<string, unknown>[];
    const usageOf = (list: unknown[]) => ofType(decodeRunner(list).output as CanonicalEvent[], 'run-end')[0]?.usage;
    const [first, second] = records.filter((record) => typeof record.llm_response === 'object' && record.llm_response !== null);
    expect(second?.llm_response).toEqual(first?.llm_response);
    // The same response parsed afresh (another object, the same text) is the same model turn.
    const copied = records.map((record) => (record === second ? { ...record, llm_response: JSON.parse(JSON.stringify(first?.llm_response)) } : record));
    expect(usageOf(copied)).toEqual({ inputTokens: 140 + 220, outputTokens: 40 + 14 });
    // The same fields in another order are another text: counted as another model turn, as ever.
    const { input_tokens, ...rest } = first?.llm_response as Record<string, unknown>;
    const reordered = records.map((record) => (record === second ? { ...record, llm_response: { ...rest, input_tokens } } : record));
    expect(usageOf(reordered)).toEqual({ inputTokens: 140 + 140 + 220, outputTokens: 40 + 40 + 14 });
  });

  it('a tool that raised stays a tool error with its message', () => {
    const output = decodeFixture('constructed-4.2-parallel-tools-one-fails').output as CanonicalEvent[];
    expect(ofType(output, 'tool-error')).toMatchObject([{ toolCallId: 'call_b', toolName: 'get_time', error: 'TimeoutError: time service did not answer' }]);
    expect(ofType(output, 'tool-result')).toMatchObject([{ toolCallId: 'call_a', output: 'Snow, -3C' }]);
  });

  it('an LLM exception ends the run with run-error and never with run-end', () => {
    const output = decodeFixture('constructed-4.2-llm-raises').output as CanonicalEvent[];
    expect(ofType(output, 'run-error')).toMatchObject([{ error: { message: 'Error code: 429 - rate limit exceeded', type: 'RateLimitError' } }]);
    expect(ofType(output, 'run-end')).toEqual([]);
  });

  it('a max-iterations error without exception_type is a run error without a type', () => {
    const output = decodeFixture('reference-3.2-max-iterations').output as CanonicalEvent[];
    expect(ofType(output, 'run-error')).toMatchObject([{ error: { message: 'Max iterations (10) reached without a final answer.' } }]);
    expect(ofType(output, 'run-error')[0]?.error.type).toBeUndefined();
  });

  it('a sub-agent branch becomes a member run whose parent is the root run, ended before the parent goes on', () => {
    const output = decodeFixture('constructed-4.5-agent-tool').output as CanonicalEvent[];
    const [root] = accumulate(output);
    expect(root?.actor).toEqual({ kind: 'agent', name: 'TripPlanner' });
    expect(root?.members.map((member) => [member.runId, member.parentRunId, member.actor?.name, member.status])).toEqual([
      ['minted-run-1/WeatherAgent', 'minted-run-1', 'WeatherAgent', 'completed'],
    ]);
    const childEnd = output.findIndex((event) => event.type === 'run-end' && event.runId === 'minted-run-1/WeatherAgent');
    const parentResult = output.findIndex((event) => event.type === 'tool-result' && event.toolCallId === 'call_A');
    expect(childEnd).toBeLessThan(parentResult);
  });

  it('a nested branch inner.inner-a nests under inner under the root', () => {
    const [root] = accumulate(decodeFixture('constructed-4.5-sequential-nested').output as CanonicalEvent[]);
    expect(root?.members.map((member) => member.runId)).toEqual(['minted-run-1/inner', 'minted-run-1/beta']);
    expect(root?.members[0]?.members.map((member) => [member.runId, member.actor?.name])).toEqual([['minted-run-1/inner.inner-a', 'inner-a']]);
    expect(root?.actor).toBeUndefined();
    expect(root?.status).toBe('completed');
  });

  it('transfer_to_agent becomes a handoff, the target speaks in the same run, and state_delta becomes state', () => {
    const output = decodeFixture('constructed-4.5-transfer').output as CanonicalEvent[];
    expect(ofType(output, 'handoff')).toMatchObject([{ runId: 'minted-run-1', to: 'BillingAgent', actor: { name: 'TriageAgent' } }]);
    expect(ofType(output, 'state')).toMatchObject([{ delta: { refund_status: 'issued' }, actor: { name: 'BillingAgent' } }]);
    const speakers = ofType(output, 'text-delta').map((event) => event.actor?.name);
    expect(speakers).toEqual(['TriageAgent', 'BillingAgent']);
  });

  it("user_message opens the turn: its invocation_id is the run id and its text the run's input", () => {
    const output = decodeFixture('constructed-4.1-session-two-turns').output as CanonicalEvent[];
    expect(ofType(output, 'run-start').map((event) => [event.runId, event.input, event.actor?.name])).toEqual([
      ['9b2f0c7e-1d7a-4c55-9a57-3f0e2a1b6c11', "What's the weather in Paris?", 'WeatherAgent'],
      ['4c1d2e3f-0a9b-4c8d-8e7f-6a5b4c3d2e1f', 'And tomorrow?', 'WeatherAgent'],
    ]);
    const ends = output.map((event, index) => (event.type === 'run-end' ? index : -1)).filter((index) => index >= 0);
    const secondStart = output.findIndex((event) => event.type === 'run-start' && event.input === 'And tomorrow?');
    expect(ends[0]).toBeLessThan(secondStart);
  });

  it('a 0.3.3 agent_start inside a turn opens a member run that agent_end completes', () => {
    const [root] = accumulate(decodeFixture('constructed-6.3-v0.3.3-wrapped').output as CanonicalEvent[]);
    expect(root?.input).toBe("What's the weather in Paris?");
    expect(root?.members.map((member) => [member.actor?.name, member.status, member.output])).toEqual([['WeatherAgent', 'completed', 'Sunny, 21°C.']]);
    expect(root?.status).toBe('completed');
  });

  it('agent_end after an error keeps the run in error and travels as a raw record', () => {
    const output = events([
      runnerRecord('agent_start', { author: '', agent_name: 'A' }),
      runnerRecord('agent_message', { author: 'A', metadata: { error: true, exception_type: 'ValueError' } }, [textPart('boom')]),
      runnerRecord('agent_end', { author: '', agent_name: 'A' }),
    ]);
    expect(output.map((event) => event.type)).toEqual(['run-start', 'run-error', 'raw']);
    expect(accumulate(output)[0]?.status).toBe('error');
  });

  it('legacy hierarchy A tool calls get a minted id that their result shares, reported as minted', () => {
    const { output, issues } = decodeFixture('reference-6.2-legacy-hierarchy-a');
    const events = output as CanonicalEvent[];
    expect(ofType(events, 'tool-call')[0]?.toolCallId).toBe('minted-tool-call-1');
    expect(ofType(events, 'tool-result')[0]).toMatchObject({ toolCallId: 'minted-tool-call-1', output: 'Sunny' });
    expect(issues.filter((issue) => issue.code === 'minted').length).toBe(2);
  });

  it('legacy hierarchy B reads tool_call_id from metadata and the error class as the error type', () => {
    const events = decodeFixture('reference-6.3-legacy-hierarchy-b').output as CanonicalEvent[];
    expect(ofType(events, 'tool-result')[0]).toMatchObject({ toolCallId: 'call_1', output: 'Sunny' });
    expect(ofType(events, 'run-error')[0]?.error).toEqual({ message: 'boom', type: 'ValueError' });
  });

  it("orxhestra's thinking parts become reasoning deltas", () => {
    const events = decodeFixture('constructed-6.5-orxhestra-thinking').output as CanonicalEvent[];
    expect(text(events, 'reasoning-delta')).toBe('The user wants a haiku.');
    expect(text(events)).toBe('Autumn moon rises');
  });

  it('a run that ends without a final answer or error is left open and reported, not completed', () => {
    const { output, issues } = decodeRunner([runnerRecord('agent_message', {}, [toolCallPart('c1', 'search', { q: 'x' })])]);
    expect(ofType(output as CanonicalEvent[], 'run-end')).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid-sequence', level: 'warning', runId: 'minted-run-1' }));
  });

  it('records that are not Runner events become raw with an issue, and the stream goes on', () => {
    const { output, issues } = decodeRunner([{ type: 'mystery', author: 'A', invocation_id: '', branch: '' }, 42, runnerRecord('agent_message', {}, [textPart('hi')])]);
    expect((output as CanonicalEvent[]).map((event) => event.type)).toEqual(['raw', 'raw', 'run-start', 'text-start', 'text-delta', 'text-end', 'run-end']);
    expect(issues.map((issue) => issue.code).slice(0, 2)).toEqual(['unknown-event', 'invalid-input']);
  });

  it('the same records decode to the same events, ids included', () => {
    const records = readJsonl(join(fixtures, 'constructed-4.5-agent-tool.jsonl'));
    expect(decodeRunner(records).output).toEqual(decodeRunner(records).output);
  });

  it('tool responses pair with their calls across the runner → runner round trip of a whole session', () => {
    const records = [
      runnerRecord('user_message', { author: 'user', invocation_id: 'inv-1' }, [textPart('add 2 and 3')]),
      runnerRecord('agent_message', {}, [toolCallPart('tc1', 'add', { a: 2, b: 3 })]),
      runnerRecord('tool_response', {}, [toolResponsePart('tc1', 'add', '5')]),
      runnerRecord('agent_message', { partial: false }, [textPart('The answer is 5')]),
    ];
    expect(convert(records, { from: 'runner', to: 'runner' }).output).toEqual(records);
  });

  it('a part the decoder cannot read is reported, and kept for the runner → runner round trip', () => {
    const records = [runnerRecord('agent_message', { partial: false }, [textPart('Here.'), { type: 'audio', bytes: 'AAA=', metadata: {} }, { type: 'tool_call', tool_name: 'x', metadata: {} }])];
    const { issues } = decodeRunner(records);
    expect(issues.filter((issue) => issue.code === 'unknown-event' || issue.code === 'invalid-input').map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-event', 'content.parts.1'],
      ['invalid-input', 'content.parts.2.tool_call_id'],
    ]);
    expect(convert(records, { from: 'runner', to: 'runner' }).output).toEqual(records);
  });

  it('detect claims Runner records and leaves records of other formats alone', () => {
    expect(runnerFormat.detect(runnerRecord('agent_message', {}, [textPart('hi')]))).toEqual({ confidence: 0.95, version: 'langchain_adk 0.3.3 – 0.3.14 or orxhestra' });
    expect(runnerFormat.detect({ type: 'thought', agent_name: 'A', thought: 'x' })).toMatchObject({ version: '0.1 – 0.3.2' });
    expect(runnerFormat.detect({ type: 'error', errorText: 'boom' })).toBeUndefined();
    expect(runnerFormat.detect({ type: 'text-delta', runId: 'r', id: 't', delta: 'x' })).toBeUndefined();
    expect(runnerFormat.detect({ event: 'RunContent', run_id: 'r', content: 'x' })).toBeUndefined();
    expect(runnerFormat.detect({ type: 'human', data: { content: 'hi' } })).toBeUndefined();
  });

  it("ReAct's repeated tool call ids become distinct, each result paired with its own call, and come back as they were", () => {
    const call = () => runnerRecord('agent_message', { author: 'react' }, [toolCallPart('react_lookup', 'lookup', { input: 'k' })]);
    const answer = (value: string) => runnerRecord('tool_response', { author: 'react' }, [toolResponsePart('react_lookup', 'lookup', value)]);
    const records = [call(), answer('one'), call(), answer('two')];
    const output = events(records);
    expect(ofType(output, 'tool-call').map((event) => event.toolCallId)).toEqual(['react_lookup', 'react_lookup#2']);
    expect(ofType(output, 'tool-result').map((event) => [event.toolCallId, event.output])).toEqual([
      ['react_lookup', 'one'],
      ['react_lookup#2', 'two'],
    ]);
    expect(convert(records, { from: 'runner', to: 'runner' }).output).toEqual(records);
  });
});
