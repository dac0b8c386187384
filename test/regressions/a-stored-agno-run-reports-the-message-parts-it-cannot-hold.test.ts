import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';

/** A finished run whose assistant message holds app data, a file and a source beside its text (useChat parts). */
const events = [
  { type: 'run-start', runId: 'r1', actor: { kind: 'agent', id: 'a' } },
  { type: 'data', runId: 'r1', name: 'weather', data: { city: 'Oslo', celsius: 4 } },
  { type: 'file', runId: 'r1', mediaType: 'image/png', url: 'https://example.com/chart.png' },
  { type: 'source', runId: 'r1', id: 's1', url: 'https://example.com/report' },
  { type: 'text-start', runId: 'r1', id: 't1' },
  { type: 'text-delta', runId: 'r1', id: 't1', delta: 'Cold in Oslo.' },
  { type: 'text-end', runId: 'r1', id: 't1' },
  { type: 'run-end', runId: 'r1' },
];

describe('a run written as a stored agno RunOutput', () => {
  it('reports each kind of message part its messages cannot hold, with the run', () => {
    const { output, issues } = convert(events, { from: 'canonical', to: 'agno', encode: { shape: 'aggregate' } });
    const [run] = output as { messages?: { content?: unknown }[] }[];
    expect(JSON.stringify(run)).not.toContain('Oslo"');
    const dropped = issues.filter((issue) => issue.code === 'dropped' && issue.runId === 'r1').map((issue) => issue.message);
    expect(dropped).toEqual([
      expect.stringContaining('data part'),
      expect.stringContaining('file part'),
      expect.stringContaining('source part'),
    ]);
  });
});
