import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert } from '../../src/index.js';

function event(index: number): CanonicalEvent {
  return { type: 'data', runId: 'r', name: 'n', data: index };
}

describe('stream surfaces', () => {
  it('a slow consumer of a ReadableStream holds the source back', async () => {
    let pulled = 0;
    const source = new ReadableStream<unknown>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(pulled === 1 ? { type: 'run-start', runId: 'r' } : event(pulled));
          if (pulled === 100_000) controller.close();
        },
      },
      { highWaterMark: 1 },
    );
    const reader = convert(source, { from: 'canonical', to: 'canonical' }).getReader();
    for (let read = 0; read < 10; read += 1) {
      await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(pulled).toBeLessThan(20);
    await reader.cancel();
  });

  it('a slow consumer of an async iterable holds the source back', async () => {
    let pulled = 0;
    async function* source() {
      for (;;) {
        pulled += 1;
        yield pulled === 1 ? { type: 'run-start', runId: 'r' } : event(pulled);
      }
    }
    let read = 0;
    for await (const _record of convert(source(), { from: 'canonical', to: 'canonical' })) {
      read += 1;
      if (read === 10) break;
    }
    expect(pulled).toBeLessThanOrEqual(10);
  });

  it('cancelling the output cancels the input, for streams and async iterables', async () => {
    let cancelled: unknown;
    const source = new ReadableStream<unknown>({
      pull(controller) {
        controller.enqueue({ type: 'run-start', runId: 'r' });
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const reader = convert(source, { from: 'canonical', to: 'canonical' }).getReader();
    await reader.read();
    await reader.cancel('enough');
    expect(cancelled).toBe('enough');

    let closed = false;
    async function* endless() {
      try {
        for (;;) yield { type: 'run-start', runId: 'r' };
      } finally {
        closed = true;
      }
    }
    for await (const _record of convert(endless(), { from: 'canonical', to: 'canonical' })) break;
    expect(closed).toBe(true);
  });

  it('a source that fails ends every open run with run-error and then fails the stream, it does not hang', async () => {
    const records = [{ type: 'run-start', runId: 'lead' }, { type: 'run-start', runId: 'member', parentRunId: 'lead' }];
    const source = new ReadableStream<unknown>({
      pull(controller) {
        const next = records.shift();
        if (next === undefined) controller.error(new Error('connection reset'));
        else controller.enqueue(next);
      },
    });
    const reader = convert(source, { from: 'canonical', to: 'canonical' }).getReader();
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for (;;) {
          const next = await reader.read();
          if (next.done) return;
          seen.push(next.value);
        }
      })(),
    ).rejects.toThrow('connection reset');
    expect(seen.slice(-2)).toEqual([
      { type: 'run-error', runId: 'member', parentRunId: 'lead', error: { message: 'connection reset', type: 'Error' } },
      { type: 'run-error', runId: 'lead', error: { message: 'connection reset', type: 'Error' } },
    ]);

    async function* failing() {
      yield { type: 'run-start', runId: 'r' };
      throw new TypeError('socket closed');
    }
    const converted = convert(failing(), { from: 'canonical', to: 'canonical' });
    const out: unknown[] = [];
    await expect(
      (async () => {
        for await (const record of converted) out.push(record);
      })(),
    ).rejects.toThrow('socket closed');
    expect(out.at(-1)).toEqual({ type: 'run-error', runId: 'r', error: { message: 'socket closed', type: 'TypeError' } });
    expect(converted.issues).toEqual([expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('socket closed') })]);
  });
});
