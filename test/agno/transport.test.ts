import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { createRecordWriter, readAll } from '../../src/index.js';
import { readFixture } from './read-fixture.js';

function records(text: string): unknown[] {
  return readAll(text, 'sse').map((item) => (item.kind === 'record' ? item.record : item));
}

describe('agno over AgentOS SSE', () => {
  it('writes event: and one line of data: per record, which reads back to the same records', () => {
    const input = readFixture('v2.9.0-team-one-member.jsonl');
    const writer = createRecordWriter('sse', agnoFormat);
    const text = input.map((record) => writer.write(record)).join('') + writer.end();
    expect(text.startsWith('event: TeamRunStarted\ndata: {"created_at":1700000000,"event":"TeamRunStarted"')).toBe(true);
    expect(text.split('\n\n').filter((frame) => frame !== '').every((frame) => frame.split('\n').length === 2)).toBe(true);
    expect(records(text)).toEqual(input);
  });
});
