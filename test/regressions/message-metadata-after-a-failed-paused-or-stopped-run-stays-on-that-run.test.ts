import { type UIMessageChunk, readUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, type Run } from '../../src/index.js';
import { metadataAfterAbortChunks, metadataAfterErrorChunks, metadataAfterPauseChunks } from '../upstream/ai-sdk-ui-metadata-after-end.js';

// A `message-metadata` chunk after `error`, after the `finish` of a paused run or after `abort` was
// read as an event of a run that had already ended: the lifecycle check reported the run as never
// ended, LangChain wrote the metadata as a second AIMessage and Runner as a message after the
// error. ai's reader merges it into the message that ended, whatever ended it.

const cases = [
  { name: 'failed', chunks: metadataAfterErrorChunks, status: 'error', metadata: { failedAfterMs: 1200 } },
  { name: 'paused', chunks: metadataAfterPauseChunks, status: 'paused', metadata: { waitingFor: 'approval' } },
  { name: 'stopped', chunks: metadataAfterAbortChunks, status: 'cancelled', metadata: { stoppedAfterMs: 300 } },
] as const;

/** What `ai`'s reader builds, reading on after an error as useChat does. */
async function readWithAi(chunks: readonly unknown[]) {
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as UIMessageChunk);
      controller.close();
    },
  });
  const errors: string[] = [];
  const messages: { id: string; metadata: unknown }[] = [];
  for await (const message of readUIMessageStream({ stream, onError: (error) => errors.push(String(error)) })) {
    if (messages.at(-1)?.id !== message.id) messages.push({ id: message.id, metadata: message.metadata });
    else messages[messages.length - 1] = { id: message.id, metadata: message.metadata };
  }
  return { messages, errors };
}

function runsOf(records: readonly unknown[], from: 'agno' | 'runner' | 'langchain' | 'ai-sdk-ui'): Run[] {
  return accumulate(convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
}

function metadataOf(run: Run): unknown[] {
  return run.messages.flatMap((message) => message.parts.flatMap((part) => (part.type === 'data' ? [part.data] : [])));
}

describe.each(cases)('message metadata after a $name run', ({ chunks, status, metadata }) => {
  const messageId = (chunks[0] as { messageId: string }).messageId;

  it('is merged by ai into the one message that ended', async () => {
    expect((await readWithAi(chunks)).messages).toEqual([{ id: messageId, metadata }]);
  });

  it(`is read as one ${status} run holding it, with no sequence repair`, () => {
    const read = convert(chunks, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } });
    expect(read.issues.filter((issue) => issue.code === 'invalid-sequence')).toEqual([]);
    const runs = accumulate(read.output as CanonicalEvent[]);
    expect(runs.map((run) => [run.runId, run.status, metadataOf(run)])).toEqual([[messageId, status, [metadata]]]);
  });

  it('is written back as ai-sdk-ui verbatim', () => {
    expect(convert(chunks, { from: 'ai-sdk-ui', to: 'ai-sdk-ui' }).output).toEqual(chunks);
  });

  it('is written after the end again from canonical JSONL, and ai merges it into the same message', async () => {
    const canonical = JSON.parse(JSON.stringify(convert(chunks, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } }).output)) as CanonicalEvent[];
    const written = convert(canonical, { from: 'canonical', to: 'ai-sdk-ui' }).output as { type: string }[];
    expect(written.at(-1)?.type).toBe('message-metadata');
    expect(await readWithAi(written)).toEqual(await readWithAi(chunks));
  });

  for (const target of ['agno', 'langchain', 'runner'] as const) {
    it(`reaches ${target} inside the ${status} run, which reads back as one run with it`, () => {
      const written = convert(chunks, { from: 'ai-sdk-ui', to: target });
      expect(written.issues.filter((issue) => issue.code === 'invalid-sequence')).toEqual([]);
      const runs = runsOf(written.output, target);
      expect(runs.map((run) => [run.runId, run.status, metadataOf(run)])).toEqual([[messageId, status, [metadata]]]);
    });
  }

  it('reaches LangChain in the AIMessage of the run, not in a second one', () => {
    const written = convert(chunks, { from: 'ai-sdk-ui', to: 'langchain' }).output;
    expect(written).toHaveLength(1);
  });
});
