import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, type Run } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { metadataAfterFinishChunks } from '../upstream/ai-sdk-ui-metadata-after-finish.js';

// A `message-metadata` chunk after `finish` was read as an event of a run that had already ended:
// every target then wrote a second run (a second `start`, a second LangChain message still
// "running", a Runner data message after agent_end), where useChat merges it into the message
// that finished.

const metadata = { totalTokens: 42, title: 'Capital of France' };

function runsOf(records: readonly unknown[], from: 'agno' | 'agno-legacy' | 'runner' | 'langchain' | 'ai-sdk-stream' | 'ai-sdk-ui'): Run[] {
  return accumulate(convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
}

/** The data parts of a run's messages: what a target kept of the metadata. */
function dataOf(run: Run): unknown[] {
  return run.messages.flatMap((message) => message.parts.filter((part) => part.type === 'data').map((part) => [part.name, part.data]));
}

describe('message metadata written after finish stays on the message that finished', () => {
  it('useChat itself merges it into the one assistant message', async () => {
    const read = await readChunks(metadataAfterFinishChunks);
    expect(read.message?.id).toBe('msg-1');
    expect(read.message?.metadata).toEqual(metadata);
  });

  it('is read as one completed run holding the metadata, with no sequence repair', () => {
    const read = convert(metadataAfterFinishChunks, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } });
    expect(read.issues).toEqual([]);
    const runs = accumulate(read.output as CanonicalEvent[]);
    expect(runs.map((run) => [run.runId, run.status])).toEqual([['msg-1', 'completed']]);
    expect(runs.map(dataOf)).toEqual([[['message-metadata', metadata]]]);
  });

  it('is written back as ai-sdk-ui after finish, and useChat shows the same message', async () => {
    const written = convert(metadataAfterFinishChunks, { from: 'ai-sdk-ui', to: 'ai-sdk-ui' });
    expect(written.issues).toEqual([]);
    expect(written.output).toEqual(metadataAfterFinishChunks);
    const read = await readChunks(written.output);
    expect(read.message?.metadata).toEqual(metadata);
  });

  for (const target of ['agno', 'langchain'] as const) {
    it(`reaches ${target} in the run that finished, which reads back as one completed run with it`, () => {
      const written = convert(metadataAfterFinishChunks, { from: 'ai-sdk-ui', to: target });
      expect(written.issues.filter((issue) => issue.level !== 'info')).toEqual([]);
      const runs = runsOf(written.output, target);
      expect(runs.map((run) => [run.runId, run.status])).toEqual([['msg-1', 'completed']]);
      expect(runs.map(dataOf)).toEqual([[['message-metadata', metadata]]]);
    });
  }

  it('reaches Runner as a data part of the run that finished, the name Runner has no field for reported', () => {
    const written = convert(metadataAfterFinishChunks, { from: 'ai-sdk-ui', to: 'runner' });
    expect(written.issues.map((issue) => `${issue.code} ${issue.eventType}`)).toEqual(['approximated run-start', 'dropped data']);
    const runs = runsOf(written.output, 'runner');
    expect(runs.map((run) => [run.runId, run.status])).toEqual([['msg-1', 'completed']]);
    expect(runs.map((run) => dataOf(run).map((entry) => (entry as unknown[])[1]))).toEqual([[metadata]]);
  });

  for (const target of ['agno-legacy', 'ai-sdk-stream'] as const) {
    it(`is reported as dropped by ${target}, which has no place for it, and no second run appears`, () => {
      const written = convert(metadataAfterFinishChunks, { from: 'ai-sdk-ui', to: target });
      expect(written.issues.map((issue) => `${issue.code} ${issue.eventType}`)).toContain('dropped data');
      expect(written.issues.filter((issue) => issue.code === 'invalid-sequence')).toEqual([]);
      expect(runsOf(written.output, target).map((run) => [run.runId, run.status])).toEqual([['msg-1', 'completed']]);
    });
  }
});
