import { isRecord, type LossReporter } from '../../src/pipeline/adapter-kit.js';
import { resolveEvent } from './schema.js';

/** The agno major version the `agno` encoder writes: 3.x (default, as 3.1.10 writes) or 2.x (as 2.9.0 writes). */
export type AgnoTarget = '3.x' | '2.x';

/** The versions the encoder can write, default first. */
export const agnoTargets = ['3.x', '2.x'] as const satisfies readonly AgnoTarget[];

/** Workflow event strings agno 3.0 added. */
const workflowEventsSince3: ReadonlySet<string> = new Set(['StepProgress']);

/**
 * Whether the agno version a target names has a record's event at all. A 3.x-only event
 * (`CompactionStarted`, `StepProgress` …) asked for as 2.x is written from its canonical fields
 * (the encoder approximates it); every other record is migrated field by field by `migrateRecord`.
 */
export function eventExistsIn(record: unknown, target: AgnoTarget): boolean {
  if (target === '3.x' || !isRecord(record) || typeof record.event !== 'string') return true;
  if (workflowEventsSince3.has(record.event)) return false;
  const resolved = resolveEvent(record.event);
  return resolved === undefined || !resolved.since.startsWith('3.');
}

/**
 * The fields agno 3.x's `BaseRunOutputEvent.to_dict()` writes after its dataclass fields (its
 * `_HAND_SERIALIZED_FIELDS`, and `content` when it is a model): 3.x writes `event_index` before
 * the first of them, 2.9's AgentOS appended it to the SSE text after all of them.
 */
const handSerialized: ReadonlySet<string> = new Set([
  'tools',
  'tool',
  'metadata',
  'image',
  'images',
  'videos',
  'audio',
  'response_audio',
  'citations',
  'member_responses',
  'reasoning_messages',
  'reasoning_steps',
  'references',
  'additional_input',
  'session_summary',
  'metrics',
  'run_input',
  'requirements',
  'tasks',
  'memories',
  'followups',
]);

/**
 * `TeamRunOutput` dataclass fields before `input` and `member_responses` (agno 2.9 wrote both
 * in their dataclass places; 3.x serializes them by hand, `member_responses` before
 * `citations`/`requirements`/`tools` and `input` last).
 */
const teamFieldsBeforeInput = ['run_id', 'team_id', 'team_name', 'session_id', 'parent_run_id', 'user_id'];
const teamFieldsBeforeMembers = [...teamFieldsBeforeInput, 'input', 'content', 'content_type', 'model', 'model_provider'];
const teamKeysAfterMembers3 = ['citations', 'requirements', 'tools', 'input'];

/** Stored-run fields agno 3.x added, with what their loss means in 2.x. */
const runFieldsSince3: Readonly<Record<string, { level: 'info' | 'warning'; what: string }>> = {
  queue_attempt: { level: 'info', what: 'the durable-queue attempt of a run (queue_attempt)' },
  cancellation_stage: { level: 'info', what: 'where a cancelled run stopped (cancellation_stage)' },
  compaction: { level: 'warning', what: 'the compaction record of a run (compaction)' },
};

/** Keys whose values are the user's own data, never agno structures to migrate. */
const userData: ReadonlySet<string> = new Set(['session_state', 'metadata', 'dependencies', 'additional_data', 'model_provider_data', 'tool_args', 'content']);

/** A record with `key` moved to `position` (an index into the record without the key). */
function withKeyAt(record: Record<string, unknown>, key: string, position: number): Record<string, unknown> {
  const entries = Object.entries(record).filter(([name]) => name !== key);
  entries.splice(position, 0, [key, record[key]]);
  return Object.fromEntries(entries);
}

/** Whether two records have the same keys in the same order (values are the same objects). */
function sameOrder(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  const a = Object.keys(left);
  const b = Object.keys(right);
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** Where a 3.x event writes `event_index`: before its first hand-serialized field. */
function eventIndexPlaced(record: Record<string, unknown>, target: AgnoTarget): Record<string, unknown> {
  if (!('event_index' in record) || !('event' in record)) return record;
  const others = Object.keys(record).filter((key) => key !== 'event_index');
  const first = target === '2.x' ? -1 : others.findIndex((key) => handSerialized.has(key));
  const placed = withKeyAt(record, 'event_index', first === -1 ? others.length : first);
  return sameOrder(placed, record) ? record : placed;
}

/** The index after the last of `before` present in `keys` (0 when none is). */
function after(keys: string[], before: readonly string[]): number {
  let position = 0;
  keys.forEach((key, index) => {
    if (before.includes(key)) position = index + 1;
  });
  return position;
}

/** A team aggregate with `input` and `member_responses` where the target's `to_dict()` puts them. */
function teamKeysPlaced(record: Record<string, unknown>, target: AgnoTarget): Record<string, unknown> {
  if ('event' in record || !Array.isArray(record.member_responses)) return record;
  let placed = record;
  const move = (key: string, position: (keys: string[]) => number): void => {
    if (!(key in placed)) return;
    const keys = Object.keys(placed).filter((name) => name !== key);
    placed = withKeyAt(placed, key, position(keys));
  };
  if (target === '3.x') {
    move('input', (keys) => keys.length);
    move('member_responses', (keys) => {
      const first = keys.findIndex((key) => teamKeysAfterMembers3.includes(key));
      return first === -1 ? keys.length : first;
    });
  } else {
    move('input', (keys) => after(keys, teamFieldsBeforeInput));
    move('member_responses', (keys) => after(keys, teamFieldsBeforeMembers));
  }
  return sameOrder(placed, record) ? record : placed;
}

/** A `ToolExecution` dict as the target writes it: 3.x always has `parent_tool_call_id` (last). */
function toolMigrated(tool: unknown, target: AgnoTarget, report: LossReporter): unknown {
  if (!isRecord(tool) || !('tool_call_id' in tool)) return tool;
  if (target === '3.x') return 'parent_tool_call_id' in tool ? tool : { ...tool, parent_tool_call_id: null };
  if (!('parent_tool_call_id' in tool)) return tool;
  const { parent_tool_call_id: parent, ...rest } = tool;
  if (parent !== null && parent !== undefined) {
    report('parent_tool_call_id', {
      code: 'dropped',
      level: 'warning',
      path: 'parent_tool_call_id',
      message: 'agno 2.x has no parent_tool_call_id on a ToolExecution (the enclosing tool call of a delegated subagent); left out',
    });
  }
  return rest;
}

/** A list with each item mapped, or the same list when no item changed. */
function mapped(list: unknown, map: (item: unknown) => unknown): unknown {
  if (!Array.isArray(list)) return list;
  let changed = false;
  const out = list.map((item) => {
    const next = map(item);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? out : list;
}

/**
 * A media dict without the 3.x `media_reference` and `metadata` 2.x cannot hold, or undefined when
 * nothing of it is left that 2.x can build: 2.9's `Image`/`Audio`/`Video`/`File` need a url, filepath
 * or content, and `RunOutput.from_dict` leaves out (with a logged warning) one that has none.
 */
function mediaFor2(media: Record<string, unknown>, report: LossReporter): Record<string, unknown> | undefined {
  const { media_reference: reference, metadata, ...rest } = media;
  if (metadata !== undefined && metadata !== null) {
    report('media metadata', { code: 'dropped', level: 'info', path: 'metadata', message: 'agno 2.x media have no metadata; left out' });
  }
  if (reference === undefined || reference === null) return rest;
  const located = typeof rest.url === 'string' || typeof rest.filepath === 'string' || typeof rest.content === 'string';
  if (!located && isRecord(reference) && typeof reference.url === 'string') {
    report('media_reference url', {
      code: 'approximated',
      level: 'info',
      path: 'media_reference',
      message: 'agno 2.x media have no media_reference (offloaded storage); a reference with a URL is written as the media url',
    });
    return { ...rest, url: reference.url };
  }
  if (!located) {
    report('media without content', {
      code: 'dropped',
      level: 'warning',
      path: 'media_reference',
      message: 'agno 2.x media have no media_reference (offloaded storage); a media with nothing inline (no url, filepath or content) cannot be built by agno 2.x and is left out',
    });
    return undefined;
  }
  report('media_reference', {
    code: 'dropped',
    level: 'warning',
    path: 'media_reference',
    message: 'agno 2.x media have no media_reference (offloaded storage); left out, the media keeps only what it has inline',
  });
  return rest;
}

/** Whether a dict is an agno `Image`/`Audio`/`Video`/`File` with a field only 3.x media have. */
function isMedia(record: Record<string, unknown>): boolean {
  if ('media_reference' in record) return true;
  return 'metadata' in record && 'id' in record && ['url', 'filepath', 'mime_type', 'format'].some((key) => key in record);
}

/**
 * Walks a record's agno structures (not the user's data) for 3.x media references; undefined for a
 * media 2.x cannot build, which leaves its list (or its field).
 */
function withoutMediaReferences(value: unknown, report: LossReporter): unknown {
  if (Array.isArray(value)) {
    const out = mapped(value, (item) => withoutMediaReferences(item, report));
    return Array.isArray(out) && out.includes(undefined) ? out.filter((item) => item !== undefined) : out;
  }
  if (!isRecord(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(value)) {
    if (userData.has(key) || (typeof child !== 'object' || child === null)) continue;
    const next = withoutMediaReferences(child, report);
    if (next !== child) {
      out ??= { ...value };
      if (next === undefined) delete out[key];
      else out[key] = next;
    }
  }
  const record = out ?? value;
  return isMedia(record) ? mediaFor2(record, report) : record;
}

/**
 * Migrates one agno record (an event or a stored run, 2.0 – 3.x) to the version a target names,
 * field by field, keeping everything both versions hold: 3.x adds `parent_tool_call_id` to each
 * `ToolExecution`, places `event_index` among an event's fields and a team run's `input` and
 * `member_responses` where its `to_dict()` does; 2.x loses what it cannot hold, each kind reported
 * once (`queue_attempt`, `cancellation_stage`, `compaction`, a set `parent_tool_call_id`, media
 * references and metadata). `event_index` stays in 2.x, after the event's fields, where 2.9's
 * AgentOS wrote it.
 * @returns the record itself when it already has the target's form.
 */
export function migrateRecord(record: unknown, target: AgnoTarget, report: LossReporter): unknown {
  if (!isRecord(record)) return record;
  let out = eventIndexPlaced(teamKeysPlaced(record, target), target);
  const set = (key: string, value: unknown): void => {
    if (value === out[key]) return;
    if (out === record) out = { ...record };
    out[key] = value;
  };
  const tool = (value: unknown): unknown => toolMigrated(value, target, report);
  if ('tool' in out) set('tool', tool(out.tool));
  if ('tools' in out) set('tools', mapped(out.tools, tool));
  if ('requirements' in out) {
    set(
      'requirements',
      mapped(out.requirements, (requirement) => {
        if (!isRecord(requirement) || !('tool_execution' in requirement)) return requirement;
        const execution = tool(requirement.tool_execution);
        return execution === requirement.tool_execution ? requirement : { ...requirement, tool_execution: execution };
      }),
    );
  }
  const nested = (value: unknown): unknown => migrateRecord(value, target, report);
  if ('member_responses' in out) set('member_responses', mapped(out.member_responses, nested));
  if ('events' in out && !('event' in out)) set('events', mapped(out.events, nested));
  if (target === '3.x') return out;
  if (!('event' in out)) {
    for (const [key, loss] of Object.entries(runFieldsSince3)) {
      if (!(key in out)) continue;
      if (out === record) out = { ...record };
      delete out[key];
      report(key, { code: 'dropped', level: loss.level, path: key, message: `agno 2.x has no ${loss.what}; left out` });
    }
  }
  return withoutMediaReferences(out, report);
}
