import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, createConverter, type FormatName } from '../../src/index.js';
import { heapPerRun } from '../support/heap.js';

// The AI SDK encoders keep the tool calls of a paused run for its continuation (a tool result
// after the resume names the call), for the last 1 024 paused runs. When what a paused run waits
// for moved to the readers, the encoders' bound on paused runs went with it: every paused run's
// calls were kept for good, and agno → ai-sdk-ui on a 1 GB log peaked at 266 MiB instead of 129.

/** Run `index`: a step with a tool call that pauses for its confirmation, and is never continued. */
function pausedRun(index: number): CanonicalEvent[] {
  const envelope = { runId: `run-${index}`, sessionId: `session-${index}`, actor: { kind: 'agent' as const, name: 'A' }, time: 1_700_000_000_000 };
  const toolCallId = `call-${index}`;
  return [
    { type: 'run-start', ...envelope },
    { type: 'step-start', ...envelope },
    { type: 'tool-call', ...envelope, toolCallId, toolName: 'delete_file', input: { path: `/tmp/file-${index}` } },
    { type: 'step-end', ...envelope },
    { type: 'run-pause', ...envelope, requirements: [{ id: `confirm-${index}`, kind: 'confirmation', toolCallId, toolName: 'delete_file', input: { path: `/tmp/file-${index}` } }] },
  ];
}

describe('the AI SDK encoders let go of the tool calls of paused runs past their bound', () => {
  it.each<FormatName>(['ai-sdk-ui', 'ai-sdk-stream'])('canonical → %s holds the memory of the last paused runs, not of every one', (to) => {
    const converter = createConverter({ from: 'canonical', to, collectIssues: false });
    const perRun = heapPerRun((index) => {
      for (const event of pausedRun(index)) converter.push(event);
    }, 4_000, 10_000);
    expect(perRun).toBeLessThan(40);
  }, 60_000);
});
