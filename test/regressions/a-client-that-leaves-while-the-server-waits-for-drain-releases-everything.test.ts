import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { type CancelledRun, pipeUIMessageStreamToServerResponse } from '../../adapters/ai-sdk/index.js';

/** agno 3.x events of one run: its start, then as many 64 kB text deltas as the reader takes. */
function endlessRun(): { body: ReadableStream<unknown>; cancelled: () => boolean } {
  let cancelled = false;
  const base = { agent_id: 'writer', agent_name: 'Writer', run_id: 'run-long', session_id: 'session-1' };
  const delta = 'x'.repeat(64 * 1024);
  let started = false;
  const body = new ReadableStream<unknown>(
    {
      pull(controller) {
        controller.enqueue(started ? { ...base, event: 'RunContent', content: delta, content_type: 'str' } : { ...base, event: 'RunStarted', model: 'scripted' });
        started = true;
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, cancelled: () => cancelled };
}

/** agno 3.x events of one run that starts and then thinks for ever. */
function silentRun(): { body: ReadableStream<unknown>; cancelled: () => boolean } {
  let cancelled = false;
  const body = new ReadableStream<unknown>({
    start(controller) {
      controller.enqueue({ event: 'RunStarted', agent_id: 'writer', run_id: 'run-silent', session_id: 'session-1', model: 'scripted' });
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** Serves one route with `handler` on a loopback port. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Whether `promise` settles within `ms`: a hang is a failed expectation, not a test timeout. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = await Promise.race([promise.then(() => true), late]);
  clearTimeout(timer);
  return settled;
}

describe('a client that leaves while the server waits releases everything', () => {
  it('a client that stops reading and leaves while the helper waits for drain ends the pipe, cancels the source and calls onCancel', async () => {
    const run = endlessRun();
    const cancels: CancelledRun[] = [];
    let piped: Promise<void> | undefined;
    let full: () => void = () => {};
    const socketFull = new Promise<void>((resolve) => {
      full = resolve;
    });
    const port = await serve((_request, response) => {
      const write = response.write.bind(response) as (chunk: string) => boolean;
      // Told when the socket is full: from then on the helper waits for drain.
      response.write = ((chunk: string) => {
        const accepted = write(chunk);
        if (!accepted) full();
        return accepted;
      }) as typeof response.write;
      piped = pipeUIMessageStreamToServerResponse(response, run.body, { from: agnoFormat, onCancel: (cancelled) => void cancels.push(cancelled) });
    });
    const client = request({ host: '127.0.0.1', port, method: 'POST' });
    client.on('error', () => {});
    client.on('response', (response) => response.pause());
    client.end();
    await socketFull;
    client.destroy();
    expect(await settlesWithin(piped as Promise<void>, 2000)).toBe(true);
    expect(run.cancelled()).toBe(true);
    expect(cancels).toMatchObject([{ runId: 'run-long' }]);
  });

  it('a client that leaves while the source is silent ends the pipe and cancels the source', async () => {
    const run = silentRun();
    let piped: Promise<void> | undefined;
    const port = await serve((_request, response) => {
      piped = pipeUIMessageStreamToServerResponse(response, run.body, { from: agnoFormat });
    });
    const first = await new Promise<string>((resolve) => {
      const client = request({ host: '127.0.0.1', port, method: 'POST' });
      client.on('error', () => {});
      client.on('response', (response) => {
        response.once('data', (chunk: Buffer) => {
          resolve(chunk.toString());
          client.destroy();
        });
      });
      client.end();
    });
    expect(first).toBe('data: {"type":"start","messageId":"run-silent"}\n\n');
    expect(await settlesWithin(piped as Promise<void>, 2000)).toBe(true);
    expect(run.cancelled()).toBe(true);
  });
});
