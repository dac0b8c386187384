import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, createConvertStream } from '../../src/index.js';

/** A source that gives `records` and then fails with `error`. */
function failingSource(records: unknown[], error: Error): ReadableStream<unknown> {
  const left = [...records];
  return new ReadableStream<unknown>({
    pull(controller) {
      const next = left.shift();
      if (next === undefined) controller.error(error);
      else controller.enqueue(next);
    },
  });
}

/** Reads `stream` to its end or failure: what it gave, and how it ended. */
async function drain(stream: ReadableStream<unknown>): Promise<{ seen: unknown[]; failure: unknown }> {
  const reader = stream.getReader();
  const seen: unknown[] = [];
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return { seen, failure: undefined };
      seen.push(next.value);
    }
  } catch (failure) {
    return { seen, failure };
  }
}

const lead: CanonicalEvent = { type: 'run-start', runId: 'lead', actor: { kind: 'team', name: 'T' } };
const member: CanonicalEvent = { type: 'run-start', runId: 'member', parentRunId: 'lead', actor: { kind: 'agent', name: 'A' } };

describe('createConvertStream whose source fails', () => {
  it('ends every open run with run-error, members first, and then fails the output with the source error', async () => {
    const stream = createConvertStream({ from: 'canonical', to: 'canonical' });
    const { seen, failure } = await drain(failingSource([lead, member], new Error('connection reset')).pipeThrough(stream));
    expect(seen).toEqual([
      { canonicalVersion: 1 },
      lead,
      member,
      { type: 'run-error', runId: 'member', parentRunId: 'lead', actor: { kind: 'agent', name: 'A' }, error: { message: 'connection reset', type: 'Error' } },
      { type: 'run-error', runId: 'lead', actor: { kind: 'team', name: 'T' }, error: { message: 'connection reset', type: 'Error' } },
    ]);
    expect(failure).toEqual(new Error('connection reset'));
    expect(stream.issues).toEqual([expect.objectContaining({ code: 'invalid-input', level: 'warning', message: expect.stringContaining('connection reset') })]);
  });

  it('writes the failure in the target format: an agno run cut by its source ends with RunError', async () => {
    const started = { event: 'RunStarted', run_id: 'r1', agent_id: 'a', agent_name: 'A', session_id: 's', created_at: 1 };
    const { seen, failure } = await drain(failingSource([started], new TypeError('socket closed')).pipeThrough(createConvertStream({ from: 'agno', to: 'agno' })));
    expect(failure).toBeInstanceOf(TypeError);
    expect(seen.at(-1)).toMatchObject({ event: 'RunError', run_id: 'r1', content: 'socket closed' });
  });

  it('ends the open runs when the writer aborts, with no pipe in between', async () => {
    const stream = createConvertStream({ from: 'canonical', to: 'canonical' });
    const writer = stream.writable.getWriter();
    const read = drain(stream.readable);
    await writer.write(lead);
    await writer.abort(new Error('upstream gone'));
    const { seen, failure } = await read;
    expect(seen.at(-1)).toEqual({ type: 'run-error', runId: 'lead', actor: { kind: 'team', name: 'T' }, error: { message: 'upstream gone', type: 'Error' } });
    expect(failure).toEqual(new Error('upstream gone'));
  });

  it('with no run open, fails the output at once with the source error', async () => {
    const { seen, failure } = await drain(failingSource([], new Error('nothing came')).pipeThrough(createConvertStream({ from: 'canonical', to: 'canonical' })));
    expect(seen).toEqual([]);
    expect(failure).toEqual(new Error('nothing came'));
  });
});

describe('createConvertStream as a stream', () => {
  it('holds a fast source back while its consumer is slow', async () => {
    let pulled = 0;
    const source = new ReadableStream<unknown>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(pulled === 1 ? lead : { type: 'data', runId: 'lead', name: 'n', data: pulled });
        },
      },
      { highWaterMark: 1 },
    );
    const reader = source.pipeThrough(createConvertStream({ from: 'canonical', to: 'canonical' })).getReader();
    for (let read = 0; read < 10; read += 1) {
      await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(pulled).toBeLessThan(20);
    await reader.cancel('enough');
  });

  it('cancels its source when the consumer cancels', async () => {
    let cancelled: unknown;
    const source = new ReadableStream<unknown>({
      pull(controller) {
        controller.enqueue(lead);
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const reader = source.pipeThrough(createConvertStream({ from: 'canonical', to: 'canonical' })).getReader();
    await reader.read();
    await reader.cancel('enough');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled).toBe('enough');
  });

  it('in strict mode fails both sides on a bad record and cancels the source', async () => {
    let cancelled: unknown;
    let pulled = 0;
    const source = new ReadableStream<unknown>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(pulled === 1 ? 42 : lead);
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const { failure } = await drain(source.pipeThrough(createConvertStream({ from: 'canonical', to: 'canonical', strict: true })));
    expect(failure).toMatchObject({ name: 'ConversionError' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled).toBe(failure);
  });
});
