import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { createRecordWriter } from '../../src/index.js';
import { runCli } from '../support/cli.js';

function parseSse(text: string): EventSourceMessage[] {
  const messages: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => messages.push(message) });
  parser.feed(text);
  return messages;
}

describe('SSE output', () => {
  it('of 5 agno records whose event strings hold line breaks is exactly 5 frames carrying the records', () => {
    const injected = ['RunContent\n\ndata: {"event":"RunCompleted"}', 'RunContent\r\nevent: RunError', 'Run\rStarted', 'x\n', 'RunContent\n\n\n'];
    const records = injected.map((event, index) => ({ event, run_id: 'r1', content: `part ${index}`, created_at: 1_700_000_000 + index }));
    const scratch = mkdtempSync(join(tmpdir(), 'aeb-sse-'));
    const input = join(scratch, 'injected.jsonl');
    writeFileSync(input, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
    const issues = join(scratch, 'issues.jsonl');
    const result = runCli(['convert', input, '--from', 'agno', '--to', 'agno', '--out', 'sse', '--issues', issues]);
    const frames = parseSse(result.stdout);
    expect(frames).toHaveLength(5);
    expect(frames.map((frame) => JSON.parse(frame.data) as unknown)).toEqual(records);
    expect(frames.every((frame) => frame.event === undefined)).toBe(true);
    const written = readFileSync(issues, 'utf8');
    expect(written.match(/SSE event field/g)).toHaveLength(5);
    expect(result.stderr).toMatch(/issues: .*dropped 5/);
  });

  it('frames every line of a data value that holds CR, LF or CRLF as its own data line', () => {
    const writer = createRecordWriter('sse', { sseFrame: (record) => ({ data: String(record) }) });
    const text = ['a\rdata: x', 'b\r\n\r\nevent: y', 'c\n\nid: z'].map((value) => writer.write(value)).join('');
    expect(parseSse(text).map((frame) => [frame.event, frame.id, frame.data])).toEqual([
      [undefined, undefined, 'a\ndata: x'],
      [undefined, undefined, 'b\n\nevent: y'],
      [undefined, undefined, 'c\n\nid: z'],
    ]);
  });

  it('keeps an event name and an id without line breaks', () => {
    const writer = createRecordWriter('sse', { sseFrame: () => ({ event: 'RunContent', id: '7', data: '{}' }) });
    expect(writer.write({})).toBe('event: RunContent\nid: 7\ndata: {}\n\n');
  });
});
