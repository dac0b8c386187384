import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { agnoFormat } from '../../adapters/agno/index.js';
import { resolutionsFromUIMessages, toUIMessageChunkStream } from '../../adapters/ai-sdk/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';

/**
 * agno 3.1.10's stream of a confirmation the user rejected (recorded by test/interop/record): the
 * records from `RunContinued` on are what the continue request streams. agno says nothing there
 * about the tool it did not run: no ToolCallCompleted, and RunContinued carries no tools.
 */
function continuedRecords(): Record<string, unknown>[] {
  const text = readFileSync(join(import.meta.dirname, '../agno/fixtures/recorded/3.1.10/hitl-confirmation-rejected.jsonl'), 'utf8');
  const records = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return records.slice(records.findIndex((record) => record.event === 'RunContinued'));
}

/** The assistant message useChat posts after the user denied the call (`addToolApprovalResponse`). */
function answeredMessage(runId: string): UIMessage {
  return {
    id: runId,
    role: 'assistant',
    parts: [
      { type: 'text', text: 'I need your say first.', state: 'done' },
      {
        type: 'dynamic-tool',
        toolName: 'delete_file',
        toolCallId: 'call_delete',
        state: 'approval-responded',
        input: { path: '/tmp/report.txt' },
        approval: { id: 'call_delete', approved: false, reason: 'not that file' },
      },
    ],
  };
}

async function chunksOf(stream: ReadableStream<unknown>): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('a tool the user denied, in the continued agno run', () => {
  it('reaches useChat as output-denied when the helper is given the answers', async () => {
    const records = continuedRecords();
    const runId = String(records[0]?.run_id);
    const message = answeredMessage(runId);
    const answers = resolutionsFromUIMessages([message], { pending: ['call_delete'] });
    const chunks = await chunksOf(toUIMessageChunkStream(records, { from: agnoFormat, answers }));
    expect(chunks.slice(0, 2)).toEqual([{ type: 'start', messageId: runId }, { type: 'tool-output-denied', toolCallId: 'call_delete' }]);
    const { message: shown, error } = await readChunks(chunks, message);
    expect(error).toBeUndefined();
    const tool = shown?.parts.find((part) => 'toolCallId' in part && part.toolCallId === 'call_delete');
    expect(tool).toMatchObject({ state: 'output-denied', approval: { approved: false, reason: 'not that file' } });
    expect(shown?.parts.at(-1)).toMatchObject({ type: 'text', text: 'Done as you said.' });
  });

  it('writes no denial for an approved call, nor for a v5 client, whose protocol has no approvals', async () => {
    const records = continuedRecords();
    const approved = await chunksOf(toUIMessageChunkStream(records, { from: agnoFormat, answers: [{ toolCallId: 'call_delete', approved: true }] }));
    expect(approved.some((chunk) => (chunk as { type: string }).type === 'tool-output-denied')).toBe(false);
    const v5 = await chunksOf(toUIMessageChunkStream(records, { from: agnoFormat, target: 'v5', answers: [{ toolCallId: 'call_delete', approved: false }] }));
    expect(v5.some((chunk) => (chunk as { type: string }).type === 'tool-output-denied')).toBe(false);
  });
});
