import type { CanonicalEvent } from '../../src/model/event.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { resolveEvent } from './schema.js';

/**
 * AgentOS transport frames (agno 3.x `agno/os/routers/*` and `agno/os/utils.py`): notices about
 * the stream, not events of a run. `replay`, `catch_up` and `subscribed` open a resumed stream;
 * `stream_expired` closes one whose run outlived it; `error` (no run id) can arrive mid-stream.
 */
export const transportFrames = new Set(['replay', 'catch_up', 'subscribed', 'stream_expired', 'error']);

/** Whether a record is an AgentOS transport frame rather than a run event. */
export function isTransportFrame(record: Record<string, unknown>): boolean {
  return typeof record.event === 'string' && transportFrames.has(record.event) && !('created_at' in record);
}

/** What a decoder remembers to read resumed AgentOS streams: the last event index per run. */
export interface ResumeState {
  /** Highest `event_index` read per run (kept while the run is open). */
  readonly lastIndex: Map<string, number>;
  /** Records at or below this index are skipped (a client resuming from `last_event_index`). */
  readonly from: number | undefined;
}

/** Creates the resume state of one decoder. */
export function createResumeState(lastEventIndex: number | undefined): ResumeState {
  return { lastIndex: new Map(), from: lastEventIndex };
}

/**
 * Whether a run event was already read: a resumed or replayed stream repeats events up to the
 * index the client had. Terminal events are never skipped by index: agno's `/resume` replay may
 * give the stored `RunCompleted` a positional index that repeats another event's.
 */
export function alreadyRead(record: Record<string, unknown>, runId: string, state: ResumeState, context: AdapterContext): boolean {
  const index = record.event_index;
  if (typeof index !== 'number') return false;
  const role = typeof record.event === 'string' ? resolveEvent(record.event)?.role : undefined;
  const terminal = role === 'run-end' || role === 'run-error' || role === 'run-cancel';
  if (state.from !== undefined && index <= state.from && !terminal) return true;
  const last = state.lastIndex.get(runId);
  if (terminal) {
    state.lastIndex.delete(runId);
    return false;
  }
  if (last !== undefined && index <= last) {
    context.report({
      code: 'invalid-sequence',
      level: 'info',
      eventType: String(record.event),
      runId,
      path: 'event_index',
      message: `event_index ${index} of run "${runId}" was already read (a resumed stream repeats what the client had); skipped`,
    });
    return true;
  }
  state.lastIndex.set(runId, index);
  return false;
}

/**
 * Decodes a transport frame. Notices (`replay`, `catch_up`, `subscribed`) produce no event: the
 * agno target writes them back from the source record, other formats have their own transport.
 * `error` and `stream_expired` end the run they name (or the stream's last run) with a
 * `run-error`, so that no target shows a stream that stopped as if it had finished.
 */
export function decodeTransportFrame(record: Record<string, unknown>, lastRunId: string | undefined, context: AdapterContext): CanonicalEvent[] {
  const runId = typeof record.run_id === 'string' ? record.run_id : lastRunId;
  if (record.event === 'error') {
    const message = typeof record.error === 'string' ? record.error : 'AgentOS reported an error';
    if (runId === undefined) {
      context.report({ code: 'invalid-sequence', level: 'warning', eventType: 'error', message: `an AgentOS error frame arrived before any run: ${message}; kept as raw` });
      return [{ type: 'raw', runId: 'unknown', format: 'agno', payload: record }];
    }
    return [{ type: 'run-error', runId, error: { message, type: 'AgentOSError' } }];
  }
  if (record.event === 'stream_expired' && runId !== undefined) {
    const status = typeof record.status === 'string' ? record.status : undefined;
    const message = typeof record.message === 'string' ? record.message : 'the AgentOS stream expired before the run ended';
    return [{ type: 'run-error', runId, error: { message, type: 'stream_expired', ...(status === undefined ? {} : { data: { status } }) } }];
  }
  context.report({
    code: 'dropped',
    level: 'info',
    eventType: String(record.event),
    ...(runId === undefined ? {} : { runId }),
    message: `the AgentOS ${String(record.event)} notice is about the stream, not the run; only the agno target writes it back`,
  });
  return [];
}
