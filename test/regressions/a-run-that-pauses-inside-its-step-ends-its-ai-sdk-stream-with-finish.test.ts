import type { UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';

/** A canonical run that asks to approve a call inside the step that made it, and stops there (no step end). */
const pausedInsideStep = [
  { type: 'run-start', runId: 'run-1' },
  { type: 'step-start', runId: 'run-1' },
  { type: 'tool-call', runId: 'run-1', toolCallId: 'call-1', toolName: 'deleteFile', input: { path: '/tmp/a' } },
  { type: 'run-pause', runId: 'run-1', requirements: [{ id: 'approval-1', kind: 'confirmation', toolCallId: 'call-1', toolName: 'deleteFile', input: { path: '/tmp/a' } }] },
];

/** The same run continued in the same log, inside the same step: the answer, the call's output and a text, then the step's and the run's end. */
const continuedInsideStep = [
  ...pausedInsideStep,
  { type: 'run-resume', runId: 'run-1', resolutions: [{ requirementId: 'approval-1', approved: true }] },
  { type: 'tool-result', runId: 'run-1', toolCallId: 'call-1', toolName: 'deleteFile', output: 'deleted' },
  { type: 'text-start', runId: 'run-1', id: 't1' },
  { type: 'text-delta', runId: 'run-1', id: 't1', delta: 'Deleted.' },
  { type: 'text-end', runId: 'run-1', id: 't1' },
  { type: 'step-end', runId: 'run-1' },
  { type: 'run-end', runId: 'run-1' },
];

const types = (records: unknown[]) => (records as { type: string }[]).map((record) => record.type);

// The stream of such a run ended with the approval request: no finish-step, no finish, so useChat
// never learned that the turn ended (onFinish, sendAutomaticallyWhen never ran).
describe('a run that pauses inside its step', () => {
  it('ends its ai-sdk-ui stream with finish-step and finish (tool-calls), the call waiting for approval in useChat', async () => {
    const { output } = convert(pausedInsideStep, { from: 'canonical', to: 'ai-sdk-ui' });
    expect(output.at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    expect(types(output).filter((type) => type === 'finish-step')).toHaveLength(1);
    const { message, error } = await readChunks(output);
    expect(error).toBeUndefined();
    expect(message?.parts.find((part) => 'toolCallId' in part)).toMatchObject({ toolCallId: 'call-1', state: 'approval-requested', approval: { id: 'approval-1' } });
  });

  it('ends its ai-sdk-stream stream with finish-step and finish (tool-calls)', () => {
    const { output } = convert(pausedInsideStep, { from: 'canonical', to: 'ai-sdk-stream' });
    expect(types(output).filter((type) => type === 'finish-step')).toHaveLength(1);
    expect(output.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('goes on, when continued, in a new response that opens a new step and ends it once', async () => {
    const { output } = convert(continuedInsideStep, { from: 'canonical', to: 'ai-sdk-ui' });
    const chunks = output as UIMessageChunk[];
    const second = chunks.findIndex((chunk, index) => index > 0 && chunk.type === 'start');
    expect(second).toBeGreaterThan(0);
    const first = chunks.slice(0, second);
    expect(first.at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    const continuation = chunks.slice(second);
    expect(types(continuation).filter((type) => type === 'start-step')).toHaveLength(1);
    expect(types(continuation).filter((type) => type === 'finish-step')).toHaveLength(1);
    expect(types(continuation).indexOf('start-step')).toBeLessThan(types(continuation).indexOf('text-start'));
    expect(continuation.at(-1)).toMatchObject({ type: 'finish' });
    const paused = await readChunks(first);
    const { message, error } = await readChunks(continuation, paused.message);
    expect(error).toBeUndefined();
    expect(message?.parts.filter((part) => part.type === 'step-start')).toHaveLength(2);
    expect(message?.parts.find((part) => part.type === 'text')).toMatchObject({ text: 'Deleted.', state: 'done' });
  });
});
