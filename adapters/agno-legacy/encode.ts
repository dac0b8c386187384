import type { CanonicalEvent } from '../../src/model/event.js';
import { dispatch } from '../../src/model/dispatch.js';
import { explodeMessage } from '../../src/model/explode.js';
import type { IssueCode } from '../../src/model/issue.js';
import type { Run } from '../../src/model/snapshot.js';
import { reportWrappedToolInput, toolArgsOf } from '../agno/tool-execution.js';
import { addIdOfRun, createRunTrees, createSnapshotEncoder, deleteIdOfRun, endsRun, isRecord, reportForeignRaw, reportingInterleavedBlocks, shapeOfRun, watchEndsBeforeCancel, withNestableMembers } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { createIntermediateTexts } from '../agno/intermediate.js';
import { createToolInputs } from '../agno/tool-inputs.js';
import { writeAggregate } from './aggregate.js';
import type { LegacyEra } from './schema.js';
import { type WriteContext, recordWriters } from './write-record.js';

/** Options of the agno 1.x encoder. */
export interface LegacyEncodeOptions {
  /**
   * `B` (1.6 – 1.8 event classes, the default) or `A` (1.0 – 1.5 `RunResponse` chunks). Unchanged
   * records read from 1.x are written back as read when this is not set.
   */
  era?: LegacyEra;
  /**
   * `auto` (default): the shape of the input, per top-level run: a `RunResponse` for a run read
   * from a stored snapshot (its `run-start` has `snapshot: true`), events otherwise. `events`: a
   * stream. `aggregate`: one `RunResponse` per top-level run.
   */
  shape?: 'auto' | 'events' | 'aggregate';
}

/** Encodes canonical events as agno 1.x stream records or stored aggregates, from their canonical fields. */
export function createLegacyEncoder(context: AdapterContext, options: LegacyEncodeOptions = {}): Encoder {
  return reportingInterleavedBlocks(context, createRecordEncoder(context, options), 'agno 1.x');
}

/** Events whose agno 1.x records end an open text or reasoning when read back (1.x has no model request events). */
const legacyBlockClosers: ReadonlySet<string> = new Set(['text-start', 'text-delta', 'reasoning-start', 'reasoning-delta', 'tool-call', 'run-pause']);

function createRecordEncoder(context: AdapterContext, options: LegacyEncodeOptions): Encoder {
  const era: LegacyEra = options.era ?? 'B';
  const trees = createRunTrees();
  const shapes = new Map<string, 'events' | 'aggregate'>();
  const teamSessions = new Map<string, string | undefined>();
  const reported = new Map<string, Set<string>>();
  /** Tool call inputs until their result, which 1.x writes them on again. */
  const inputs = createToolInputs<unknown>();
  const runContext = new Map<string, { time?: number; actor?: CanonicalEvent['actor'] }>();
  /** The tool calls in flight, by run: 1.x nests a run under the team whose tool call is in flight. */
  const callsInFlight = new Map<string, Set<string>>();
  /** Open texts that agno streamed as intermediate content. */
  const intermediate = createIntermediateTexts();
  const endsBeforeCancel = watchEndsBeforeCancel(context, legacyBlockClosers, 'agno 1.x');

  function lost(what: string, event: CanonicalEvent, code: IssueCode = 'dropped'): void {
    const key = `${code}:${what}`;
    // One issue per kind of loss and run, not one per record.
    const seen = reported.get(event.runId) ?? new Set<string>();
    if (seen.has(key)) return;
    seen.add(key);
    reported.set(event.runId, seen);
    context.report({
      code,
      level: code === 'dropped' ? 'warning' : 'info',
      eventType: event.type,
      runId: event.runId,
      message: `${what} cannot be written as agno 1.x${code === 'dropped' ? ' and was left out' : ''}`,
    });
  }

  const snapshot = createSnapshotEncoder(context, (tree: Run) => {
    const run = withNestableMembers(context, tree, 'agno-legacy');
    return [writeAggregate(run, era, (what) => lost(what, { type: 'run-end', runId: run.runId }))];
  });

  function encodeEvent(event: CanonicalEvent): unknown[] {
    if (event.type === 'raw') {
      reportForeignRaw(context, event, 'agno 1.x');
      return [];
    }
    if (event.type === 'message') {
      const { role } = event.message;
      if (role === 'assistant' || role === 'tool') {
        const { runId, parentRunId, sessionId, actor, time } = event;
        const envelope = { runId, parentRunId, sessionId, actor, time };
        return explodeMessage(event.message, envelope, context.mint('message')).flatMap(encodeEvent);
      }
      lost(`a whole ${role} message (1.x streams carry only the run's own output)`, event);
      return [];
    }
    followCalls(event);
    if (event.type === 'tool-call') {
      reportWrappedToolInput(context, event, 'agno 1.x');
      inputs.set(event.runId, event.toolCallId, event.input);
    }
    // A tool call's input is needed until its result: 1.x repeats the arguments there.
    const input = event.type === 'tool-result' || event.type === 'tool-error' ? inputs.get(event.toolCallId) : undefined;
    if (event.type === 'tool-result' || event.type === 'tool-error') inputs.answered(event.toolCallId);
    // The calls of a run that ended or paused stay a while, for a later stream's result.
    if (endsRun(event) || event.type === 'run-pause') inputs.settle(event.runId);
    intermediate.track(event);
    const writeContext: WriteContext = { era, lost, mint: (kind) => context.mint(kind), intermediate };
    const record = dispatch(recordWriters, event, writeContext);
    if (record === undefined) return [];
    if (era === 'B' && event.parentRunId !== undefined) {
      // 1.x members name their team by its session, not by a parent run id.
      const session = teamSessions.get(event.parentRunId);
      if (session !== undefined) record.team_session_id = session;
    }
    withToolInput(record, input);
    return [record];
  }

  /**
   * Follows the tool calls in flight and reports a run whose parent a reader cannot find again:
   * 1.x events name no parent, only a team's tool call in flight nests the runs it starts.
   */
  function followCalls(event: CanonicalEvent): void {
    if (event.type === 'tool-input-start' || event.type === 'tool-call') {
      addIdOfRun(callsInFlight, event.runId, event.toolCallId);
    } else if (event.type === 'tool-result' || event.type === 'tool-error') {
      deleteIdOfRun(callsInFlight, event.runId, event.toolCallId);
    } else if (event.type === 'run-start' && event.parentRunId !== undefined && !(teamSessions.has(event.parentRunId) && (callsInFlight.get(event.parentRunId)?.size ?? 0) > 0)) {
      context.report({
        code: 'dropped',
        level: 'warning',
        eventType: event.type,
        runId: event.runId,
        path: 'parentRunId',
        message: `the parent run ${event.parentRunId} cannot be written as agno 1.x: its events name no parent, and a reader nests a run only under a team whose tool call is in flight; the run reads back as a top-level run`,
      });
    }
  }

  /**
   * An event without time or actor takes its run's last ones: 1.x writes `created_at` and the
   * agent or team ids on every record.
   */
  function withRunContext(event: CanonicalEvent): CanonicalEvent {
    const known = runContext.get(event.runId) ?? {};
    if (event.time !== undefined) known.time = event.time;
    if (event.actor !== undefined) known.actor = event.actor;
    runContext.set(event.runId, known);
    if ((event.time !== undefined || known.time === undefined) && (event.actor !== undefined || known.actor === undefined)) return event;
    return { ...event, time: event.time ?? known.time, actor: event.actor ?? known.actor } as CanonicalEvent;
  }

  /** Forgets a finished top-level run and its members: memory stays bounded by open runs. */
  function forget(root: string): void {
    for (const runId of trees.forget(root)) {
      teamSessions.delete(runId);
      runContext.delete(runId);
      reported.delete(runId);
      callsInFlight.delete(runId);
    }
    shapes.delete(root);
  }

  function withToolInput(record: Record<string, unknown>, input: unknown): void {
    const args = toolArgsOf(input);
    if (args === null) return;
    const tools = Array.isArray(record.tools) ? record.tools : [record.tool];
    for (const tool of tools) if (isRecord(tool)) tool.tool_args = args;
  }

  return {
    push(event) {
      if (event.type === 'run-start' && event.actor?.kind === 'team') teamSessions.set(event.runId, event.sessionId);
      const root = trees.rootOf(event);
      let shape = shapes.get(root);
      if (shape === undefined) {
        shape = shapeOfRun(options.shape, event);
        shapes.set(root, shape);
      }
      if (shape === 'events') endsBeforeCancel.observe(event);
      const out = shape === 'aggregate' ? snapshot.push(event) : encodeEvent(withRunContext(event));
      if (event.runId === root && endsRun(event)) forget(root);
      return out;
    },
    flush() {
      return snapshot.flush();
    },
    forget(runId) {
      const out = shapes.get(runId) === 'aggregate' ? snapshot.forget(runId) : [];
      if (shapes.has(runId)) forget(runId);
      // A member keeps nothing in the aggregate writer's state of its own; its event context goes.
      teamSessions.delete(runId);
      runContext.delete(runId);
      reported.delete(runId);
      callsInFlight.delete(runId);
      endsBeforeCancel.forget(runId);
      inputs.forget(runId);
      intermediate.forget(runId);
      return out;
    },
  };
}

