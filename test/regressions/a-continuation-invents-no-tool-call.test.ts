import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import { readAll } from '../../src/framing/index.js';
import '../../src/registry.js';
import { readChunks } from '../ai-sdk/ui-reader.js';

/** agno 3.1.10's AgentOS `/continue` body after an approval (recorded by test/interop/record). */
function continueBody(): Record<string, unknown>[] {
  const text = readFileSync(join(import.meta.dirname, '../agno/fixtures/recorded/3.1.10/agentos-confirmation-continue.sse'), 'utf8');
  return readAll(text, 'sse').flatMap((item) => (item.kind === 'record' ? [item.record as Record<string, unknown>] : []));
}

describe('a continuation stream', () => {
  it('reaches useChat as updates of the message it continues, with no tool call the input did not have', async () => {
    const records = continueBody();
    const inputCalls = new Set(records.flatMap((record) => (typeof (record.tool as { tool_call_id?: unknown })?.tool_call_id === 'string' ? [(record.tool as { tool_call_id: string }).tool_call_id] : [])));
    const chunks = convert(records, { from: 'agno', to: 'ai-sdk-ui' }).output as { type: string; toolCallId?: string; messageId?: string }[];
    const outputCalls = new Set(chunks.flatMap((chunk) => (chunk.toolCallId === undefined ? [] : [chunk.toolCallId])));
    expect([...outputCalls].every((id) => inputCalls.has(id))).toBe(true);

    // The same run id names the same message, so useChat updates the approved part it already shows.
    const runId = String(records.find((record) => typeof record.run_id === 'string')?.run_id);
    expect(chunks[0]).toMatchObject({ type: 'start', messageId: runId });
    const approved = {
      type: 'dynamic-tool' as const,
      toolName: 'delete_file',
      toolCallId: 'call_delete',
      state: 'approval-responded' as const,
      input: { path: '/tmp/report.txt' },
      approval: { id: 'approval', approved: true },
    };
    const { message, error } = await readChunks(chunks, { id: runId, role: 'assistant', parts: [approved] });
    expect(error).toBeUndefined();
    const parts = (message?.parts ?? []).filter((each) => 'toolCallId' in each && each.toolCallId === 'call_delete');
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ state: 'output-available', output: 'Deleted /tmp/report.txt' });
  });

  it('from ai 7 streamText after a denied approval reaches useChat with the denial and no made-up call', async () => {
    const { deniedApprovalStream } = await import('../upstream/ai-sdk-denied-approval.js');
    const chunks = convert(await deniedApprovalStream(), { from: 'ai-sdk-stream', to: 'ai-sdk-ui' }).output as { type: string; toolCallId?: string }[];
    expect(chunks.filter((chunk) => chunk.toolCallId === 'c4').map((chunk) => chunk.type)).toEqual(['tool-output-denied']);
    expect(chunks[0]).toEqual({ type: 'start' });
  });
});
