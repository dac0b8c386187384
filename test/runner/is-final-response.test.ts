import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFinalResponse } from '../../adapters/runner/index.js';
import { readJsonl } from '../support/golden.js';
import { runnerRecord, textPart, toolCallPart, toolResponsePart } from './record.js';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('isFinalResponse', () => {
  it('is true only for the final answer among the full examples of the reference', () => {
    const records = readJsonl(join(fixtures, 'reference-3.1-full-examples.jsonl'));
    expect(records.map(isFinalResponse)).toEqual([false, false, false, false, true]);
  });

  it('is true only for the last record of the ReAct turn, not for thoughts, actions, observations or answer partials', () => {
    const records = readJsonl(join(fixtures, 'reference-4.3-react.jsonl'));
    expect(records.map(isFinalResponse)).toEqual([false, false, false, false, false, false, false, false, false, true]);
  });

  it("is true for a sub-agent's final answer in the root stream, as in langchain_adk", () => {
    const records = readJsonl(join(fixtures, 'constructed-4.5-agent-tool.jsonl')) as Record<string, unknown>[];
    const finals = records.filter(isFinalResponse).map((record) => [record.author, record.branch]);
    expect(finals).toEqual([
      ['WeatherAgent', 'WeatherAgent'],
      ['TripPlanner', ''],
    ]);
  });

  it('is false for an error event even though it has text', () => {
    const record = runnerRecord('agent_message', { metadata: { error: true, exception_type: 'RateLimitError' } }, [textPart('429')]);
    expect(isFinalResponse(record)).toBe(false);
  });

  it('is false for an answer with empty text and no data, and true for structured data alone', () => {
    expect(isFinalResponse(runnerRecord('agent_message', { partial: false }, [textPart('')]))).toBe(false);
    expect(isFinalResponse(runnerRecord('agent_message', {}, [{ type: 'data', data: { city: 'Paris' }, metadata: {} }]))).toBe(true);
    expect(isFinalResponse(runnerRecord('agent_message', {}, [{ type: 'data', data: {}, metadata: {} }]))).toBe(false);
  });

  it('is true with skip_summarization whatever the content, unless partial, a tool call or another type', () => {
    const skip = { skip_summarization: true };
    expect(isFinalResponse(runnerRecord('agent_message', { actions: skip }))).toBe(true);
    expect(isFinalResponse(runnerRecord('agent_message', { actions: skip, partial: true }))).toBe(false);
    expect(isFinalResponse(runnerRecord('agent_message', { actions: skip }, [toolCallPart('c', 't', {})]))).toBe(false);
    expect(isFinalResponse(runnerRecord('tool_response', { actions: skip }, [toolResponsePart('c', 't', 'ok')]))).toBe(false);
  });

  it('is false for user messages, agent_start and agent_end, and for values that are not records', () => {
    expect(isFinalResponse(runnerRecord('user_message', { author: 'user' }, [textPart('hi')]))).toBe(false);
    expect(isFinalResponse(runnerRecord('agent_start'))).toBe(false);
    expect(isFinalResponse(runnerRecord('agent_end'))).toBe(false);
    expect(isFinalResponse(null)).toBe(false);
    expect(isFinalResponse('agent_message')).toBe(false);
  });
});
