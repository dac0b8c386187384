import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type UIMessage, type UIMessageChunk, readUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { pipeUIMessageStreamToServerResponse, toUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';
import type { Issue } from '../../src/index.js';

// An unreadable line of an upstream body was left out with nothing said to the client: useChat
// showed a message with a hole in it, and onReject was never called.
const lines = readFileSync(join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl'), 'utf8').split('\n');
const broken = '{"created_at":1700000000,"event":"RunContent","content":" sunn';
const body = [...lines.slice(0, 8), broken, ...lines.slice(9)].join('\n');

function chunksOf(sse: string): UIMessageChunk[] {
  return sse
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: {'))
    .map((frame) => JSON.parse(frame.slice(6)) as UIMessageChunk);
}

/** What useChat shows: the message it built and the errors it raised (it stops at the first). */
async function asUseChat(chunks: UIMessageChunk[]): Promise<{ message: UIMessage | undefined; errors: string[] }> {
  const errors: string[] = [];
  let message: UIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  for await (const snapshot of readUIMessageStream({ stream, onError: (error) => errors.push(String(error)) })) message = snapshot;
  return { message, errors };
}

describe('the server helpers, given a text source with an unreadable line', () => {
  it('send the client an error chunk naming the line, after every part that could be read', async () => {
    const rejects: [unknown, Issue, { line?: number }][] = [];
    const sse = await toUIMessageStreamResponse([body], { from: agnoFormat, onReject: (text, issue, position) => rejects.push([text, issue, position]) }).text();
    const chunks = chunksOf(sse);
    const errors = chunks.filter((chunk) => chunk.type === 'error');
    expect(errors).toEqual([{ type: 'error', errorText: 'the input had 1 unreadable line, left out of this message (line 9)' }]);
    // The error comes last, so useChat (which stops at an error) still shows what was read.
    expect(chunks.at(-1)).toEqual(errors[0]);
    expect(sse.endsWith('data: [DONE]\n\n')).toBe(true);
    const { message, errors: shown } = await asUseChat(chunks);
    expect(shown).toEqual(['Error: the input had 1 unreadable line, left out of this message (line 9)']);
    expect(message?.parts.find((part) => part.type === 'text')).toMatchObject({ text: 'It is in Paris' });
    expect(rejects).toHaveLength(1);
    expect(rejects[0]?.[0]).toBe(broken);
    expect(rejects[0]?.[1]).toMatchObject({ code: 'invalid-input', level: 'error', line: 9 });
    expect(rejects[0]?.[2]).toEqual({ line: 9 });
  });

  it('write the same error chunk to a Node response', async () => {
    const written: string[] = [];
    const rejected: unknown[] = [];
    const response = { writeHead: () => undefined, write: (chunk: string) => written.push(chunk) > 0, end: () => undefined };
    await pipeUIMessageStreamToServerResponse(response, [body], { from: agnoFormat, onReject: (text) => rejected.push(text) });
    expect(chunksOf(written.join('')).filter((chunk) => chunk.type === 'error')).toHaveLength(1);
    expect(rejected).toEqual([broken]);
  });

  it('report the line through onIssue when no onReject is given', async () => {
    const issues: Issue[] = [];
    const sse = await toUIMessageStreamResponse([body], { from: agnoFormat, onIssue: (issue) => issues.push(issue) }).text();
    expect(chunksOf(sse).filter((chunk) => chunk.type === 'error')).toHaveLength(1);
    expect(issues.filter((issue) => issue.code === 'invalid-input')).toMatchObject([{ level: 'error', line: 9 }]);
  });

  it('in strict mode end the stream at the unreadable line with an error', async () => {
    const chunks = chunksOf(await toUIMessageStreamResponse([body], { from: agnoFormat, strict: true }).text());
    expect(chunks.filter((chunk) => chunk.type === 'text-delta')).toHaveLength(2);
    expect(chunks.filter((chunk) => chunk.type === 'error').map((chunk) => (chunk as { errorText: string }).errorText).join('')).toContain('line 9');
  });
});
