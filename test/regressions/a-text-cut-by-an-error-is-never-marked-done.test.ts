import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { textCutByErrorChunks, textCutByErrorStream } from '../upstream/ai-sdk-text-cut-by-error.js';

// A text cut by an error was written with an end (ai-sdk-stream text-end, agno and Runner read as
// ended), so consumers showed it as done; and the `finish` streamText writes after a failed
// model's error turned the failed run into a completed one.

const agnoRunError = readFileSync(new URL('../agno/fixtures/constructed-v2.9.0-run-error.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as unknown);

describe('a text cut by an error is never marked done', () => {
  it('an agno run that fails mid-text reaches useChat with its text still streaming', async () => {
    const written = convert(agnoRunError, { from: 'agno', to: 'ai-sdk-ui' });
    const read = await readChunks(written.output);
    expect(read.error).toBe('boom');
    expect(read.message?.parts.filter((part) => part.type === 'text')).toEqual([{ type: 'text', text: 'Partial', state: 'streaming' }]);
  });

  it('the same run written as a streamText full stream has no text-end, as streamText writes none', () => {
    const written = convert(agnoRunError, { from: 'agno', to: 'ai-sdk-stream' });
    const types = written.output.map((part) => (part as { type: string }).type);
    expect(types).toContain('text-delta');
    expect(types).not.toContain('text-end');
  });

  it('a streamText run whose model fails mid-text stays failed, its text unended, through agno and Runner', async () => {
    for (const target of ['agno', 'agno-legacy', 'runner'] as const) {
      const written = convert(await textCutByErrorStream(), { from: 'ai-sdk-stream', to: target });
      const events = convert(written.output, { from: target, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
      expect(events.filter((event) => event.type === 'text-end'), target).toEqual([]);
      expect(accumulate(events).map((run) => [run.status, run.error?.message]), target).toEqual([['error', 'upstream connection reset']]);
    }
  });

  it('LangChain, whose messages are whole, reports the cut text', async () => {
    const written = convert(await textCutByErrorChunks(), { from: 'ai-sdk-ui', to: 'langchain' });
    expect(written.issues.filter((issue) => issue.level === 'warning').map((issue) => `${issue.code} ${issue.eventType}`)).toEqual(['approximated run-error']);
    expect(written.output).toHaveLength(1);
  });
});
