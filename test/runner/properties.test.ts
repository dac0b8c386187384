import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, convert } from '../../src/index.js';
import { propertyRuns, propertySeed } from '../support/arbitraries.js';

const word = fc.string({ minLength: 0, maxLength: 6 });
const name = fc.constantFrom('Root', 'Child', 'react', '');
const metadataValue = fc.oneof(fc.constant({}), fc.record({ react_step: fc.constantFrom('thought', 'action', 'observation'), scratchpad: word }, { requiredKeys: ['react_step'] }), fc.record({ error: fc.boolean(), exception_type: fc.constantFrom('RateLimitError', 'CancelledError', 'ValueError') }, { requiredKeys: ['error'] }), fc.record({ scratchpad: word }), fc.record({ paused: fc.constant(true), requirements: fc.constant([]) }), fc.jsonValue({ maxDepth: 1 }).map((value) => ({ note: value })));
const part = fc.oneof(
  fc.record({ type: fc.constant('text'), text: word, metadata: fc.constant({}) }),
  fc.record({ type: fc.constant('data'), data: fc.dictionary(word, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), metadata: fc.constant({}) }),
  fc.record({ type: fc.constant('tool_call'), tool_call_id: fc.constantFrom('call_1', 'call_2', 'react_x'), tool_name: word, args: fc.dictionary(word, fc.integer(), { maxKeys: 2 }), metadata: fc.constant({}) }),
  fc.record({ type: fc.constant('tool_response'), tool_call_id: fc.constantFrom('call_1', 'call_2'), tool_name: word, result: word, error: fc.option(word, { nil: null }), metadata: fc.constant({}) }),
  fc.record({ type: fc.constant('file'), uri: fc.option(word, { nil: null }), inline_bytes: fc.constant(null), mime_type: fc.constantFrom('image/png', null), name: fc.constant(null), metadata: fc.constant({}) }),
  fc.record({ type: fc.constant('thinking'), thinking: word, metadata: fc.constant({}) }),
);

/** Records shaped like langchain_adk 0.3.x `Event`s (and a few legacy ones), fields varied. */
const runnerRecord = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom('user_message', 'agent_message', 'agent_message', 'agent_message', 'tool_response', 'agent_start', 'agent_end', 'final_answer', 'thought'),
    timestamp: fc.oneof(fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }), fc.double({ min: 1_700_000_000, max: 1_800_000_000, noNaN: true })),
    invocation_id: fc.constantFrom('', '', 'inv-1', 'inv-2'),
    session_id: fc.constantFrom('s1', 's2', null),
    author: name,
    agent_name: fc.option(name, { nil: null }),
    branch: fc.constantFrom('', '', 'Child', 'Child.Leaf'),
    partial: fc.constantFrom(null, true, false),
    turn_complete: fc.boolean(),
    content: fc.record({ role: fc.constant(null), parts: fc.array(part, { maxLength: 3 }) }),
    actions: fc.record({
      state_delta: fc.oneof(fc.constant({}), fc.dictionary(word, fc.integer(), { minKeys: 1, maxKeys: 2 })),
      transfer_to_agent: fc.option(name, { nil: null }),
      escalate: fc.option(fc.boolean(), { nil: null }),
      skip_summarization: fc.constant(null),
      end_of_agent: fc.constant(null),
      compaction: fc.constant(null),
    }),
    metadata: metadataValue,
    llm_response: fc.option(fc.record({ text: word, model_version: fc.constant('m'), input_tokens: fc.nat(99), output_tokens: fc.nat(99), tool_calls: fc.constant([]), partial: fc.constant(false), raw_message: fc.constant(null) }), { nil: null }),
  })
  .chain((record) => fc.subarray(Object.keys(record), { minLength: Object.keys(record).length - 2 }).map((keys) => Object.fromEntries(keys.map((key) => [key, record[key as keyof typeof record]]))));

describe('runner properties', () => {
  it('the decoder never throws on arbitrary JSON and yields valid canonical events', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }), (records) => {
        const { output } = convert(records, { from: 'runner', to: 'canonical', encode: { header: false } });
        for (const event of output) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });

  it('the decoder never throws on Runner-shaped records with arbitrary field values', () => {
    const anyField = fc.dictionary(fc.constantFrom('id', 'type', 'timestamp', 'invocation_id', 'session_id', 'author', 'agent_name', 'branch', 'partial', 'content', 'actions', 'metadata', 'llm_response', 'tool_input', 'result', 'answer'), fc.jsonValue({ maxDepth: 3 }));
    const typed = anyField.map((record) => ({ ...record, type: String(record.type ?? 'agent_message') }));
    fc.assert(
      fc.property(fc.array(fc.oneof(typed, runnerRecord), { maxLength: 8 }), (records) => {
        const { output } = convert(records, { from: 'runner', to: 'canonical', encode: { header: false } });
        for (const event of output) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });

  it('every generated Runner stream comes back unchanged through runner → runner', () => {
    fc.assert(
      fc.property(fc.array(runnerRecord, { maxLength: 10 }), (records) => {
        expect(convert(records, { from: 'runner', to: 'runner' }).output).toEqual(records);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });
});
