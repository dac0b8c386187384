import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readRecords, recordings } from '../interop/recorded.js';

const agno = recordings().filter((recording) => recording.format === 'agno');
const threes = agno.filter((recording) => recording.version === '3.1.10');
const twoOf = (file: string) => agno.find((recording) => recording.version === '2.9.0' && recording.file === file)!;

/**
 * Recordings whose two versions differ in what agno did at run time, not in the format: agno 3.x
 * puts `current_run_id` / `current_session_id` into the session state of a continued run, 2.9's
 * `/continue` stream is not resumable (no `event_index`), and 3.x rewrote the team system prompt
 * (so message texts and the order of minted ids differ). For them the records are compared by
 * their keys, in order, at every path (values aside, the user's session state aside).
 */
const runtimeDifferences = new Set([
  'agentos-confirmation-continue.sse',
  'hitl-confirmation-rejected.jsonl',
  'hitl-confirmation.jsonl',
  'hitl-external-execution.jsonl',
  'hitl-user-feedback.jsonl',
  'hitl-user-input.jsonl',
  'team.run-output.json',
]);

/** The keys of a record at every path, in order; values only by type. */
function keysOf(value: unknown, ignored: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => keysOf(item, ignored));
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.entries(value)
    .filter(([key]) => !ignored.has(key))
    .map(([key, child]) => [key, key === 'session_state' ? 'state' : keysOf(child, ignored)]);
}

function expectSameRecords(file: string, output: unknown[], expected: unknown[]): void {
  if (!runtimeDifferences.has(file)) {
    expect(JSON.stringify(output)).toBe(JSON.stringify(expected));
    return;
  }
  const ignored = new Set(file.endsWith('continue.sse') ? ['event_index'] : []);
  expect(keysOf(output, ignored)).toEqual(keysOf(expected, ignored));
}

describe('agno 3.x → 2.x migration on the real recordings', () => {
  it.each(threes.map((recording) => recording.file))('3.1.10/%s written as 2.x is what agno 2.9.0 wrote for the same run', (file) => {
    const three = threes.find((recording) => recording.file === file)!;
    const shape = three.aggregate ? { shape: 'aggregate' as const } : {};
    const { output, issues } = convert(three.records, { from: 'agno', to: 'agno', encode: { ...shape, target: '2.x' } });
    expectSameRecords(file, output, twoOf(file).records);
    // The recorded runs hold nothing 2.x lacks (no queue, no offloaded media, no delegated tool calls).
    expect(issues.filter((issue) => issue.code === 'dropped' && issue.path !== undefined)).toEqual([]);
  });
});

describe('agno 2.x → 3.x migration on the real recordings', () => {
  it.each(threes.map((recording) => recording.file))('2.9.0/%s written as 3.x (the default) is what agno 3.1.10 wrote for the same run', (file) => {
    const two = twoOf(file);
    const shape = two.aggregate ? { shape: 'aggregate' as const } : {};
    const { output, issues } = convert(two.records, { from: 'agno', to: 'agno', encode: shape });
    expectSameRecords(file, output, threes.find((recording) => recording.file === file)!.records);
    // 3.x holds every 2.x field: nothing is reported lost on the way up.
    expect(issues.filter((issue) => issue.code === 'dropped' || issue.code === 'approximated')).toEqual(
      issues.filter((issue) => issue.code === 'dropped' && issue.eventType === 'replay'),
    );
  });
});

/**
 * The real 3.1.10 stored run with what a cancelled durable-queue run with compaction, offloaded media
 * and a delegated tool call adds, written by agno 3.1.10's own `to_dict()` (fixtures/migration/).
 */
function richThreeRun(): Record<string, unknown> {
  return readRecords(join(import.meta.dirname, 'fixtures/migration/constructed-v3.1.10-losses.run-output.json'))[0] as Record<string, unknown>;
}

describe('what agno 2.x cannot hold is reported, once per kind', () => {
  it('a 3.x stored run written as 2.x loses queue_attempt, cancellation_stage, compaction, parent_tool_call_id and media references, each reported', () => {
    const run = richThreeRun();
    const { output, issues } = convert([run, run], { from: 'agno', to: 'agno', encode: { shape: 'aggregate', target: '2.x' } });
    const [written] = output as Record<string, unknown>[];
    for (const key of ['queue_attempt', 'cancellation_stage', 'compaction']) expect(written).not.toHaveProperty(key);
    expect((written!.tools as Record<string, unknown>[]).every((tool) => !('parent_tool_call_id' in tool))).toBe(true);
    // The image with nothing inline is left out: agno 2.x cannot build it.
    expect(written!.images).toEqual([{ id: 'img-1', mime_type: 'image/png', url: 'https://bucket.example/img-1.png' }]);
    // Two runs with the same losses: one issue per kind, not per record.
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['dropped', 'parent_tool_call_id'],
      ['dropped', 'queue_attempt'],
      ['dropped', 'cancellation_stage'],
      ['dropped', 'compaction'],
      ['approximated', 'media_reference'],
      ['dropped', 'metadata'],
      ['dropped', 'media_reference'],
    ]);
    expect(issues.every((issue) => issue.format === 'agno' && /agno 2\.x/.test(issue.message))).toBe(true);
  });

  it('the same run written as 3.x keeps every field, unreported', () => {
    const run = richThreeRun();
    const { output, issues } = convert([run], { from: 'agno', to: 'agno', encode: { shape: 'aggregate' } });
    expect(output).toEqual([run]);
    expect(issues).toEqual([]);
  });

  it('a 3.x compaction event written as 2.x becomes a CustomEvent, reported as approximated', () => {
    const base = { created_at: 1780000000, agent_id: 'a', agent_name: 'A', run_id: 'r', session_id: 's', nested_depth: 0 };
    const records = [
      { ...base, event: 'CompactionStarted' },
      { ...base, event: 'CompactionCompleted', messages_compacted: 4, tokens_before: 900, tokens_after: 200, archived: true },
    ];
    expect(convert(records, { from: 'agno', to: 'agno' }).output).toEqual(records);
    const { output, issues } = convert(records, { from: 'agno', to: 'agno', encode: { target: '2.x' } });
    expect(output).toEqual([
      { ...base, event: 'CustomEvent', activity: 'compaction', phase: 'start' },
      { ...base, event: 'CustomEvent', activity: 'compaction', phase: 'end', data: { messages_compacted: 4, tokens_before: 900, tokens_after: 200, archived: true } },
    ]);
    const message = 'activity "compaction" has no agno 2.x event; written as a CustomEvent';
    expect(issues.filter((issue) => issue.code === 'approximated')).toMatchObject([
      { eventType: 'activity-start', message },
      { eventType: 'activity-end', message },
    ]);
  });
});
