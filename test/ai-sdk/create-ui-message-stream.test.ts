import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUIMessageStream, readUIMessageStream, type UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { toUIMessageChunkStream } from '../../adapters/ai-sdk/index.js';

const agnoTeam = readFileSync(join(import.meta.dirname, '../agno/fixtures/constructed-v2.9.0-team-two-members.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as unknown);

describe("the AI SDK's own composition: createUIMessageStream + writer.merge + onFinish", () => {
  it('merges a converted agno stream beside the app’s own parts, and onFinish gets the finished assistant message', async () => {
    let finished: UIMessage[] | undefined;
    const stream = createUIMessageStream({
      execute({ writer }) {
        writer.write({ type: 'data-status', data: { stage: 'agno' }, transient: true });
        writer.merge(toUIMessageChunkStream(agnoTeam, { from: agnoFormat }));
      },
      onFinish({ messages }) {
        finished = messages;
      },
    });
    const seen: UIMessage[] = [];
    for await (const message of readUIMessageStream({ stream })) seen.push(message);
    const last = seen.at(-1) as UIMessage;
    expect(last.role).toBe('assistant');
    const texts = last.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []));
    expect(texts.join(' ')).toContain('Paris is big.');
    expect(last.parts.filter((part) => part.type === 'tool-delegate_task_to_member' || part.type === 'dynamic-tool').length).toBeGreaterThan(0);
    expect(finished?.at(-1)?.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []))).toEqual(texts);
  });
});
