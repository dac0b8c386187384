import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { agnoOracles, agnoReaders, skipPython, skipReason } from '../interop/python.js';
import { streamingDataChunks } from '../upstream/ai-sdk-ui-streaming-data.js';

/**
 * agno's CustomEvent (2.x / 3.x) replaces the dataclass __init__ with one that sets only the fields
 * given: a record without `created_at` has none, and agno's own `to_dict()` raised AttributeError
 * on the CustomEvent we wrote for an AI SDK data part (the AI SDK has no times).
 */
describe('a data part written as agno', () => {
  it('is a CustomEvent with its name, its data and a created_at, reported as minted when the source has no time', async () => {
    const { output, issues } = convert(await streamingDataChunks(), { from: 'ai-sdk-ui', to: 'agno' });
    const custom = (output as Record<string, unknown>[]).filter((record) => record.event === 'CustomEvent');
    expect(custom.map(({ created_at, name, data }) => ({ created_at, name, data }))).toEqual([
      { created_at: 0, name: 'weather', data: { city: 'San Francisco', status: 'loading' } },
      { created_at: 0, name: 'notification', data: { message: 'Processing your request...', level: 'info' } },
      { created_at: 0, name: 'weather', data: { city: 'San Francisco', weather: 'sunny', status: 'success' } },
    ]);
    expect(issues.filter((issue) => issue.code === 'minted')).toMatchObject([{ level: 'info', eventType: 'data', format: 'agno' }]);
  });

  it('keeps the time of its run when the source has one', () => {
    const events = [
      { type: 'run-start', runId: 'r', time: 1_700_000_000_000 },
      { type: 'data', runId: 'r', name: 'weather', data: { city: 'Paris' } },
      { type: 'run-end', runId: 'r' },
    ];
    const { output, issues } = convert(events, { from: 'canonical', to: 'agno' });
    expect(output[1]).toMatchObject({ created_at: 1_700_000_000, event: 'CustomEvent', name: 'weather', data: { city: 'Paris' } });
    expect(issues.filter((issue) => issue.code === 'minted')).toEqual([]);
  });

  it('comes back from agno as the same data parts', async () => {
    const chunks = await streamingDataChunks();
    const agno = convert(chunks, { from: 'ai-sdk-ui', to: 'agno' }).output;
    const back = convert(agno, { from: 'agno', to: 'ai-sdk-ui' }).output as Record<string, unknown>[];
    expect(back.filter((chunk) => String(chunk.type).startsWith('data-')).map(({ type, data }) => ({ type, data }))).toEqual(
      (chunks as Record<string, unknown>[]).filter((chunk) => String(chunk.type).startsWith('data-')).map(({ type, data }) => ({ type, data })),
    );
  });
});

describe.skipIf(skipPython)(`a data part written as agno, read by agno itself${skipPython ? ` (${skipReason})` : ''}`, () => {
  const oracles = agnoOracles();

  it.each(agnoReaders)('is read by %s with every field it was written with', async (_name, index, target) => {
    const { output } = convert(await streamingDataChunks(), { from: 'ai-sdk-ui', to: 'agno', encode: { target } });
    const custom = (output as Record<string, unknown>[]).filter((record) => record.event === 'CustomEvent');
    expect(custom).toHaveLength(3);
    expect(await oracles[index]!.check('event', custom)).toEqual(custom.map(() => ({ id: expect.any(Number), ok: true })));
  });
});
