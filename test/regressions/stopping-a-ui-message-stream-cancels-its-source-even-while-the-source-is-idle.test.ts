import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { type CancelledRun, toUIMessageChunkStream, toUIMessageStreamResponse, uiMessageStreamText } from '../../adapters/ai-sdk/index.js';
import { readJsonl } from '../support/golden.js';

// A team run of agno 2.9 (run id run-1): its start reaches the client, then the agent thinks.
const team = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'));
const started = team.slice(0, 1);

/** An agno response body that sends the run's first records and then stays silent, as a thinking agent does. */
function idleBody(): { body: ReadableStream<unknown>; cancelled: () => unknown[] } {
  const reasons: unknown[] = [];
  const body = new ReadableStream<unknown>({
    start(controller) {
      for (const record of started) controller.enqueue(record);
    },
    cancel(reason) {
      reasons.push(reason);
    },
  });
  return { body, cancelled: () => reasons };
}

/** An async iterator over the same records that then never answers, recording its `return()` calls. */
function idleIterator(): { source: AsyncIterable<unknown>; returned: () => number } {
  let index = 0;
  let returns = 0;
  const iterator: AsyncIterator<unknown> = {
    next: () => (index < started.length ? Promise.resolve({ done: false, value: started[index++] }) : new Promise(() => {})),
    return: () => {
      returns += 1;
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return { source: { [Symbol.asyncIterator]: () => iterator }, returned: () => returns };
}

/** Lets pending reads and cancels run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('stopping a UI message stream cancels its source, even while the source is idle', () => {
  it('cancelling the Response body (Stop in useChat) cancels the upstream body at once, with the same reason', async () => {
    const { body, cancelled } = idleBody();
    const reader = (toUIMessageStreamResponse(body, { from: agnoFormat }).body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('data: {"type":"start","messageId":"run-1"}\n\n');
    await settle();
    void reader.cancel('stop pressed');
    await settle();
    expect(cancelled()).toEqual(['stop pressed']);
  });

  it("cancelling the chunk stream returns the source's async iterator", async () => {
    const { source, returned } = idleIterator();
    const reader = toUIMessageChunkStream(source, { from: agnoFormat }).getReader();
    expect((await reader.read()).value).toEqual({ type: 'start', messageId: 'run-1' });
    await settle();
    void reader.cancel();
    await settle();
    expect(returned()).toBe(1);
  });

  it('aborting the signal stops the SSE text of an idle source', async () => {
    const { body, cancelled } = idleBody();
    const controller = new AbortController();
    const frames: string[] = [];
    const reading = (async () => {
      for await (const frame of uiMessageStreamText(body, { from: agnoFormat, signal: controller.signal })) frames.push(frame);
    })();
    await settle();
    controller.abort('request aborted');
    await settle();
    expect(cancelled()).toEqual(['request aborted']);
    // The frames end, without [DONE]: the client is gone.
    await reading;
    expect(frames[0]).toBe('data: {"type":"start","messageId":"run-1"}\n\n');
    expect(frames).not.toContain('data: [DONE]\n\n');
  });

  it('onCancel learns the run the client was shown, once, and only for a stream stopped before its end', async () => {
    const calls: CancelledRun[] = [];
    const onCancel = (run: CancelledRun) => {
      calls.push(run);
    };
    const { body } = idleBody();
    const reader = (toUIMessageStreamResponse(body, { from: agnoFormat, onCancel }).body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await settle();
    await reader.cancel('stop pressed');
    await reader.cancel('pressed again');
    expect(calls).toEqual([{ runId: 'run-1', reason: 'stop pressed' }]);

    // A run read to its end is not cancelled, whatever the client does afterwards.
    const whole = toUIMessageStreamResponse(team, { from: agnoFormat, onCancel });
    expect((await whole.text()).endsWith('data: [DONE]\n\n')).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
