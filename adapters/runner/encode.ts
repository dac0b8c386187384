import type { CanonicalEvent } from '../../src/model/event.js';
import { type EventHandlers, dispatch } from '../../src/model/dispatch.js';
import { explodeMessage } from '../../src/model/explode.js';
import type { Part } from '../../src/model/snapshot.js';
import { endsRun, isRecord, reportForeignRaw, reportingInterleavedBlocks } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { defaultActions, type RunnerPart } from './schema.js';
import { append } from '../../src/model/append.js';

/** Options of the Runner encoder. */
export interface RunnerEncodeOptions {}

/**
 * How many sub-agent names a branch path holds. Deeper members keep their ancestor's branch: the
 * Runner decoder nests an agent_start inside the open run of the same branch, so the nesting
 * survives, and records stay linear in size (a full path per record is quadratic in the depth).
 */
const maxBranchDepth = 100;

interface RunTrack {
  /** The dot path of sub-agents, as `Context.derive` builds it. */
  branch: string;
  /** How many levels below the top-level run this one is. */
  depth: number;
  /** The top-level run this one belongs to: its id is the turn's `invocation_id`. */
  rootRunId: string;
  usageReported: boolean;
  /** On a top-level run: the ids of its member runs, let go with it when it ends. */
  members?: string[];
}

interface Block {
  text: string;
  /** Partials restate the whole text so far (ReAct thoughts and answers) rather than a delta. */
  cumulative: boolean;
}

type RecordOut = Record<string, unknown>;

/** The part of a record that differs by kind; the envelope is filled in by the encoder. */
interface RecordBody {
  type: string;
  parts: RunnerPart[];
  partial?: boolean | null;
  metadata?: Record<string, unknown>;
  user?: boolean;
}

/**
 * Writes langchain_adk 0.3.x `Event` records (`model_dump(mode="json")` form, every field, in
 * declaration order) from the canonical fields alone, the way a current LlmAgent under Runner
 * would emit them. (Records the Runner decoder read are written back verbatim by the pipeline.)
 */
export function createRunnerEncoder(context: AdapterContext, _options?: RunnerEncodeOptions): Encoder {
  return reportingInterleavedBlocks(context, createEventEncoder(context), 'a Runner agent');
}

function createEventEncoder(context: AdapterContext): Encoder {
  const runs = new Map<string, RunTrack>();
  /** Open text and reasoning blocks, by run and block id: block ids are a run's own. */
  const blocks = new Map<string, Map<string, Block>>();
  let lastTimestamp: number | undefined;
  /**
   * A final answer of another format, held until the next event: when the model goes on to call
   * tools it was text said before them, which LlmAgent (0.3.4+) sends only as partials and as
   * `llm_response.text` of the tool call, never as a final answer.
   */
  let held: { runId: string; text: string; record: RecordOut } | undefined;
  const saidBeforeCalls = new Map<string, string>();
  let reportedMissingTime = false;
  let reportedDeepBranch = false;

  /** Forgets a run's track (and a top-level run's members' tracks), with their said-before-calls texts and open blocks. */
  function letGo(runId: string, run: RunTrack | undefined): void {
    for (const member of run?.members ?? []) {
      runs.delete(member);
      saidBeforeCalls.delete(member);
      blocks.delete(member);
    }
    runs.delete(runId);
    saidBeforeCalls.delete(runId);
    blocks.delete(runId);
  }

  function track(event: CanonicalEvent): RunTrack {
    let run = runs.get(event.runId);
    if (run === undefined) {
      const parent = event.parentRunId === undefined ? undefined : runs.get(event.parentRunId);
      const name = event.actor?.name ?? '';
      const depth = parent === undefined ? (event.parentRunId === undefined ? 0 : 1) : parent.depth + 1;
      let branch = '';
      if (depth > maxBranchDepth && parent !== undefined) branch = parent.branch;
      else if (event.parentRunId !== undefined) branch = parent === undefined || parent.branch === '' ? name : `${parent.branch}.${name}`;
      if (depth === maxBranchDepth + 1 && !reportedDeepBranch) {
        reportedDeepBranch = true;
        context.report({
          code: 'approximated',
          level: 'info',
          runId: event.runId,
          message: `member runs nested deeper than ${maxBranchDepth} levels are written with the branch of their ancestor at that level; the agent_start records keep the nesting`,
        });
      }
      run = { branch, depth, rootRunId: parent?.rootRunId ?? event.runId, usageReported: false };
      runs.set(event.runId, run);
      if (run.rootRunId !== event.runId) {
        const root = runs.get(run.rootRunId);
        if (root !== undefined) (root.members ??= []).push(event.runId);
      }
      const readBack = `${run.rootRunId}/${branch}`;
      // A member run that starts with run-start names itself in its agent_start; others cannot.
      if (event.parentRunId !== undefined && event.runId !== readBack && event.type !== 'run-start') {
        context.report({
          code: 'approximated',
          level: 'info',
          runId: event.runId,
          message: `member run "${event.runId}" has no run-start to write its id in; Runner names it by its branch, so it reads back as "${readBack}"`,
        });
      }
    }
    return run;
  }

  function timestampOf(event: CanonicalEvent): number {
    if (event.time !== undefined) {
      lastTimestamp = event.time / 1000;
      return lastTimestamp;
    }
    if (!reportedMissingTime) {
      reportedMissingTime = true;
      context.report({
        code: 'approximated',
        level: 'info',
        eventType: event.type,
        runId: event.runId,
        message: 'events without a time: Runner records need a timestamp, so the last known time (or 0) was written',
      });
    }
    return lastTimestamp ?? 0;
  }

  function build(event: CanonicalEvent, body: RecordBody): RecordOut {
    const run = track(event);
    const name = event.actor?.name;
    return {
      id: context.mint('event'),
      type: body.type,
      timestamp: timestampOf(event),
      // langchain_adk leaves invocation_id empty on agent events; orxhestra 0.0.9+ sets it, and
      // it is the only place the root run id survives.
      invocation_id: run.rootRunId,
      session_id: event.sessionId ?? null,
      author: body.user === true ? 'user' : (name ?? ''),
      agent_name: body.user === true ? null : (name ?? null),
      branch: run.branch,
      partial: body.partial ?? null,
      turn_complete: body.partial !== true,
      content: { role: null, parts: body.parts },
      actions: actionsOf(event),
      metadata: body.metadata ?? {},
      llm_response: null,
    };
  }

  function textPart(text: string): RunnerPart {
    return { type: 'text', text, metadata: {} };
  }

  function dataPart(event: CanonicalEvent, data: unknown): RunnerPart {
    if (isRecord(data)) return { type: 'data', data, metadata: {} };
    context.report({
      code: 'approximated',
      level: 'info',
      eventType: event.type,
      runId: event.runId,
      message: 'a Runner DataPart holds a dict; the value was wrapped as {"value": …}',
    });
    return { type: 'data', data: { value: data }, metadata: {} };
  }

  function resultText(event: CanonicalEvent, value: unknown, what: string): string {
    if (typeof value === 'string') return value;
    context.report({
      code: 'approximated',
      level: 'info',
      eventType: event.type,
      runId: event.runId,
      message: `a Runner ToolResponsePart holds its ${what} as a string; it was written as JSON`,
    });
    return JSON.stringify(value) ?? '';
  }

  /** The part an event contributes to the record it belongs to, for content events. */
  function partOf(event: CanonicalEvent): RunnerPart | undefined {
    switch (event.type) {
      case 'tool-call': {
        let args = event.input;
        if (!isRecord(args)) {
          // ReActAgent (0.3.3+) passes a single string input as {"input": …}.
          args = { input: args };
          // A warning: the call reads back with {"input": …} as its input, not what the model sent.
          context.report({
            code: 'approximated',
            level: 'warning',
            eventType: event.type,
            runId: event.runId,
            message: `tool call "${event.toolCallId}" has arguments that are not an object; written as {"input": …} as ReActAgent does, and reads back so`,
          });
        }
        return { type: 'tool_call', tool_call_id: event.toolCallId, tool_name: event.toolName, args, metadata: {} };
      }
      case 'tool-result':
      case 'tool-error': {
        const failed = event.type === 'tool-error';
        return {
          type: 'tool_response',
          tool_call_id: event.toolCallId,
          tool_name: event.toolName ?? '',
          result: failed ? '' : resultText(event, event.output, 'result'),
          error: failed ? resultText(event, event.error, 'error') : null,
          metadata: {},
        };
      }
      case 'data':
        return dataPart(event, event.data);
      case 'file':
        return {
          type: 'file',
          uri: event.url ?? null,
          inline_bytes: event.data ?? null,
          mime_type: event.mediaType,
          name: event.name ?? null,
          metadata: {},
        };
      default:
        return undefined;
    }
  }

  function partsOf(event: CanonicalEvent): RunnerPart[] {
    const part = partOf(event);
    return part === undefined ? [] : [part];
  }

  function messagePart(event: CanonicalEvent, part: Part): RunnerPart | undefined {
    switch (part.type) {
      case 'text':
        return textPart(part.text);
      case 'data':
        return dataPart(event, part.data);
      case 'file':
        return partOf({ type: 'file', runId: event.runId, mediaType: part.mediaType, url: part.url, data: part.data, name: part.name });
      default:
        context.report({
          code: 'dropped',
          level: 'warning',
          eventType: event.type,
          runId: event.runId,
          message: `a ${part.type} part of a user message has no place in a Runner user_message and was left out`,
        });
        return undefined;
    }
  }

  function blockOf(event: { runId: string; id: string }, cumulative: boolean): Block {
    const block = blocks.get(event.runId)?.get(event.id);
    if (block !== undefined) return block;
    openBlock(event, cumulative);
    return blocks.get(event.runId)?.get(event.id) as Block;
  }

  /** Opens a block afresh: a start with the id of an open block begins it again. */
  function openBlock(event: { runId: string; id: string }, cumulative: boolean): void {
    let open = blocks.get(event.runId);
    if (open === undefined) blocks.set(event.runId, (open = new Map()));
    open.set(event.id, { text: '', cumulative });
  }

  /** The block an end closes, let go of. */
  function endBlock(event: { runId: string; id: string }, cumulative: boolean): Block {
    const block = blockOf(event, cumulative);
    const open = blocks.get(event.runId) as Map<string, Block>;
    open.delete(event.id);
    if (open.size === 0) blocks.delete(event.runId);
    return block;
  }

  function dropped(event: CanonicalEvent, what: string, level: 'info' | 'warning' = 'info'): [] {
    context.report({ code: 'dropped', level, eventType: event.type, runId: event.runId, message: `${what} has no Runner equivalent and was left out` });
    return [];
  }

  function reportUsage(event: CanonicalEvent, usage: unknown): void {
    const run = track(event);
    if (usage === undefined || run.usageReported) return;
    run.usageReported = true;
    context.report({
      code: 'dropped',
      level: 'info',
      eventType: event.type,
      runId: event.runId,
      message: 'token usage lives only in llm_response, which needs the LangChain message of the model turn; usage was left out',
    });
  }

  function errorRecord(event: CanonicalEvent, message: string, exceptionType: string | undefined): RecordOut {
    const metadata: Record<string, unknown> = { error: true };
    if (exceptionType !== undefined) metadata.exception_type = exceptionType;
    return build(event, { type: 'agent_message', parts: [textPart(message)], metadata });
  }

  function approximated(event: CanonicalEvent, message: string): void {
    context.report({ code: 'approximated', level: 'warning', eventType: event.type, runId: event.runId, message });
  }

  const handlers: EventHandlers<RecordOut[]> = {
    'run-start'(event) {
      if (event.parentRunId === undefined && event.input !== undefined) {
        // Runner (0.3.1+) opens a turn with the user's message, not with agent_start.
        const text = typeof event.input === 'string' ? event.input : JSON.stringify(event.input);
        if (typeof event.input !== 'string') approximated(event, 'the run input is not text; the user_message holds it as JSON');
        return [build(event, { type: 'user_message', parts: [textPart(text)], user: true })];
      }
      if (event.input !== undefined) dropped(event, 'the input of a member run');
      const run = track(event);
      // Runner names a member run by its branch; an id the branch does not give travels here.
      const named = event.parentRunId !== undefined && event.runId !== `${run.rootRunId}/${run.branch}`;
      return [build(event, { type: 'agent_start', parts: [], ...(named ? { metadata: { run_id: event.runId } } : {}) })];
    },
    'run-end'(event) {
      reportUsage(event, event.usage);
      // An explicit end, even for a turn opened by its user_message: the stream may go on.
      return [build(event, { type: 'agent_end', parts: [] })];
    },
    'run-error'(event) {
      return [errorRecord(event, event.error.message, event.error.type)];
    },
    'run-cancel'(event) {
      approximated(event, 'Runner has no cancellation event; written as an error event with exception_type "CancelledError"');
      return [errorRecord(event, event.reason ?? 'cancelled', 'CancelledError')];
    },
    'run-pause'(event) {
      approximated(event, 'Runner has no pause; written as an agent_message with metadata {"paused": true, "requirements": […]}');
      return [build(event, { type: 'agent_message', parts: [], metadata: { paused: true, requirements: event.requirements } })];
    },
    'run-resume'(event) {
      approximated(event, 'Runner has no resume; written as an agent_message with metadata {"resumed": true, "resolutions": […]}');
      const metadata = event.resolutions === undefined ? { resumed: true } : { resumed: true, resolutions: event.resolutions };
      return [build(event, { type: 'agent_message', parts: [], metadata })];
    },
    'step-start'() {
      return [];
    },
    'step-end'(event) {
      reportUsage(event, event.usage);
      return [];
    },
    'text-start'() {
      return [];
    },
    'text-delta'(event) {
      const block = blockOf(event, false);
      const text = block.cumulative ? block.text : event.delta;
      return [build(event, { type: 'agent_message', parts: [textPart(text)], partial: true })];
    },
    'text-end'(event) {
      const block = endBlock(event, false);
      if (event.citations !== undefined) dropped(event, 'citations');
      const record = build(event, { type: 'agent_message', parts: [textPart(block.text)], partial: false });
      // Held until the next event: a tool call of the run makes it text said before the call.
      held = { runId: event.runId, text: block.text, record };
      return [];
    },
    'reasoning-start'() {
      return [];
    },
    'reasoning-delta'(event) {
      const block = blockOf(event, true);
      const text = block.cumulative ? block.text : event.delta;
      return [build(event, { type: 'agent_message', parts: [textPart(text)], partial: true, metadata: { react_step: 'thought' } })];
    },
    'reasoning-end'(event) {
      const block = endBlock(event, true);
      return [build(event, { type: 'agent_message', parts: [textPart(block.text)], partial: false, metadata: { react_step: 'thought' } })];
    },
    'reasoning-step'(event) {
      // ReAct's action and observation restate the tool call and its result, written anyway.
      return dropped(event, 'a reasoning step');
    },
    'tool-input-start'() {
      // Runner never streams tool arguments (0.3.x); the tool-call event that follows has them whole.
      return [];
    },
    'tool-input-delta'() {
      return [];
    },
    'tool-call'(event) {
      const record = build(event, { type: 'agent_message', parts: partsOf(event) });
      const said = saidBeforeCalls.get(event.runId);
      if (said !== undefined) {
        saidBeforeCalls.delete(event.runId);
        const [call] = partsOf(event);
        const toolCalls = call === undefined ? [] : [{ id: call.tool_call_id, name: call.tool_name, args: call.args }];
        record.llm_response = { text: said, model_version: null, input_tokens: null, output_tokens: null, tool_calls: toolCalls, partial: false, raw_message: null };
      }
      return [record];
    },
    'tool-result'(event) {
      return [build(event, { type: 'tool_response', parts: partsOf(event) })];
    },
    'tool-error'(event) {
      return [build(event, { type: 'tool_response', parts: partsOf(event) })];
    },
    message(event) {
      const message = event.message;
      if (message.role === 'user') {
        const parts = message.parts.map((part) => messagePart(event, part)).filter((part) => part !== undefined);
        return [build(event, { type: 'user_message', parts, user: true })];
      }
      if (message.role === 'system') return dropped(event, 'a system message', 'warning');
      const envelope = { runId: event.runId, parentRunId: event.parentRunId, sessionId: event.sessionId, actor: event.actor, time: event.time };
      const out: RecordOut[] = [];
      for (const part of explodeMessage(message, envelope, context.mint('message'))) {
        observeBlocks(part);
        append(append(out, release(part)), dispatch(handlers, part, undefined));
      }
      return out;
    },
    'activity-start'(event) {
      return dropped(event, `the activity "${event.name}"`);
    },
    'activity-end'(event) {
      return dropped(event, `the activity "${event.name}"`);
    },
    file(event) {
      return [build(event, { type: 'agent_message', parts: partsOf(event) })];
    },
    source(event) {
      return dropped(event, 'a source');
    },
    state(event) {
      if (!isRecord(event.delta ?? event.snapshot)) return dropped(event, 'a state change that is not an object', 'warning');
      if (event.delta === undefined && event.snapshot !== undefined) {
        approximated(event, 'Runner carries state changes only as actions.state_delta; the snapshot was written as a delta');
      }
      return [build(event, { type: 'agent_message', parts: [] })];
    },
    handoff(event) {
      return [build(event, { type: 'agent_message', parts: [] })];
    },
    data(event) {
      const lost = [event.name === structuredOutputName ? '' : `the name "${event.name}"`, event.id === undefined ? '' : `the id "${event.id}"`].filter((what) => what !== '');
      if (lost.length > 0) {
        const [verb, participle] = lost.length === 1 ? ['has', 'was'] : ['have', 'were'];
        context.report({ code: 'dropped', level: 'info', eventType: event.type, runId: event.runId, message: `${lost.join(' and ')} of a data event ${verb} no Runner equivalent and ${participle} left out` });
      }
      // A transient part is a partial event: the session service never appends a partial event, and
      // LlmAgent leaves partials out of the history it rebuilds, so it reaches the stream alone.
      return [build(event, { type: 'agent_message', parts: partsOf(event), ...(event.transient === true ? { partial: true } : {}) })];
    },
    raw(event) {
      reportForeignRaw(context, event, 'Runner');
      return [];
    },
  };

  /** Writes the held final answer unless the event shows it was said before tool calls. */
  function release(event: CanonicalEvent): RecordOut[] {
    if (held === undefined) return [];
    const sameRun = event.runId === held.runId;
    if (sameRun && event.type === 'tool-call') {
      saidBeforeCalls.set(held.runId, held.text);
      held = undefined;
      return [];
    }
    // Events that write nothing (step bounds, streamed tool input) keep it held.
    if (sameRun && silentTypes.has(event.type)) return [];
    const out = [held.record];
    held = undefined;
    return out;
  }

  function observeBlocks(event: CanonicalEvent): void {
    switch (event.type) {
      case 'text-start':
      case 'reasoning-start':
        openBlock(event, event.type === 'reasoning-start');
        return;
      case 'text-delta':
      case 'reasoning-delta':
        blockOf(event, event.type === 'reasoning-delta').text += event.delta;
        return;
      default:
        return;
    }
  }

  return {
    push(event) {
      const run = track(event);
      observeBlocks(event);
      const out = release(event);
      for (const record of dispatch(handlers, event, undefined)) out.push(record);
      // A top-level run that ended takes its members' tracks with it: a log of a million turns
      // keeps only the open ones.
      if (run.rootRunId === event.runId && endsRun(event)) letGo(event.runId, run);
      // A pause or an error cuts the run's open blocks: no end will come for them.
      else if (endsRun(event) || event.type === 'run-pause') blocks.delete(event.runId);
      return out;
    },
    flush() {
      const out = held === undefined ? [] : [held.record];
      held = undefined;
      blocks.clear();
      saidBeforeCalls.clear();
      return out;
    },
    forget(runId) {
      letGo(runId, runs.get(runId));
      // A final answer held for this run is written, as flush writes it.
      const out = held?.runId === runId ? [held.record] : [];
      if (held?.runId === runId) held = undefined;
      return out;
    },
  };
}

/** `actions` of the record an event is written as: a state change or a handoff is said there. */
function actionsOf(event: CanonicalEvent): Record<string, unknown> {
  const actions = defaultActions();
  if (event.type === 'state') {
    const delta = event.delta ?? event.snapshot;
    if (isRecord(delta)) actions.state_delta = delta;
  } else if (event.type === 'handoff') {
    actions.transfer_to_agent = event.to;
  }
  return actions;
}

const silentTypes = new Set<string>(['step-start', 'step-end', 'tool-input-start', 'tool-input-delta']);

/** The name of the data event a Runner `DataPart` (structured output) becomes. */
export const structuredOutputName = 'structured_output';
