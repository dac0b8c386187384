import { type UIMessage, type UIMessageChunk, isToolUIPart, readUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';

/** A `streamText` full stream (ai 7 TextStreamPart shapes) where a tool call needs approval and the user denies it. */
const toolCall = { type: 'tool-call', toolCallId: 'c4', toolName: 'deleteFile', input: { path: '/tmp/a' } };
const parts = [
  { type: 'start' },
  { type: 'start-step', request: {}, warnings: [] },
  toolCall,
  { type: 'tool-approval-request', approvalId: 'approval-1', toolCall },
  { type: 'tool-approval-response', approvalId: 'approval-1', toolCall, approved: false, reason: 'not that file' },
  { type: 'finish-step', response: { id: 'resp-1', timestamp: '1970-01-01T00:00:00.000Z', modelId: 'mock-model' }, usage: {}, finishReason: 'tool-calls', providerMetadata: undefined },
  { type: 'finish', finishReason: 'tool-calls', totalUsage: {} },
];

describe('a tool-approval-response of a streamText full stream', () => {
  it('is read as the run resolution, the verdict and its reason', () => {
    const { output } = convert(parts, { from: 'ai-sdk-stream', to: 'canonical', encode: { header: false } });
    const resumes = (output as { type: string; resolutions?: unknown }[]).filter((event) => event.type === 'run-resume');
    expect(resumes.map((event) => event.resolutions)).toEqual([[{ requirementId: 'approval-1', approved: false, reason: 'not that file' }]]);
  });

  it('reaches useChat as the answered approval', async () => {
    const { output } = convert(parts, { from: 'ai-sdk-stream', to: 'ai-sdk-ui' });
    const stream = new ReadableStream<UIMessageChunk>({
      start(controller) {
        for (const chunk of output as UIMessageChunk[]) controller.enqueue(chunk);
        controller.close();
      },
    });
    let message: UIMessage | undefined;
    for await (const snapshot of readUIMessageStream({ stream })) message = snapshot;
    const tool = message?.parts.find(isToolUIPart);
    expect(tool).toMatchObject({ toolCallId: 'c4', state: 'approval-responded', approval: { id: 'approval-1', approved: false, reason: 'not that file' } });
  });
});
