import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const marker = 'MARKER-4b1e77-server-only';
const traceback = `Traceback (most recent call last):\n  File "/srv/${marker}/team.py", line 42, in arun`;

type AgnoRecord = Record<string, unknown> & { event?: string; member_responses?: Record<string, unknown>[] };

/** A system message agno keeps in a run's `messages`: the instructions of the agent. */
const systemMessage = { id: 'msg-0', content: `You are the writer. Deploy key: ${marker}`, from_history: false, stop_after_tool_call: false, role: 'system', created_at: 1700000000 };

/**
 * An agno 2.9 team stream with the marker where agno keeps server-side state: `session_state` and
 * `metadata` of the completed events, a system message in the `member_responses` copy of the
 * member's run, and a traceback in the `additional_data` of a run error.
 */
function current(): AgnoRecord[] {
  const records = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl')) as AgnoRecord[];
  for (const record of records) {
    if (record.event !== 'TeamRunCompleted' && record.event !== 'RunCompleted') continue;
    record.session_state = { ...(record.session_state as object), api_key: marker };
    record.metadata = { tenant: marker };
    for (const member of record.member_responses ?? []) {
      member.session_state = { api_key: marker };
      member.metadata = { tenant: marker };
      member.messages = [systemMessage, ...(member.messages as unknown[])];
    }
  }
  const failed = readJsonl(join(import.meta.dirname, '../agno/fixtures/constructed-v2.9.0-run-error.jsonl')) as AgnoRecord[];
  for (const record of failed) if (record.event === 'RunError') record.additional_data = { traceback };
  return [...records, ...failed];
}

/**
 * An agno 1.8 team stream with the marker in the fields 1.x has for it: `extra_data` (references
 * and the messages added to the prompt), a system message in the `member_responses` copy, and the
 * tool metrics of a completed call.
 */
function legacy(): AgnoRecord[] {
  const records = readJsonl(join(import.meta.dirname, '../agno-legacy/fixtures/v1.8.4-team-one-member.jsonl')) as AgnoRecord[];
  for (const record of records) {
    if (record.event === 'TeamRunCompleted' || record.event === 'RunCompleted') {
      record.extra_data = { references: [{ query: 'paris', references: [{ content: marker }] }], add_messages: [{ role: 'system', content: marker }] };
    }
    for (const member of record.member_responses ?? []) member.messages = [{ ...systemMessage, id: undefined }, ...(member.messages as unknown[])];
    const tool = record.tool as Record<string, unknown> | undefined;
    if (tool !== undefined && record.event === 'TeamToolCallCompleted') tool.metrics = { time: 0.1, host: marker };
  }
  return records;
}

const targets = ['ai-sdk-ui', 'ai-sdk-stream', 'langchain', 'runner', 'canonical'] as const;
const sources = [
  { from: 'agno', name: 'agno 2.9 team run and run error', records: current(), own: { target: '2.x' } },
  { from: 'agno-legacy', name: 'agno 1.8 team run', records: legacy(), own: {} },
] as const;

describe('agno-only fields reach no other format without relay', () => {
  it('the planted streams hold the marker in every planted field', () => {
    expect(JSON.stringify(sources[0].records).split(marker).length - 1).toBe(8);
    expect(JSON.stringify(sources[1].records).split(marker).length - 1).toBe(6);
  });

  for (const { from, name, records, own } of sources) {
    for (const to of targets) {
      it(`${name}: ${from} → ${to} holds no session state, metadata, system message, references or traceback`, () => {
        const { output } = convert(records, { from, to });
        expect(output.length).toBeGreaterThan(0);
        expect(JSON.stringify(output)).not.toContain(marker);
      });
    }

    it(`${name}: ${from} → ${from} still writes every planted field back`, () => {
      expect(JSON.stringify(convert(records, { from, to: from, encode: own }).output)).toBe(JSON.stringify(records));
    });

    it(`${name}: with relay, canonical JSONL carries them, so the test can see them`, () => {
      expect(JSON.stringify(convert(records, { from, to: 'canonical', relay: true }).output)).toContain(marker);
    });
  }
});
