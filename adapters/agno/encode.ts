import type { CanonicalEvent } from '../../src/model/event.js';
import { type EventHandlers, dispatch } from '../../src/model/dispatch.js';
import { explodeMessage } from '../../src/model/explode.js';
import type { Actor, Part, Run } from '../../src/model/snapshot.js';
import { createShapedEncoder, createSnapshotEncoder, endsRun, isRecord, lossReporter, reportForeignRaw, reportingInterleavedBlocks, runTree, watchEndsBeforeCancel, withNestableMembers } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { writeRunOutput } from './aggregate.js';
import { type WriteContext, eventName, hasActivityEvents, structuredContentName, writeRecord } from './write-record.js';
import { type IntermediateTexts, createIntermediateTexts } from './intermediate.js';
import { mediaKindOf } from './media.js';
import { type AgnoTarget, migrateRecord } from './target.js';
import { reportWrappedToolInput, toolArgsOf } from './tool-execution.js';
import { type ToolInputs, createToolInputs } from './tool-inputs.js';

/** Options of the agno encoder. */
export interface AgnoEncodeOptions {
  /**
   * `auto` (default): the shape of the input, per top-level run: an aggregate for a run read
   * from a stored snapshot (its `run-start` has `snapshot: true`), events otherwise. `events`:
   * a 2.x event stream. `aggregate`: one `RunOutput` / `TeamRunOutput` `to_dict()` per
   * top-level run, written when the run ends.
   */
  shape?: 'auto' | 'events' | 'aggregate';
  /**
   * The agno version written: `3.x` (default, as agno 3.1.10 writes) or `2.x` (as 2.9.0 writes).
   * Records read from agno are migrated to it field by field; what 2.x cannot hold is reported.
   */
  target?: AgnoTarget;
}

interface EncoderState {
  actors: Map<string, Actor>;
  times: Map<string, number>;
  toolInputs: ToolInputs<{ toolName: string; input: unknown }>;
  reported: Set<string>;
  messages: number;
  /** Open texts that agno streamed as intermediate content. */
  intermediate: IntermediateTexts;
}

/** Releases what the event encoder keeps for a run that will get no more events. */
function forgetRun(state: EncoderState, runId: string): void {
  state.actors.delete(runId);
  state.times.delete(runId);
  state.toolInputs.forget(runId);
  state.intermediate.forget(runId);
}

/** Events whose agno records end an open text or reasoning when read back (the decoder's closeAll). */
const agnoBlockClosers: ReadonlySet<string> = new Set(['text-start', 'text-delta', 'reasoning-start', 'reasoning-delta', 'step-start', 'step-end', 'tool-call', 'run-pause']);

function createEventEncoder(context: AdapterContext, target: AgnoTarget): Encoder {
  const report = lossReporter(context);
  const state: EncoderState = { actors: new Map(), times: new Map(), toolInputs: createToolInputs(), reported: new Set(), messages: 0, intermediate: createIntermediateTexts() };
  const endsBeforeCancel = watchEndsBeforeCancel(context, agnoBlockClosers, 'agno');

  function once(key: string, report: () => void): void {
    if (state.reported.has(key)) return;
    state.reported.add(key);
    report();
  }

  function dropped(event: CanonicalEvent, what: string, level: 'info' | 'warning' = 'info'): void {
    once(`${event.type}:${what}`, () =>
      context.report({ code: 'dropped', level, eventType: event.type, runId: event.runId, message: `${what} has no agno ${target} field and was left out` }),
    );
  }

  // One context for every record: the writers read it, only `intermediate` changes per event.
  const writeContext: WriteContext = { ids: (kind) => context.mint(kind), target, intermediate: false, untimedCustomEvent };

  /** Reports, once per message, a field left out that the message names itself. */
  function lost(event: CanonicalEvent, message: string): void {
    once(`${event.type}:${message}`, () => context.report({ code: 'dropped', level: 'info', eventType: event.type, runId: event.runId, message }));
  }

  function record(event: CanonicalEvent): Record<string, unknown>[] {
    writeContext.intermediate = event.type === 'text-delta' && state.intermediate.has(event);
    const written = writeRecord(event, writeContext);
    if (written === undefined) return [];
    return [migrateRecord(written, target, report) as Record<string, unknown>];
  }

  const writers: EventHandlers<Record<string, unknown>[], CanonicalEvent> = {
    'run-start': (event) => {
      if (event.input !== undefined) dropped(event, 'the input of a run (RunStarted has no input; use shape: aggregate)');
      return record(event);
    },
    'run-end': (event) => {
      if (event.finishReason !== undefined) dropped(event, 'the finish reason of a run');
      return record(event);
    },
    'run-error': record,
    'run-cancel': record,
    'run-pause': record,
    'run-resume': (event) => {
      // agno takes the answers in the continue request (continue_run, AgentOS /continue); RunContinued holds none.
      if (event.resolutions !== undefined && event.resolutions.length > 0) dropped(event, "a resume's resolution list (approvals, inputs)");
      return record(event);
    },
    'step-start': (event) => {
      if (event.messageId !== undefined) dropped(event, 'the message id of a model request');
      return record(event);
    },
    'step-end': (event) => {
      if (event.finishReason !== undefined) dropped(event, 'the finish reason of a model request');
      if (event.usage?.durationMs !== undefined) dropped(event, 'the duration of a model request');
      return record(event);
    },
    // agno streams have no text or reasoning brackets: content events open and close them implicitly.
    'text-start': () => [],
    'text-delta': record,
    'text-end': (event) => {
      if (event.citations?.some((citation) => citation.id !== undefined || citation.text !== undefined)) dropped(event, 'the id and text of a citation');
      return record(event);
    },
    'reasoning-start': () => [],
    'reasoning-delta': record,
    'reasoning-end': (event) => {
      if (event.signature !== undefined) dropped(event, 'a reasoning signature');
      return [];
    },
    'reasoning-step': record,
    // agno does not stream tool arguments; the tool-call carries them whole.
    'tool-input-start': () => [],
    'tool-input-delta': () => [],
    'tool-call': (event) => {
      reportWrappedToolInput(context, event, 'agno');
      state.toolInputs.set(event.runId, event.toolCallId, { toolName: event.toolName, input: event.input });
      return record(event);
    },
    'tool-result': (event) => withToolCall(event, record(withToolName(event))),
    'tool-error': (event) => {
      // agno 2.3.15+ reports a failed call twice: ToolCallCompleted with tool_call_error, then ToolCallError.
      const [failed] = withToolCall(event, record(withToolName(event)));
      if (failed === undefined) return [];
      const completed: Record<string, unknown> = { ...failed, event: eventName('ToolCallCompleted', event) };
      delete completed.error;
      return [completed, failed];
    },
    message: (event) => {
      const { message } = event;
      if (message.role !== 'assistant' && message.role !== 'tool') {
        dropped(event, `a ${message.role} message (agno streams carry no input messages)`);
        return [];
      }
      const envelope = { runId: event.runId, ...(event.parentRunId === undefined ? {} : { parentRunId: event.parentRunId }) };
      const actor = event.actor === undefined ? {} : { actor: event.actor };
      const sessionId = event.sessionId === undefined ? {} : { sessionId: event.sessionId };
      state.messages += 1;
      return explodeMessage(message, { ...envelope, ...actor, ...sessionId }, `message-${state.messages}`).flatMap(encode);
    },
    'activity-start': (event) => {
      if (!hasActivityEvents(event.name, target)) approximated(event, `activity "${event.name}" has no agno ${target} event; written as a CustomEvent`);
      return record(event);
    },
    'activity-end': (event) => {
      if (!hasActivityEvents(event.name, target)) approximated(event, `activity "${event.name}" has no agno ${target} event; written as a CustomEvent`);
      return record(event);
    },
    file: (event) => {
      const kind = mediaKindOf(event.mediaType);
      if (kind !== 'image' && kind !== 'audio') approximated(event, `a ${kind} output has no RunContent field; written as a CustomEvent`);
      return record(event);
    },
    source: (event) => {
      if (event.id !== undefined) dropped(event, 'the id of a source');
      return record(event);
    },
    state: (event) => {
      dropped(event, 'a state update', 'warning');
      return [];
    },
    handoff: (event) => {
      dropped(event, `the handoff to "${event.to}" (agno delegates through a tool call)`);
      return [];
    },
    data: (event) => {
      if (event.id !== undefined) lost(event, `the id "${event.id}" of data "${event.name}": a CustomEvent has none; each update is an event of its own`);
      if (event.transient === true) lost(event, `the transient flag of data "${event.name}": a CustomEvent has none; it reads back as data of the run`);
      return record(event);
    },
    raw: (event) => {
      if (event.format === 'agno' && isRecord(event.payload)) return [event.payload];
      reportForeignRaw(context, event, 'agno');
      return [];
    },
  };

  /**
   * agno's CustomEvent replaces the dataclass `__init__` with one that only sets the fields given, so
   * one read without `created_at` has none (its `to_dict()` raises AttributeError, 2.x and 3.x):
   * a source without times (the AI SDK) gets 0 (the writer sets it), reported once per run.
   */
  function untimedCustomEvent(event: CanonicalEvent): void {
    once(`created_at:${event.runId}`, () =>
      context.report({
        code: 'minted',
        level: 'info',
        eventType: event.type,
        runId: event.runId,
        message: 'a CustomEvent without a time was written with created_at 0: agno cannot read a CustomEvent without created_at, and the source gave the run no time',
      }),
    );
  }

  function approximated(event: CanonicalEvent, message: string): void {
    once(`${event.type}:${message}`, () => context.report({ code: 'approximated', level: 'info', eventType: event.type, runId: event.runId, message }));
  }

  function withToolName<E extends CanonicalEvent & { toolCallId: string; toolName?: string }>(event: E): E {
    const known = state.toolInputs.get(event.toolCallId);
    return event.toolName === undefined && known !== undefined ? { ...event, toolName: known.toolName } : event;
  }

  function withToolCall(event: CanonicalEvent & { toolCallId: string }, records: Record<string, unknown>[]): Record<string, unknown>[] {
    const known = state.toolInputs.get(event.toolCallId);
    const [written] = records;
    if (known === undefined || written === undefined || !isRecord(written.tool)) return records;
    written.tool = { ...written.tool, tool_args: toolArgsOf(known.input) ?? written.tool.tool_args };
    return records;
  }

  function encode(event: CanonicalEvent): Record<string, unknown>[] {
    endsBeforeCancel.observe(event);
    if (event.actor !== undefined && !state.actors.has(event.runId)) state.actors.set(event.runId, event.actor);
    // agno stamps every event with created_at; an event without a time takes its run's last one (never the clock).
    if (event.time !== undefined) state.times.set(event.runId, event.time);
    const actor = event.actor ?? state.actors.get(event.runId);
    const time = event.time ?? state.times.get(event.runId) ?? (event.parentRunId === undefined ? undefined : state.times.get(event.parentRunId));
    // Most events carry their actor and time already: those are written as they are, without a copy.
    let effective = event;
    if (actor !== event.actor || time !== event.time) {
      effective = { ...event };
      if (actor !== undefined) effective.actor = actor;
      if (time !== undefined) effective.time = time;
    }
    const records = dispatch(writers, effective, effective);
    state.intermediate.track(event);
    // What the encoder remembers per run and per tool call ends with them: memory stays bounded by
    // open runs. The calls of a run that ended or paused stay a while, for a later stream's result.
    if (endsRun(event)) {
      state.actors.delete(event.runId);
      state.times.delete(event.runId);
    }
    if (endsRun(event) || event.type === 'run-pause') state.toolInputs.settle(event.runId);
    if (event.type === 'tool-result' || event.type === 'tool-error') state.toolInputs.answered(event.toolCallId);
    return records;
  }

  return {
    // One mode: every record is written from the canonical fields (the pipeline writes the
    // records of unchanged agno events back itself).
    push: encode,
    flush() {
      return [];
    },
    forget(runId) {
      forgetRun(state, runId);
      endsBeforeCancel.forget(runId);
      return [];
    },
  };
}

/**
 * Creates the agno encoder: canonical events in, `RunOutputEvent` / `TeamRunOutputEvent`
 * records (or aggregates with `shape: 'aggregate'`) of agno 3.x, or 2.x with `target: '2.x'`, out.
 */
export function createAgnoEncoder(context: AdapterContext, options: AgnoEncodeOptions = {}): Encoder {
  const target = options.target ?? '3.x';
  const encoder = createShapedEncoder(options.shape, { events: () => createEventEncoder(context, target), aggregate: () => createAggregateEncoder(context, target) });
  return reportingInterleavedBlocks(context, encoder, 'agno');
}

/**
 * The message parts a stored run's `Message.to_dict()` has no field for: app data (other than
 * structured content, which is a message's `content`), files and sources of another format.
 */
const unheldPartTypes: Partial<Record<Part['type'], string>> = { data: 'data part', file: 'file part', source: 'source part' };

/** Reports, once per kind and run (its members included), the message parts a stored run leaves out. */
function reportUnheldParts(context: AdapterContext, run: Run): void {
  const counts = new Map<string, number>();
  for (const member of runTree(run)) {
    for (const message of member.messages) {
      for (const part of message.parts) {
        const kind = part.type === 'data' && part.name === structuredContentName ? undefined : unheldPartTypes[part.type];
        if (kind !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
  }
  for (const [kind, total] of counts) {
    context.report({ code: 'dropped', level: 'warning', runId: run.runId, message: `a stored agno run's messages have no place for a ${kind}; ${total} left out` });
  }
}

/** Writes each top-level run as one `RunOutput` / `TeamRunOutput` when it ends. */
function createAggregateEncoder(context: AdapterContext, target: AgnoTarget): Encoder {
  const report = lossReporter(context);
  return createSnapshotEncoder(context, (tree) => {
    const run = withNestableMembers(context, tree, 'agno');
    if (run.actor?.kind !== 'team' && run.members.length > 0) {
      context.report({
        code: 'dropped',
        level: 'warning',
        runId: run.runId,
        message: `an agent RunOutput has no member_responses; ${run.members.length} member run(s) were left out (give the run a team actor to keep them)`,
      });
    }
    reportUnheldParts(context, run);
    let minted = 0;
    const record = writeRunOutput(run, () => {
      minted += 1;
      return context.mint('message');
    });
    if (minted > 0) {
      context.report({ code: 'minted', level: 'info', runId: run.runId, message: `${minted} message(s) without an id got minted ids (agno gives every message one)` });
    }
    return [migrateRecord(record, target, report)];
  });
}
