import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { sequentialLastChildRaises } from '../upstream/runner-sequential-last-child-raises.js';

// The error of a composite's last child reached useChat only as a hidden data part: the root run
// was left open, so the stream ended with neither an error nor a finish.

describe('an agent error that ends the turn reaches useChat as an error', () => {
  it('a SequentialAgent whose last child raises ends its UI message stream with that error', async () => {
    const { output, issues } = convert(sequentialLastChildRaises, { from: 'runner', to: 'ai-sdk-ui' });
    const chunks = output as { type: string; errorText?: string }[];
    expect(chunks.filter((chunk) => chunk.type === 'error')).toEqual([{ type: 'error', errorText: 'Error code: 429 - rate limit exceeded' }]);
    expect(chunks.at(-1)?.type).toBe('error');
    const read = await readChunks(chunks);
    expect(read.error).toBe('Error code: 429 - rate limit exceeded');
    expect(read.message?.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []))).toEqual(['Draft ready.']);
    expect(issues.filter((issue) => issue.message.includes('no end'))).toEqual([]);
  });

  it('the root run is read as failed with the error of the child that ended the turn', () => {
    const { output } = convert(sequentialLastChildRaises, { from: 'runner', to: 'canonical', encode: { header: false } });
    const ends = (output as { type: string; runId: string; error?: unknown }[]).filter((event) => event.type.startsWith('run-') && event.type !== 'run-start');
    expect(ends.map(({ type, runId, error }) => ({ type, runId, error }))).toEqual([
      { type: 'run-end', runId: 'minted-run-1/drafter', error: undefined },
      { type: 'run-error', runId: 'minted-run-1/reviewer', error: { message: 'Error code: 429 - rate limit exceeded', type: 'RateLimitError' } },
      { type: 'run-error', runId: 'minted-run-1', error: { message: 'Error code: 429 - rate limit exceeded', type: 'RateLimitError' } },
    ]);
  });
});
