import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type UIMessageChunk, parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema } from 'ai';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { pipeUIMessageStreamToServerResponse, toUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';
import { readAll } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const team = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'));

/** The message useChat builds from a UI message stream body: the AI SDK's own parser and reducer. */
async function messageOf(body: ReadableStream<Uint8Array>): Promise<unknown> {
  const chunks = parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema }).pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw result.error;
        controller.enqueue(result.value as UIMessageChunk);
      },
    }),
  );
  let last: unknown;
  for await (const message of readUIMessageStream({ stream: chunks, terminateOnError: true })) last = message;
  return last;
}

describe('serving a UI message stream', () => {
  it('a Response carries the UI message stream headers, data frames and [DONE]', async () => {
    const response = toUIMessageStreamResponse(team, { from: agnoFormat });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const text = await response.clone().text();
    expect(text.startsWith('data: {"type":"start"')).toBe(true);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const last = await messageOf(response.body as ReadableStream<Uint8Array>);
    expect(last).toMatchObject({ role: 'assistant', parts: expect.arrayContaining([expect.objectContaining({ type: 'text', text: 'Team says Paris is lovely' })]) });
  });

  it('a source that fails mid-run ends the stream with an error chunk and [DONE], which useChat reads as an error', async () => {
    async function* failing() {
      yield* team.slice(0, 6);
      throw new Error('agno backend went away');
    }
    const issues: string[] = [];
    const text = await toUIMessageStreamResponse(failing(), { from: agnoFormat, onIssue: (issue) => issues.push(issue.message) }).text();
    const chunks = text
      .split('\n\n')
      .filter((frame) => frame.startsWith('data: {'))
      .map((frame) => JSON.parse(frame.slice(6)) as { type: string; errorText?: string });
    // The client reads the masked text (the default of onError); the server's onIssue gets the failure.
    expect(chunks.filter((chunk) => chunk.type === 'error').map((chunk) => chunk.errorText)).toEqual(['An error occurred.']);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(issues.some((message) => message.includes('agno backend went away'))).toBe(true);
    async function* failsAtOnce() {
      yield* [];
      throw new Error('no backend');
    }
    expect(await toUIMessageStreamResponse(failsAtOnce(), { from: agnoFormat }).text()).toBe('data: {"type":"error","errorText":"An error occurred."}\n\ndata: [DONE]\n\n');
    const shown = toUIMessageStreamResponse(failsAtOnce(), { from: agnoFormat, onError: (error) => (error as Error).message });
    expect(await shown.text()).toBe('data: {"type":"error","errorText":"no backend"}\n\ndata: [DONE]\n\n');
  });

  it('an async iterable of records streams as it arrives into a Node-like response, waiting for drain', async () => {
    async function* records() {
      yield* team;
    }
    const written: string[] = [];
    let head: [number, Record<string, string>] | undefined;
    let ended = false;
    let drains = 0;
    const response = {
      writeHead: (status: number, headers: Record<string, string>) => {
        head = [status, headers];
      },
      write: (chunk: string) => {
        written.push(chunk);
        return written.length % 3 !== 0;
      },
      // A socket that drains at once; the client never leaves ('close' is not emitted).
      once: (event: 'drain' | 'close', listener: () => void) => {
        if (event !== 'drain') return;
        drains += 1;
        listener();
      },
      end: () => {
        ended = true;
      },
    };
    await pipeUIMessageStreamToServerResponse(response, records(), { from: agnoFormat, headers: { 'x-run': 'team' } });
    expect(head?.[0]).toBe(200);
    expect(head?.[1]).toMatchObject({ 'x-vercel-ai-ui-message-stream': 'v1', 'x-run': 'team' });
    expect(written.at(-1)).toBe('data: [DONE]\n\n');
    expect(drains).toBe(Math.floor(written.length / 3));
    expect(ended).toBe(true);
  });

  it('the text of an upstream body, split anywhere, gives the same stream as its parsed records', async () => {
    const text = readFileSync(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'), 'utf8');
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // Cuts that fall inside records and inside multi-byte characters alike.
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
        controller.close();
      },
    });
    const fromText = await toUIMessageStreamResponse(body, { from: agnoFormat }).text();
    expect(fromText).toBe(await toUIMessageStreamResponse(team, { from: agnoFormat }).text());
  });

  it('a silent source gets heartbeat comments, which useChat and our SSE reader skip: the message is the same', async () => {
    async function* thinking() {
      yield* team.slice(0, 4);
      // The agent thinks for several heartbeat intervals.
      await new Promise((resolve) => setTimeout(resolve, 200));
      yield* team.slice(4);
    }
    const beating = await toUIMessageStreamResponse(thinking(), { from: agnoFormat, heartbeatMs: 40 }).text();
    const plain = await toUIMessageStreamResponse(team, { from: agnoFormat }).text();
    const frames = beating.split('\n\n');
    expect(frames.filter((frame) => frame === ': heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(frames.filter((frame) => frame !== ': heartbeat').join('\n\n')).toBe(plain);
    // What useChat builds from each body.
    const message = (text: string) => messageOf(new Response(text).body as ReadableStream<Uint8Array>);
    expect(await message(beating)).toEqual(await message(plain));
    const records = (text: string) => readAll(text, 'sse').map((item) => (item.kind === 'record' ? item.record : item));
    expect(records(beating)).toEqual(records(plain));
    // A source that never makes the client wait gets none.
    expect(await toUIMessageStreamResponse(team, { from: agnoFormat, heartbeatMs: 40 }).text()).toBe(plain);
  });
});
