import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const fixtures = join(import.meta.dirname, '..', 'runner', 'fixtures');
const marker = 'MARKER-7f3a9c-server-only';

type RunnerRecord = Record<string, unknown> & { metadata: Record<string, unknown>; llm_response: Record<string, unknown> | null };

/**
 * Runner streams with the marker in fields only Runner has: an event's `metadata`, the provider's
 * `llm_response.raw_message`, and the traceback an error event keeps in its metadata.
 */
function planted(): { name: string; records: RunnerRecord[] }[] {
  const tools = readJsonl(join(fixtures, 'constructed-4.2-llm-agent-tool-turn.jsonl')) as RunnerRecord[];
  for (const record of tools) {
    record.metadata = { ...record.metadata, deployment: marker };
    const raw = record.llm_response?.raw_message as Record<string, unknown> | undefined;
    if (raw !== undefined) raw.response_metadata = { ...(raw.response_metadata as object), system_fingerprint: marker };
  }
  const raises = readJsonl(join(fixtures, 'constructed-4.2-llm-raises.jsonl')) as RunnerRecord[];
  for (const record of raises) {
    if (record.metadata.error === true) record.metadata = { ...record.metadata, traceback: `Traceback (most recent call last):\n  File "/srv/${marker}/agent.py", line 12` };
  }
  expect(JSON.stringify(tools).split(marker).length - 1).toBeGreaterThanOrEqual(2);
  return [
    { name: 'tool turn', records: tools },
    { name: 'error', records: raises },
  ];
}

const targets = ['langchain', 'ai-sdk-ui', 'ai-sdk-stream', 'agno'] as const;

describe('Runner-only fields reach no other format without relay', () => {
  for (const { name, records } of planted()) {
    for (const to of targets) {
      it(`${name}: runner → ${to} holds no metadata, raw provider message or traceback of the Runner events`, () => {
        const { output } = convert(records, { from: 'runner', to });
        expect(output.length).toBeGreaterThan(0);
        expect(JSON.stringify(output)).not.toContain(marker);
      });
    }
  }

  it('runner → langchain writes no error text: the lineage says the run failed, nothing more', () => {
    const records = readJsonl(join(fixtures, 'constructed-4.2-llm-raises.jsonl'));
    expect(JSON.stringify(records)).toContain('rate limit exceeded');
    expect(JSON.stringify(convert(records, { from: 'runner', to: 'langchain' }).output)).not.toContain('rate limit exceeded');
  });

  it('with relay, langchain carries them: the marker is there, so the test can see it', () => {
    for (const { records } of planted()) {
      expect(JSON.stringify(convert(records, { from: 'runner', to: 'langchain', relay: true }).output)).toContain(marker);
    }
  });
});
