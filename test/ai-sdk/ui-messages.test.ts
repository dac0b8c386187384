import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeKey } from '../../adapters/ai-sdk/metadata.js';
import { fromUIMessages, toUIMessages } from '../../adapters/ai-sdk/ui-messages.js';
import { accumulate, convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';
import { readChunks } from './ui-reader.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const recordings = readdirSync(fixtures).filter((file) => file.endsWith('.ui.jsonl'));

describe('UIMessage[] and canonical runs', () => {
  for (const file of recordings) {
    it(`the UIMessage of ${file} comes back unchanged through a canonical run`, async () => {
      const { message } = await readChunks(readJsonl(join(fixtures, file)));
      expect(message).toBeDefined();
      if (message === undefined) return;
      const conversation = [{ id: 'user-1', role: 'user' as const, parts: [{ type: 'text' as const, text: 'Hi' }] }, message];
      const run = fromUIMessages(conversation);
      const back = toUIMessages([run]);
      // The assistant message gains one thing: its run's id and status (and pause) under our key.
      expect(back).toEqual([conversation[0], { ...message, metadata: { ...(message.metadata as object | undefined), [bridgeKey]: expect.objectContaining({ runId: run.runId, status: run.status }) } }]);
    });
  }

  it('a team run gives one assistant message holding what every member said and did, with the member run in provider metadata', () => {
    const records = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'));
    const events = convert(records, { from: 'agno', to: 'canonical', encode: { header: false } }).output;
    const [message, ...others] = toUIMessages(accumulate(events as never));
    expect(others).toEqual([]);
    const texts = message?.parts.filter((part) => part.type === 'text').map((part) => (part as { text: string }).text);
    expect(texts).toEqual(['Team says Paris is lovely', 'Paris is lovely']);
    const member = message?.parts.find((part) => part.type === 'text' && part.text === 'Paris is lovely');
    expect(member).toMatchObject({ providerMetadata: { 'agent-event-bridge': { parentRunId: 'run-1', actor: { kind: 'agent', name: 'Writer' } } } });
    expect(message?.metadata).toMatchObject({ 'agent-event-bridge': { runId: 'run-1', status: 'completed' } });
  });
});
