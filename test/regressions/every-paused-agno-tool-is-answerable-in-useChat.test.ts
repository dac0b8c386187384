import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import '../../src/registry.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { readJsonl } from '../support/golden.js';

/** The HITL recordings of the real agno libraries (test/interop/record), each cut where the run paused. */
const recordings = [
  { format: 'agno' as const, folder: join(import.meta.dirname, '../agno/fixtures/recorded/2.9.0') },
  { format: 'agno' as const, folder: join(import.meta.dirname, '../agno/fixtures/recorded/3.1.10') },
  { format: 'agno-legacy' as const, folder: join(import.meta.dirname, '../agno-legacy/fixtures/recorded/1.8.4') },
].flatMap(({ format, folder }) =>
  readdirSync(folder)
    .filter((name) => name.startsWith('hitl-') && name.endsWith('.jsonl'))
    .map((name) => ({ format, name: `${folder.split('/').at(-1)}/${name}`, records: readJsonl(join(folder, name)) as Record<string, unknown>[] })),
);

describe('every paused agno tool reaches useChat as something to answer', () => {
  it('covers agno 1.8.4, 2.9.0 and 3.1.10 recordings', () => {
    expect(new Set(recordings.map((recording) => recording.name.split('/')[0]))).toEqual(new Set(['2.9.0', '3.1.10', '1.8.4']));
  });

  it.each(recordings)('$name: each paused tool is a tool part, an approval request or a call waiting for its output', async ({ format, records }) => {
    const paused = records.findIndex((record) => record.event === 'RunPaused' || record.event === 'TeamRunPaused');
    expect(paused).toBeGreaterThanOrEqual(0);
    const tools = (records[paused] as { tools: Record<string, unknown>[] }).tools;
    const { output } = convert(records.slice(0, paused + 1), { from: format, to: 'ai-sdk-ui' });
    const { message, error } = await readChunks(output);
    expect(error).toBeUndefined();
    for (const tool of tools) {
      const part = message?.parts.find((each) => 'toolCallId' in each && each.toolCallId === tool.tool_call_id) as Record<string, unknown> | undefined;
      expect(part, `a tool part for ${String(tool.tool_name)}`).toBeDefined();
      if (tool.requires_confirmation === true) {
        expect(part?.state).toBe('approval-requested');
        continue;
      }
      expect(part?.state).toBe('input-available');
      const kind = tool.external_execution_required === true ? 'external-execution' : Array.isArray(tool.user_feedback_schema) ? 'user-feedback' : 'user-input';
      expect(part?.callProviderMetadata).toMatchObject({ 'agent-event-bridge': { requirement: { kind } } });
    }
  });
});
