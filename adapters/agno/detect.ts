import type { Detection } from '../../src/pipeline/format.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { isRunOutput } from './aggregate.js';
import { isTransportFrame } from './transport.js';
import { hasLegacyMarkers, resolveEvent, workflowEvents } from './schema.js';

function compareVersions(left: string, right: string): number {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Event strings agno 1.x never had (reference §1): a record with one of them is 2.x for sure. */
const twoOnlyBases = new Set(['RunContent', 'RunIntermediateContent', 'CustomEvent']);

/**
 * The version range a 2.x record allows, from the fields and events that appeared in known
 * releases: `nested_depth` (2.5.17, on every event since), `RunMetrics.details` (2.5.4), flat
 * run metrics (before 2.5.4), `parent_run_id` (2.1.0), `requirements` (2.3.7), `child_run_id` (2.0.4).
 */
export function versionRange(record: Record<string, unknown>, since: string): string {
  let lowest = since;
  let below: string | undefined;
  const raise = (version: string): void => {
    if (compareVersions(version, lowest) > 0) lowest = version;
  };
  const cap = (version: string): void => {
    if (below === undefined || compareVersions(version, below) < 0) below = version;
  };
  if ('event_index' in record) {
    // 2.9 added event_index to the resumable SSE text only, after the event's own keys; agno 3.x
    // made it a field of the event, before `tool` and `metrics` (and stored events keep it).
    const keys = Object.keys(record);
    raise(keys[keys.length - 1] === 'event_index' ? '2.9.0' : '3.0.0');
  }
  if ('queue_attempt' in record) raise('3.0.0');
  if ('nested_depth' in record) raise('2.5.17');
  else if ('event' in record) cap('2.5.17');
  if ('parent_run_id' in record && 'event' in record) raise('2.1.0');
  if ('requirements' in record) raise('2.3.7');
  const tool = isRecord(record.tool) ? record.tool : Array.isArray(record.tools) && isRecord(record.tools[0]) ? record.tools[0] : undefined;
  if (tool !== undefined && 'child_run_id' in tool) raise('2.0.4');
  if (tool !== undefined && 'approval_type' in tool) raise('2.5.0');
  const metrics = record.metrics;
  if (isRecord(metrics)) {
    if ('details' in metrics) raise('2.5.4');
    else if ('input_tokens' in metrics) cap('2.5.4');
  }
  if (below !== undefined && compareVersions(lowest, below) >= 0) return '2.x';
  return below === undefined ? `>=${lowest}` : `>=${lowest} <${below}`;
}

/**
 * Scores a record as agno 2.x: certain for event strings 1.x never had and for shared strings
 * with 2.x-only fields (`nested_depth`, `parent_run_id`, `workflow_agent`, `requirements`,
 * `tool.child_run_id`), a tie with agno-legacy for shared strings alone; aggregates by their shape.
 */
export function detectAgno(record: unknown): Detection | undefined {
  if (!isRecord(record) || hasLegacyMarkers(record)) return undefined;
  if (typeof record.event !== 'string') {
    return isRunOutput(record) ? { confidence: 0.8, version: versionRange(record, '2.0.0') } : undefined;
  }
  if (isTransportFrame(record)) return { confidence: 0.6, version: '>=2.9.0' };
  if (workflowEvents.has(record.event)) return { confidence: 0.6, version: versionRange(record, '2.0.0') };
  const resolved = resolveEvent(record.event);
  if (resolved === undefined) {
    // An event string of a newer agno still has agno's envelope: claim it, weakly, so that it is
    // kept as a raw agno record with an unknown-event issue rather than left unrecognized.
    const envelope = typeof record.created_at === 'number' && ['run_id', 'agent_id', 'team_id', 'session_id'].some((key) => typeof record[key] === 'string');
    if (!envelope) return undefined;
    return { confidence: 'nested_depth' in record || 'parent_run_id' in record ? 0.5 : 0.3, version: versionRange(record, '2.0.0') };
  }
  const base = resolved.team ? record.event.slice('Team'.length) : record.event;
  const certain = twoOnlyBases.has(base) || compareVersions(resolved.since, '2.0.0') > 0;
  const tool = isRecord(record.tool) ? record.tool : undefined;
  const marked =
    'nested_depth' in record || 'parent_run_id' in record || 'workflow_agent' in record || 'requirements' in record || (tool !== undefined && 'child_run_id' in tool);
  // A string 1.6 – 1.8 had too (RunStarted, ToolCallStarted …) with no 2.x-only field is a tie with
  // agno-legacy: the pipeline settles it by the decisive records of the same run.
  const confidence = certain ? 0.95 : marked ? 0.9 : 0.45;
  return { confidence, version: versionRange(record, resolved.since) };
}
