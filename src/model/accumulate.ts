import type { CanonicalEvent } from './event.js';
import { type EventHandlers, dispatch } from './dispatch.js';
import type { IssueInput } from './issue.js';
import type { Message, Part, PartOfType, Run } from './snapshot.js';
import { addUsage } from './usage.js';

/** Options of {@link createAccumulator} and {@link accumulate}. */
export interface AccumulateOptions {
  /** Receives what the snapshot cannot hold (activities, state, raw records …) and repairs. */
  onIssue?: (issue: IssueInput) => void;
}

/**
 * What the reducer keeps of a run besides its snapshot. The maps of open parts are made when a
 * part opens and dropped when the last one closes: a log holds many runs whose parts all closed
 * (a converter to a snapshot format keeps every open run), and an empty Map is about 200 bytes.
 */
interface RunState {
  run: Run;
  /** A `step-start` asks for a fresh assistant message; it is opened at once so empty steps survive. */
  text?: Map<string, PartOfType<'text'>>;
  reasoning?: Map<string, PartOfType<'reasoning'>>;
  toolInput?: Map<string, { part: PartOfType<'tool-call'>; chunks: string[] }>;
  stepUsage: Run['usage'];
  sawRunUsage: boolean;
  /** Data parts with an id, by name and id: a later event of the same name and id updates the part. */
  dataItems?: Map<string, PartOfType<'data'>>;
}

/** Removes a key from one of a run's maps of open parts, and the map once it is empty. */
function closePart<K extends 'text' | 'reasoning' | 'toolInput'>(state: RunState, map: K, key: string): void {
  const open = state[map];
  if (open === undefined) return;
  open.delete(key);
  if (open.size === 0) state[map] = undefined;
}

/** An incremental reducer from canonical events to run snapshots. */
export interface Accumulator {
  /** Applies one event. */
  push(event: CanonicalEvent): void;
  /** The top-level runs so far, members nested, in order of first appearance. */
  runs(): Run[];
  /** Whether a run has reached a terminal or paused state. */
  isSettled(runId: string): boolean;
  /**
   * Finishes and removes a top-level run with its members, freeing its state.
   * @returns the run, or undefined when no top-level run has that id.
   */
  take(runId: string): Run | undefined;
}

/** Creates an incremental {@link Accumulator}. */
export function createAccumulator(options: AccumulateOptions = {}): Accumulator {
  const states = new Map<string, RunState>();
  /** Top-level runs by id, in order of first appearance: taking one out costs no scan. */
  const roots = new Map<string, Run>();
  const report = options.onIssue ?? (() => {});

  function stateOf(event: CanonicalEvent): RunState {
    let state = states.get(event.runId);
    if (state === undefined) {
      const run: Run = { runId: event.runId, status: 'running', messages: [], members: [] };
      if (event.parentRunId !== undefined) run.parentRunId = event.parentRunId;
      if (event.sessionId !== undefined) run.sessionId = event.sessionId;
      if (event.actor !== undefined) run.actor = event.actor;
      state = {
        run,
        stepUsage: undefined,
        sawRunUsage: false,
      };
      states.set(event.runId, state);
      const parent = event.parentRunId === undefined ? undefined : states.get(event.parentRunId);
      if (parent === undefined) roots.set(run.runId, run);
      else parent.run.members.push(run);
    }
    return state;
  }

  function assistant(state: RunState): Message {
    const last = state.run.messages.at(-1);
    if (last !== undefined && last.role === 'assistant') return last;
    const message: Message = { role: 'assistant', parts: [] };
    state.run.messages.push(message);
    return message;
  }

  function addPart(state: RunState, part: Part): void {
    assistant(state).parts.push(part);
  }

  function withExt<P extends Part>(part: P, event: CanonicalEvent): P {
    if (event.ext !== undefined) part.ext = event.ext;
    return part;
  }

  function dropped(event: CanonicalEvent, what: string, level: 'info' | 'warning'): void {
    report({
      code: 'dropped',
      level,
      eventType: event.type,
      runId: event.runId,
      message: `${what} has no place in a run snapshot and was left out`,
    });
  }

  function textPart<K extends 'text' | 'reasoning'>(
    state: RunState,
    kind: K,
    event: { type: string; runId: string; id: string },
  ): PartOfType<K> {
    const existing = (state[kind] as Map<string, PartOfType<K>> | undefined)?.get(event.id);
    if (existing === undefined) {
      report({
        code: 'invalid-sequence',
        level: 'info',
        eventType: event.type,
        runId: event.runId,
        message: `${event.type} for ${kind} part "${event.id}" that was never started; started it here`,
      });
      const part = { type: kind, text: '' } as PartOfType<K>;
      ((state[kind] ??= new Map()) as Map<string, PartOfType<K>>).set(event.id, part);
      addPart(state, part);
      return part;
    }
    return existing;
  }

  function settleToolInput(state: RunState, toolCallId: string): void {
    const pending = state.toolInput?.get(toolCallId);
    if (pending === undefined) return;
    closePart(state, 'toolInput', toolCallId);
    if (pending.part.input !== undefined) return;
    const text = pending.chunks.join('');
    try {
      pending.part.input = text === '' ? {} : JSON.parse(text);
    } catch {
      pending.part.input = text;
      report({
        code: 'approximated',
        level: 'warning',
        eventType: 'tool-input-delta',
        runId: state.run.runId,
        message: `tool call "${toolCallId}" streamed input that is not JSON and never completed; kept it as a string`,
      });
    }
  }

  const handlers: EventHandlers<void, RunState> = {
    'run-start'(event, state) {
      const run = state.run;
      if (event.time !== undefined) run.time = event.time;
      if (event.model !== undefined) run.model = event.model;
      if (event.provider !== undefined) run.provider = event.provider;
      if (event.input !== undefined) run.input = event.input;
      // The run's own ext is its start's (what explode writes); what other events of the run
      // carry in ext stays on them, never gathered into the run.
      if (event.ext !== undefined) run.ext = event.ext;
    },
    'run-end'(event, state) {
      const run = state.run;
      run.status = 'completed';
      if (event.output !== undefined) run.output = event.output;
      if (event.usage !== undefined) {
        run.usage = event.usage;
        state.sawRunUsage = true;
      }
      if (event.finishReason !== undefined) run.finishReason = event.finishReason;
    },
    'run-error'(event, state) {
      state.run.status = 'error';
      state.run.error = event.error;
    },
    'run-cancel'(event, state) {
      state.run.status = 'cancelled';
      if (event.reason !== undefined) state.run.cancelReason = event.reason;
    },
    'run-pause'(event, state) {
      state.run.status = 'paused';
      state.run.requirements = event.requirements;
    },
    'run-resume'(event, state) {
      state.run.status = 'running';
      delete state.run.requirements;
    },
    'step-start'(event, state) {
      const message: Message = { role: 'assistant', parts: [] };
      if (event.messageId !== undefined) message.id = event.messageId;
      if (event.ext !== undefined) message.ext = event.ext;
      state.run.messages.push(message);
    },
    'step-end'(event, state) {
      if (event.usage !== undefined) state.stepUsage = addUsage(state.stepUsage, event.usage);
      if (!state.sawRunUsage && state.stepUsage !== undefined) state.run.usage = state.stepUsage;
    },
    'text-start'(event, state) {
      const part = withExt<PartOfType<'text'>>({ type: 'text', text: '' }, event);
      (state.text ??= new Map()).set(event.id, part);
      addPart(state, part);
    },
    'text-delta'(event, state) {
      textPart(state, 'text', event).text += event.delta;
    },
    'text-end'(event, state) {
      const part = textPart(state, 'text', event);
      if (event.citations !== undefined) part.citations = event.citations;
      closePart(state, 'text', event.id);
    },
    'reasoning-start'(event, state) {
      const part = withExt<PartOfType<'reasoning'>>({ type: 'reasoning', text: '' }, event);
      (state.reasoning ??= new Map()).set(event.id, part);
      addPart(state, part);
    },
    'reasoning-delta'(event, state) {
      textPart(state, 'reasoning', event).text += event.delta;
    },
    'reasoning-end'(event, state) {
      const part = textPart(state, 'reasoning', event);
      if (event.signature !== undefined) part.signature = event.signature;
      closePart(state, 'reasoning', event.id);
    },
    'reasoning-step'(event) {
      dropped(event, 'a reasoning step', 'info');
    },
    'tool-input-start'(event, state) {
      const part: PartOfType<'tool-call'> = {
        type: 'tool-call',
        toolCallId: event.toolCallId,
        toolName: event.toolName,
        input: undefined,
      };
      (state.toolInput ??= new Map()).set(event.toolCallId, { part, chunks: [] });
      addPart(state, part);
    },
    'tool-input-delta'(event, state) {
      const pending = state.toolInput?.get(event.toolCallId);
      if (pending === undefined) {
        report({
          code: 'invalid-sequence',
          level: 'warning',
          eventType: event.type,
          runId: event.runId,
          message: `tool input delta for "${event.toolCallId}" without tool-input-start; the delta was left out`,
        });
        return;
      }
      pending.chunks.push(event.delta);
    },
    'tool-call'(event, state) {
      const pending = state.toolInput?.get(event.toolCallId);
      if (pending !== undefined) {
        closePart(state, 'toolInput', event.toolCallId);
        pending.part.toolName = event.toolName;
        pending.part.input = event.input;
        if (event.ext !== undefined) pending.part.ext = event.ext;
        return;
      }
      addPart(
        state,
        withExt<PartOfType<'tool-call'>>(
          { type: 'tool-call', toolCallId: event.toolCallId, toolName: event.toolName, input: event.input },
          event,
        ),
      );
    },
    'tool-result'(event, state) {
      settleToolInput(state, event.toolCallId);
      const part = withExt<PartOfType<'tool-result'>>(
        { type: 'tool-result', toolCallId: event.toolCallId, output: event.output },
        event,
      );
      if (event.toolName !== undefined) part.toolName = event.toolName;
      state.run.messages.push({ role: 'tool', parts: [part] });
    },
    'tool-error'(event, state) {
      settleToolInput(state, event.toolCallId);
      const part = withExt<PartOfType<'tool-result'>>(
        { type: 'tool-result', toolCallId: event.toolCallId, output: event.error, isError: true },
        event,
      );
      if (event.toolName !== undefined) part.toolName = event.toolName;
      state.run.messages.push({ role: 'tool', parts: [part] });
    },
    message(event, state) {
      state.run.messages.push(structuredClone(event.message));
    },
    'activity-start'(event) {
      dropped(event, `the activity "${event.name}"`, 'info');
    },
    'activity-end'(event) {
      dropped(event, `the activity "${event.name}"`, 'info');
    },
    file(event, state) {
      const part = withExt<PartOfType<'file'>>({ type: 'file', mediaType: event.mediaType }, event);
      if (event.url !== undefined) part.url = event.url;
      if (event.data !== undefined) part.data = event.data;
      if (event.name !== undefined) part.name = event.name;
      addPart(state, part);
    },
    source(event, state) {
      const part = withExt<PartOfType<'source'>>({ type: 'source' }, event);
      if (event.url !== undefined) part.url = event.url;
      if (event.title !== undefined) part.title = event.title;
      if (event.id !== undefined) part.id = event.id;
      addPart(state, part);
    },
    state(event) {
      dropped(event, 'a state update', 'info');
    },
    handoff(event) {
      dropped(event, `the handoff to "${event.to}"`, 'info');
    },
    data(event, state) {
      if (event.transient === true) {
        dropped(event, `transient data "${event.name}" (no part of a message)`, 'info');
        return;
      }
      // An update of an item the run already holds replaces its data in place, as useChat does.
      const key = event.id === undefined ? undefined : `${event.name}\u0000${event.id}`;
      const existing = key === undefined ? undefined : state.dataItems?.get(key);
      if (existing !== undefined) {
        existing.data = event.data;
        return;
      }
      const part = withExt<PartOfType<'data'>>({ type: 'data', name: event.name, data: event.data }, event);
      if (event.id !== undefined) part.id = event.id;
      if (key !== undefined) (state.dataItems ??= new Map()).set(key, part);
      addPart(state, part);
    },
    raw(event) {
      dropped(event, `a raw ${event.format} record`, 'warning');
    },
  };

  // Both walk the member tree with a stack of their own: teams nested thousands of levels deep
  // (a parent_run_id chain) would overflow the call stack.
  function finish(top: RunState): void {
    const pending = [top];
    for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
      if (state.toolInput !== undefined) for (const toolCallId of [...state.toolInput.keys()]) settleToolInput(state, toolCallId);
      for (const member of state.run.members) {
        const memberState = states.get(member.runId);
        if (memberState !== undefined) pending.push(memberState);
      }
    }
  }

  function forget(top: Run): void {
    const pending = [top];
    for (let run = pending.pop(); run !== undefined; run = pending.pop()) {
      states.delete(run.runId);
      for (const member of run.members) pending.push(member);
    }
  }

  return {
    push(event) {
      dispatch(handlers, event, stateOf(event));
    },
    runs() {
      const runs = [...roots.values()];
      for (const run of runs) {
        const state = states.get(run.runId);
        if (state !== undefined) finish(state);
      }
      return runs;
    },
    isSettled(runId) {
      const status = states.get(runId)?.run.status;
      return status !== undefined && status !== 'running';
    },
    take(runId) {
      const run = roots.get(runId);
      if (run === undefined) return undefined;
      roots.delete(runId);
      const state = states.get(runId);
      if (state !== undefined) finish(state);
      forget(run);
      return run;
    },
  };
}

/**
 * Reduces canonical events to run snapshots: members nested under their parent run,
 * messages built from deltas, usage summed per run.
 */
export function accumulate(events: Iterable<CanonicalEvent>, options?: AccumulateOptions): Run[] {
  const accumulator = createAccumulator(options);
  for (const event of events) accumulator.push(event);
  return accumulator.runs();
}
