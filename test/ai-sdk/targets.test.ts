import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { invalidChunks, readChunks } from './ui-reader.js';

const hitl = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-hitl-confirmation.jsonl'));
const run = { runId: 'run-1' };

describe('ai-sdk-ui targets', () => {
  it('an agno approval written for v5 is reported, travels as a data part, and reads back as the same pause', async () => {
    const { output, issues } = convert(hitl, { from: 'agno', to: 'ai-sdk-ui', encode: { target: 'v5' } });
    expect(output.some((chunk) => (chunk as { type: string }).type === 'tool-approval-request')).toBe(false);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'approximated', level: 'warning', format: 'ai-sdk-ui', eventType: 'run-pause' }));
    expect(await invalidChunks(output)).toEqual([]);
    const pause = (await readChunks(output)).message?.parts.find((part) => part.type === 'data-agent-event-bridge');
    expect(pause).toMatchObject({ data: { event: { type: 'run-pause', requirements: [{ kind: 'confirmation', toolName: 'delete_file' }] } } });
    // The stream ends as streamText's: a finish (v5 has no finish reason), read back as the same pause again.
    expect(output.at(-1)).toEqual({ type: 'finish' });
    const back = convert(output, { from: 'ai-sdk-ui', to: 'canonical' }).output as CanonicalEvent[];
    const pauses = back.filter((event) => event.type === 'run-pause');
    expect(pauses.length).toBeGreaterThan(0);
    expect(new Set(pauses.map((event) => JSON.stringify(event.requirements))).size).toBe(1);
    expect(back.at(-1)?.type).toBe('run-pause');
  });

  it('the same approval written for v6 and v7 is a tool-approval-request without an issue', () => {
    for (const target of ['v6', 'v7'] as const) {
      const { output, issues } = convert(hitl, { from: 'agno', to: 'ai-sdk-ui', encode: { target } });
      expect(output).toContainEqual(expect.objectContaining({ type: 'tool-approval-request', toolCallId: 'call_1' }));
      expect(issues.filter((issue) => issue.level !== 'info')).toEqual([]);
    }
  });

  it('a v5 finish keeps its finish reason in our metadata instead of the field v5.0.0 rejects', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...run },
      { type: 'run-end', ...run, finishReason: 'stop' },
    ];
    const v5 = convert(events, { from: 'canonical', to: 'ai-sdk-ui', encode: { target: 'v5' } }).output;
    expect(v5.at(-1)).toEqual({ type: 'finish', messageMetadata: { 'agent-event-bridge': { finishReason: 'stop' } } });
    expect(convert(v5, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } }).output).toEqual(events);
    const v7 = convert(events, { from: 'canonical', to: 'ai-sdk-ui' }).output;
    expect(v7.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('a cancel is an abort and an error an error chunk, never a finish', () => {
    for (const [last, type] of [
      [{ type: 'run-cancel', ...run, reason: 'user' }, 'abort'],
      [{ type: 'run-error', ...run, error: { message: 'boom' } }, 'error'],
    ] as const) {
      const { output } = convert([{ type: 'run-start', ...run }, last], { from: 'canonical', to: 'ai-sdk-ui' });
      const types = output.map((chunk) => (chunk as { type: string }).type);
      expect(types).toContain(type);
      expect(types).not.toContain('finish');
    }
  });

  it('text still open at a step end is closed first and goes on in a new block, and reads back as the two blocks the client saw', async () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', ...run },
      { type: 'step-start', ...run },
      { type: 'text-start', ...run, id: 't' },
      { type: 'text-delta', ...run, id: 't', delta: 'Hel' },
      { type: 'step-end', ...run },
      { type: 'text-delta', ...run, id: 't', delta: 'lo' },
      { type: 'text-end', ...run, id: 't' },
      { type: 'run-end', ...run },
    ];
    const { output, issues } = convert(events, { from: 'canonical', to: 'ai-sdk-ui' });
    const types = output.map((chunk) => (chunk as { type: string }).type);
    expect(types.indexOf('text-end')).toBeLessThan(types.indexOf('finish-step'));
    expect(issues.filter((issue) => issue.code === 'invalid-sequence')).toHaveLength(2);
    expect((await readChunks(output)).error).toBeUndefined();
    const seen = [...events.slice(0, 4), { type: 'text-end', ...run, id: 't' }, events[4], { type: 'text-start', ...run, id: 't' }, ...events.slice(5)];
    expect(convert(output, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } }).output).toEqual(seen);
  });
});
