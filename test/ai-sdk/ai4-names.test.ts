import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert } from '../../src/index.js';
import { expectGolden, readJsonl, toJsonl } from '../support/golden.js';
import { invalidChunks, readChunks } from './ui-reader.js';

// Constructed from the ai 4.3 TextStreamPart names (reference §5.1): no recording of ai 4 can be made with ai 7 installed.
const path = join(import.meta.dirname, 'fixtures/constructed-ai4-full-stream.ai4.jsonl');
const parts = readJsonl(path);

describe('ai 4 full-stream names', () => {
  it('decode to their golden canonical events', () => {
    const { output, issues } = convert(parts, { from: 'ai-sdk-stream', to: 'canonical', encode: { header: false } });
    expectGolden(path.replace('.jsonl', '.canonical.jsonl'), toJsonl([...output, { issues }]));
  });

  it('give text, reasoning, the tool input and output, and usage from promptTokens', () => {
    const { output } = convert(parts, { from: 'ai-sdk-stream', to: 'canonical', encode: { header: false } });
    const [run] = accumulate(output as CanonicalEvent[]);
    expect(run?.usage).toEqual({ inputTokens: 10, outputTokens: 20, totalTokens: 30 });
    expect(run?.messages[0]?.id).toBe('msg-a4');
    expect(run?.messages[0]?.parts).toEqual([
      { type: 'reasoning', text: 'Weather needs a tool.' },
      { type: 'text', text: 'Let me check.' },
      expect.objectContaining({ type: 'tool-call', toolCallId: 'call-1', toolName: 'weather', input: { city: 'Paris' } }),
    ]);
    expect(run?.messages[1]?.parts[0]).toMatchObject({ type: 'tool-result', output: { temperature: 21 } });
  });

  it('are written for a useChat client of today as valid ai 7 chunks', async () => {
    const { output } = convert(parts, { from: 'ai-sdk-stream', to: 'ai-sdk-ui' });
    expect(await invalidChunks(output)).toEqual([]);
    const { message, error } = await readChunks(output);
    expect(error).toBeUndefined();
    expect(message?.parts.map((part) => part.type)).toEqual(['step-start', 'reasoning', 'text', 'tool-weather']);
  });
});
