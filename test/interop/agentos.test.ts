import { getToolName, isToolUIPart } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert, readAll } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { type AgentOs, postForm, startAgentOs } from './agentos.js';
import { skipPython, skipReason } from './python.js';

let agentOs: AgentOs;

/** Posts a form to an AgentOS route and returns the SSE body it streams. */
function post(path: string, fields: Record<string, string>) {
  return postForm(`${agentOs.url}${path}`, fields);
}

/** The UIMessage useChat builds from an AgentOS SSE body converted by this library. */
async function uiMessageOf(body: string) {
  const records = readAll(body, 'sse').flatMap((item) => (item.kind === 'record' ? [item.record] : []));
  const { output, issues } = convert(records, { from: 'agno', to: 'ai-sdk-ui' });
  expect(issues.filter((issue) => issue.level === 'error')).toEqual([]);
  return readChunks(output);
}

describe.skipIf(skipPython)(`a live agno 3.x AgentOS app${skipPython ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    // Importing agno and building the app takes a few seconds, far more on a busy machine.
    agentOs = await startAgentOs();
  }, 150_000);

  afterAll(async () => {
    await agentOs?.stop();
  });

  it('streams an agent run over SSE that useChat shows with its reasoning, text and both tool calls', async () => {
    const { status, contentType, body } = await post('/agents/weather-agent/runs', { message: 'Weather in Paris and the ACME quote?', stream: 'true' });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);

    const { message, error } = await uiMessageOf(body);
    expect(error).toBeUndefined();
    const parts = message!.parts;
    expect(parts.filter((part) => part.type === 'reasoning').map((part) => part.text)).toEqual(['The user wants the weather and a quote.']);
    expect(parts.filter((part) => part.type === 'text').map((part) => part.text)).toEqual([
      'Let me look both up.',
      'Paris is sunny at 21 degrees. The quote service is down.',
    ]);
    const tools = parts.filter(isToolUIPart).map((part) => ({
      name: getToolName(part),
      state: part.state,
      input: part.input,
      output: part.state === 'output-available' ? part.output : undefined,
      errorText: part.state === 'output-error' ? part.errorText : undefined,
    }));
    expect(tools).toEqual([
      { name: 'get_weather', state: 'output-available', input: { city: 'Paris' }, output: 'Sunny, 21 degrees in Paris', errorText: undefined },
      { name: 'get_stock_price', state: 'output-error', input: { symbol: 'ACME' }, output: undefined, errorText: expect.stringContaining('The quote service is down for ACME') },
    ]);
  }, 60_000);
});
