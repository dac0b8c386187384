import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert, createDecoder, readAll } from '../../src/index.js';
import { deniedApprovalStream } from '../upstream/ai-sdk-denied-approval.js';

// The tool-output-denied part of a real ai 7 fullStream was claimed by ai-sdk-ui, splitting one
// stream into two formats and two runs; streams of lifecycle parts only had no version; orxhestra
// records were named "0.3.3+".

const runnerFixtures = join(import.meta.dirname, '..', 'runner', 'fixtures');

/** Format → versions that `detect` names for the records of a log. */
function detectedVersions(records: readonly unknown[]): Record<string, string[]> {
  const decoder = createDecoder({ from: 'auto', collectIssues: false, onReject: () => {} });
  for (const record of records) decoder.push(record);
  decoder.flush();
  return decoder.stats.versions;
}

describe('one real stream is detected as one format with its version', () => {
  it('a streamText run resumed after a denied approval is one ai-sdk-stream run of ai 5-7', async () => {
    const parts = await deniedApprovalStream();
    expect(parts.map((part) => (part as { type: string }).type)).toContain('tool-output-denied');
    const { output } = convert(parts, { from: 'auto', to: 'canonical', encode: { header: false } });
    const events = output as CanonicalEvent[];
    expect(events.filter((event) => event.type === 'run-start')).toHaveLength(1);
    expect(detectedVersions(parts)).toEqual({ 'ai-sdk-stream': ['5-7'] });
  });

  it('an ai 7 fullStream of lifecycle parts only is named ai-sdk-stream 5-7', () => {
    const parts = [
      { type: 'start' },
      { type: 'start-step', request: {}, warnings: [] },
      { type: 'finish-step', finishReason: 'stop', rawFinishReason: 'stop', usage: { inputTokens: 1, outputTokens: 0, totalTokens: 1 }, response: { id: 'resp-1', timestamp: '1970-01-01T00:00:00.000Z', modelId: 'mock-model' } },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'stop', totalUsage: { inputTokens: 1, outputTokens: 0, totalTokens: 1 } },
    ];
    expect(detectedVersions(parts)).toEqual({ 'ai-sdk-stream': ['5-7'] });
  });

  it('orxhestra events with signature fields are named orxhestra with the version that added them', () => {
    const records = readAll(readFileSync(join(runnerFixtures, 'constructed-6.5-orxhestra-thinking.jsonl'), 'utf8')).flatMap((item) => (item.kind === 'record' ? [item.record] : []));
    expect(detectedVersions(records)).toEqual({ runner: ['orxhestra 0.1.4+'] });
  });
});
