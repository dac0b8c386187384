import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import { detectRecord } from '../../src/registered.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import '../../src/registry.js';
import { fixtures, readFixture } from './read-fixture.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tool-calling recording as AgentOS 3.x streams it: `event_index` on every event, before `tool` and `metrics`. */
function indexed(recording = 'v2.9.0-agent-tools.jsonl'): Record<string, unknown>[] {
  return (readFixture(recording) as Record<string, unknown>[]).map((record, index) => {
    const { tool, metrics, ...rest } = record;
    return { ...rest, event_index: index, ...(tool === undefined ? {} : { tool }), ...(metrics === undefined ? {} : { metrics }) };
  });
}

function canonical(records: unknown[], decode: Record<string, unknown> = {}): CanonicalEvent[] {
  return convert(records, { from: 'agno', to: 'canonical', encode: { header: false }, decode }).output as CanonicalEvent[];
}

/** The JSON records of a recorded AgentOS SSE body (agno 3.1.10). */
function sseRecords(name: string): Record<string, unknown>[] {
  const text = readFileSync(join(fixtures, 'recorded/3.1.10', name), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
}

const json = (events: readonly unknown[]): string => JSON.stringify(events);

describe('AgentOS transport', () => {
  it('an error frame mid-stream ends the run with run-error, and useChat receives an error chunk, no finish', () => {
    const records = [...indexed().slice(0, 6), { event: 'error', error: 'Run run-1 failed in the worker' }];
    const events = canonical(records);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'run-error', runId: 'run-1', error: { message: 'Run run-1 failed in the worker', type: 'AgentOSError' } });
    expect(last?.sessionId).toBe('sess-1');
    const chunks = convert(records, { from: 'agno', to: 'ai-sdk-ui' }).output as { type: string }[];
    expect(chunks.some((chunk) => chunk.type === 'error')).toBe(true);
    expect(chunks.some((chunk) => chunk.type === 'finish')).toBe(false);
  });

  it('a stream_expired frame ends the run as an error naming the run status, never as a success', () => {
    const records = [...indexed().slice(0, 4), { event: 'stream_expired', run_id: 'run-1', status: 'RUNNING', message: 'Stream state expired while the run is still accepted; reconnect (or poll the run) to resume.' }];
    const last = canonical(records).at(-1);
    expect(last).toMatchObject({ type: 'run-error', runId: 'run-1', error: { type: 'stream_expired', data: { status: 'RUNNING' } } });
  });

  it('a /resume stream that replays events the client had is read once: the same events as the first stream', () => {
    const stream = indexed();
    const first = stream.slice(0, 7);
    const replayed = [
      { event: 'catch_up', run_id: 'run-1', status: 'running', missed_events: stream.length - 4, current_event_count: stream.length, message: 'Catching up on missed events.' },
      ...stream.slice(4),
    ];
    const subscribed = { event: 'subscribed', run_id: 'run-1', status: 'running', current_event_count: stream.length, message: 'Subscribed to agent run. Receiving live events.' };
    const { output, issues } = convert([...first, ...replayed, subscribed], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(json(output)).toBe(json(canonical(stream)));
    expect(issues.filter((issue) => issue.path === 'event_index')).toHaveLength(3);
  });

  it('lastEventIndex continues a stream from where the client was: earlier events are skipped', () => {
    const stream = indexed();
    const tail = canonical(stream, { lastEventIndex: 5 });
    expect(tail.some((event) => event.type === 'run-start')).toBe(false);
    expect(tail.at(-1)?.type).toBe('run-end');
    const text = tail.filter((event) => event.type === 'text-delta').map((event) => (event as { delta: string }).delta).join('');
    const whole = canonical(stream).filter((event) => event.type === 'text-delta').map((event) => (event as { delta: string }).delta).join('');
    expect(whole.endsWith(text)).toBe(true);
  });

  it('a resumed AgentOS body with its transport frames comes back byte for byte through agno → agno', () => {
    const stream = indexed('recorded/3.1.10/agent-tools.jsonl');
    const body = [{ event: 'replay', run_id: 'run-1', status: 'completed', total_events: 3, total_buffered: stream.length, last_event_index_requested: 2, message: 'Run completed.' }, ...stream];
    const { output } = convert(body, { from: 'agno', to: 'agno' });
    expect(json(output)).toBe(json(body));
  });

  it('detect names an event with an inline event_index agno 3.x, and the 2.9 SSE form (index last) 2.9', () => {
    const resumed = sseRecords('agentos-resume.sse');
    const three = resumed.find((record) => record.event === 'ToolCallStarted');
    expect(detectRecord(three)?.version).toBe('>=3.0.0');
    const nine = { ...(readFixture('v2.9.0-agent-tools.jsonl')[1] as Record<string, unknown>), event_index: 1 };
    expect(detectRecord(nine)?.version).toBe('>=2.9.0');
    expect(detectRecord({ event: 'subscribed', run_id: 'run-1', status: 'running', current_event_count: 3, message: '…' })?.format.name).toBe('agno');
  });

  it.each(['agentos-agent.sse', 'agentos-resume.sse', 'agentos-background.sse', 'agentos-confirmation-continue.sse', 'agentos-provider-error.sse', 'agentos-team.sse'])(
    'the recorded agno 3.1.10 AgentOS body %s comes back exactly through agno → agno and reaches useChat with no error-level issue',
    (name) => {
      const records = sseRecords(name);
      expect(json(convert(records, { from: 'agno', to: 'agno' }).output)).toBe(json(records));
      const { output, issues } = convert(records, { from: 'agno', to: 'ai-sdk-ui' });
      expect(output.length).toBeGreaterThan(0);
      expect(issues.filter((issue) => issue.level === 'error')).toEqual([]);
    },
  );
});
