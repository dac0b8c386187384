import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLangChainDecoder, createLangChainEncoder } from '../../adapters/langchain/index.js';
import { type CanonicalEvent, type IssueInput, convert } from '../../src/index.js';
import { propertyRuns, propertySeed } from '../support/arbitraries.js';
import type { AdapterContext } from '../../src/pipeline/format.js';


function context(issues: IssueInput[]): AdapterContext {
  let next = 0;
  return { report: (issue) => void issues.push(issue), mint: (kind) => `${kind}-${++next}` };
}

const className = fc.constantFrom('HumanMessage', 'AIMessage', 'AIMessageChunk', 'SystemMessage', 'ToolMessage', 'ChatMessage', 'RemoveMessage');
const content = fc.oneof(fc.string(), fc.array(fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('text', 'reasoning', 'thinking', 'tool_call', 'image'), text: fc.string(), reasoning: fc.string(), index: fc.nat(3) }, { requiredKeys: ['type'] }))));
const toolCallChunk = fc.record({ index: fc.option(fc.nat(2)), id: fc.option(fc.string()), name: fc.option(fc.string()), args: fc.option(fc.string()) }, { requiredKeys: [] });
const kwargs = fc.record(
  {
    content,
    id: fc.oneof(fc.string(), fc.constant(null)),
    name: fc.jsonValue(),
    tool_calls: fc.oneof(fc.jsonValue(), fc.array(fc.record({ id: fc.option(fc.string()), name: fc.jsonValue(), args: fc.jsonValue() }, { requiredKeys: [] }))),
    invalid_tool_calls: fc.jsonValue(),
    tool_call_chunks: fc.oneof(fc.jsonValue(), fc.array(toolCallChunk)),
    tool_call_id: fc.jsonValue(),
    status: fc.constantFrom('success', 'error', 3),
    usage_metadata: fc.jsonValue(),
    response_metadata: fc.oneof(fc.jsonValue(), fc.record({ agent_event_bridge: fc.oneof(fc.jsonValue(), fc.record({ run_id: fc.string(), parent_run_id: fc.jsonValue(), input: fc.jsonValue(), placeholder: fc.jsonValue(), run: fc.jsonValue() }, { requiredKeys: ['run_id'] })) })),
    additional_kwargs: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const langchainLike = fc.oneof(
  fc.record({ lc: fc.constant(1), type: fc.constant('constructor'), id: fc.tuple(fc.constant('langchain_core'), fc.constant('messages'), className), kwargs }),
  fc.record({ type: fc.constantFrom('human', 'ai', 'tool', 'system', 'chat', 'AIMessageChunk', 'remove'), data: kwargs }),
  fc.record({ role: fc.constantFrom('user', 'assistant', 'tool', 'developer'), content: fc.oneof(content, fc.constant(null)), tool_calls: fc.jsonValue(), tool_call_id: fc.jsonValue() }, { requiredKeys: ['role', 'content'] }),
  fc.tuple(fc.constantFrom('human', 'ai', 'system', 'user'), fc.string()),
  fc.record({ event: fc.constantFrom('on_chain_start', 'on_chain_end', 'on_chat_model_stream', 'on_chat_model_end', 'on_tool_start', 'on_tool_end', 'on_tool_error', 'on_parser_stream', 'on_custom_event', 'on_other'), run_id: fc.constantFrom('r1', 'r2'), name: fc.string(), data: fc.oneof(fc.jsonValue(), fc.record({ chunk: fc.jsonValue(), output: fc.jsonValue(), input: fc.jsonValue() }, { requiredKeys: [] })) }),
  fc.jsonValue(),
);

const wellFormedContent = fc.oneof(
  fc.string(),
  fc.array(fc.record({ type: fc.constantFrom('text', 'reasoning', 'thinking', 'image'), text: fc.string(), reasoning: fc.string(), thinking: fc.string() }, { requiredKeys: ['type'] })),
);
const wellFormedKwargs = fc.record(
  {
    content: wellFormedContent,
    id: fc.string(),
    name: fc.string(),
    tool_calls: fc.array(fc.record({ id: fc.string(), name: fc.string(), args: fc.dictionary(fc.string(), fc.jsonValue()), type: fc.constant('tool_call') })),
    tool_call_id: fc.string(),
    status: fc.constantFrom('success', 'error'),
    usage_metadata: fc.record({ input_tokens: fc.nat(), output_tokens: fc.nat(), total_tokens: fc.nat() }),
    additional_kwargs: fc.dictionary(fc.string(), fc.jsonValue()),
    response_metadata: fc.dictionary(fc.string(), fc.jsonValue()),
  },
  { requiredKeys: ['content'] },
);
const wellFormed = fc.oneof(
  fc.record({
    lc: fc.constant(1),
    type: fc.constant('constructor'),
    id: fc.tuple(fc.constant('langchain_core'), fc.constant('messages'), fc.constantFrom('HumanMessage', 'AIMessage', 'AIMessageChunk', 'SystemMessage', 'ToolMessage')),
    kwargs: wellFormedKwargs,
  }),
  fc.record({ type: fc.constantFrom('human', 'ai', 'tool', 'system'), data: wellFormedKwargs }),
);

/** Decodes records and encodes the events back, as a langchain → langchain conversion does. */
function throughLangChain(records: readonly unknown[]): { events: CanonicalEvent[]; written: unknown[] } {
  const issues: IssueInput[] = [];
  const decoder = createLangChainDecoder(context(issues));
  const encoder = createLangChainEncoder(context(issues));
  const events = [...records.flatMap((record) => decoder.push(record)), ...decoder.flush()];
  const written = [...events.flatMap((event) => encoder.push(event)), ...encoder.flush()];
  return { events, written };
}

const settings = { seed: propertySeed, numRuns: propertyRuns };
const timeout = Math.max(30_000, propertyRuns * 100);

describe('langchain decoder on arbitrary input', () => {
  it('writes back every sequence of well-formed message and chunk records unchanged through langchain → langchain', () => {
    fc.assert(
      fc.property(fc.array(wellFormed, { maxLength: 6 }), (records) => {
        const { output } = convert(records, { from: 'langchain', to: 'langchain' });
        expect(JSON.parse(JSON.stringify(output))).toEqual(JSON.parse(JSON.stringify(records)));
      }),
      settings,
    );
  }, timeout);

  it('never throws on arbitrary JSON records, and its events encode back without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (records) => {
        const { events } = throughLangChain(records);
        expect(events.every((event) => typeof event.runId === 'string')).toBe(true);
      }),
      settings,
    );
  }, timeout);

  it('never throws on LangChain-shaped records with arbitrary fields, and their events encode back without throwing', () => {
    fc.assert(
      fc.property(fc.array(langchainLike, { maxLength: 8 }), (records) => {
        const { events } = throughLangChain(records);
        expect(events.every((event) => typeof event.runId === 'string')).toBe(true);
      }),
      settings,
    );
  }, timeout);
});
