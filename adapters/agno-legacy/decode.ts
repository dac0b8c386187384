import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { explode } from '../../src/model/explode.js';
import { type ContentMode, type TextStream, createTextStream, endsRun, handlerTable, isRecord, reportRestatement } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { citedSources, readReasoningStep } from '../agno/index.js';
import { intermediateTextExt } from '../agno/intermediate.js';
import { mediaFile } from '../agno/media.js';
import { actorOf, isLegacyAggregate, readAggregate } from './aggregate.js';
import { usageFromLegacyMetrics } from './metrics.js';
import { type LegacyEra, type LegacyKind, eraAKinds, eraBAgentKinds, eraBTeamKinds, legacyFormatName } from './schema.js';
import { readToolExecution, requirementOf } from './tool-execution.js';

/** Options of the agno 1.x decoder. */
export interface LegacyDecodeOptions {
  /**
   * How content values are read: `auto` (default) reads a run's content as cumulative only when
   * consecutive values each restate the whole text so far, and reports it; `delta` when the source
   * never restates; `cumulative` when every value is the whole text so far.
   */
  content?: ContentMode;
  /**
   * Handlers that replace the default ones (`legacyEventHandlers`) for the event kinds they
   * name, for this decoder only: a kind is what a 1.x event string means in its era
   * (`content` for `RunResponse` chunks and `RunResponseContent`). A handler may call the
   * default of its kind and change what it returns.
   */
  handlers?: Partial<LegacyEventHandlers>;
}

/**
 * Decodes one agno 1.x event of a known kind into canonical events; module-level, with the
 * decoder's state, the record, its envelope and its era.
 */
export type LegacyEventHandler = (decoder: LegacyDecoderState, record: Record<string, unknown>, envelope: Envelope, era: LegacyEra) => LegacyTranslation;

/** Handlers by agno 1.x event kind. */
export type LegacyEventHandlers = Readonly<Record<LegacyKind, LegacyEventHandler>>;

/** The state of one agno 1.x decoder that its handlers read and change. */
export interface LegacyDecoderState {
  readonly context: AdapterContext;
  readonly options: LegacyDecodeOptions;
  /** The runs still open, by id. */
  readonly states: Map<string, LegacyRunState>;
  /** Team tool calls in flight (the delegations), innermost last. */
  readonly delegations: { runId: string; toolCallId: string }[];
}

/** Event strings that only era A wrote. */
const eraAOnly = new Set(['RunResponse', 'UpdatingMemory', 'WorkflowStarted', 'WorkflowCompleted']);
/** Era B classes that have `content_type`; on any other shared string it marks an era A chunk. */
const typedInEraB = new Set(['RunCompleted', 'ReasoningStep', 'ReasoningCompleted']);

/**
 * Tells era A from era B for one event record. The strings shared by both eras differ in
 * their fields: era A chunks are whole `RunResponse`s (`content_type` everywhere, `tools` lists,
 * `member_responses` on teams), era B events are slim classes.
 */
export function eraOfRecord(record: Record<string, unknown>): LegacyEra {
  const name = String(record.event);
  if (eraAOnly.has(name)) return 'A';
  if (eraBTeamKinds.has(name) || (eraBAgentKinds.has(name) && !eraAKinds.has(name))) return 'B';
  if ('team_id' in record || 'messages' in record || 'metrics' in record || 'formatted_tool_calls' in record) return 'A';
  if (Array.isArray(record.tools) && name !== 'RunPaused') return 'A';
  if ('content_type' in record && !typedInEraB.has(name)) return 'A';
  return 'B';
}

function kindOf(name: string, era: LegacyEra): LegacyKind | undefined {
  if (era === 'A') return eraAKinds.get(name);
  return eraBAgentKinds.get(name) ?? eraBTeamKinds.get(name);
}

/** What the decoder knows of one open run. */
export interface LegacyRunState {
  text: TextStream | undefined;
  textId: string | undefined;
  /** The reasoning part of `thinking` / `reasoning_content` in content events. */
  reasoningId: string | undefined;
  /** The reasoning part between `ReasoningStarted` and `ReasoningCompleted` (agno's reasoning agent). */
  stepsId: string | undefined;
  /** The envelope of the run's last record, for the parts a cut stream leaves open. */
  envelope: Envelope | undefined;
  /** Whether the open text is intermediate content (the main model's draft before an output model, 1.7.9+). */
  intermediate: boolean;
  /** Whether this run's content was reported as read cumulatively. */
  restated: boolean;
  /** Tool calls waiting for their outcome, by id: the outcome's record restates their arguments. */
  calls: Map<string, CanonicalEvent>;
}

/** What one record becomes: its events, and the one it is about (none: the record said nothing). */
export interface LegacyTranslation {
  events: CanonicalEvent[];
  primary: CanonicalEvent | undefined;
}

const structuralTypes = new Set(['text-start', 'text-end', 'reasoning-start', 'reasoning-end']);

function stateOf(decoder: LegacyDecoderState, runId: string): LegacyRunState {
  let state = decoder.states.get(runId);
  if (state === undefined) {
    state = {
      text: undefined,
      textId: undefined,
      reasoningId: undefined,
      stepsId: undefined,
      envelope: undefined,
      intermediate: false,
      restated: false,
      calls: new Map(),
    };
    decoder.states.set(runId, state);
  }
  return state;
}

/** Ends the open text and reasoning; `cut` (at RunError) writes no end: agno never said they were done. */
function close(decoder: LegacyDecoderState, envelope: Envelope, events: CanonicalEvent[], cut = false): void {
  const state = stateOf(decoder, envelope.runId);
  if (state.reasoningId !== undefined && !cut) events.push({ type: 'reasoning-end', ...envelope, id: state.reasoningId });
  if (state.textId !== undefined) {
    // Content held back undecided is said now, by the record that ends the text.
    const rest = state.text?.release() ?? '';
    if (rest !== '') events.push({ type: 'text-delta', ...envelope, id: state.textId, delta: rest });
    if (!cut) events.push({ type: 'text-end', ...envelope, id: state.textId });
  }
  state.reasoningId = undefined;
  state.textId = undefined;
  state.text = undefined;
}

function endDelegation(decoder: LegacyDecoderState, runId: string, toolCallId?: string): void {
  const { delegations } = decoder;
  for (let index = delegations.length - 1; index >= 0; index -= 1) {
    const delegation = delegations[index];
    if (delegation?.runId === runId && (toolCallId === undefined || delegation.toolCallId === toolCallId)) delegations.splice(index, 1);
  }
}

/** A content event: reasoning, text or structured content, and the sources and media it holds. */
function content(decoder: LegacyDecoderState, record: Record<string, unknown>, envelope: Envelope, intermediate: boolean): LegacyTranslation {
  const { context } = decoder;
  const state = stateOf(decoder, envelope.runId);
  const events: CanonicalEvent[] = [];
  // The draft and the final answer are two texts, as the agno adapter reads RunIntermediateContent.
  if (state.textId !== undefined && state.intermediate !== intermediate) close(decoder, envelope, events);
  let primary: CanonicalEvent | undefined;
  const thinking = thinkingOf(record);
  if (thinking !== undefined) {
    if (state.reasoningId === undefined) {
      state.reasoningId = context.mint('reasoning');
      events.push({ type: 'reasoning-start', ...envelope, id: state.reasoningId });
    }
    events.push({ type: 'reasoning-delta', ...envelope, id: state.reasoningId, delta: thinking });
  }
  const text = record.content;
  if (typeof text === 'string' || (text === undefined && thinking === undefined && !hasMedia(record))) {
    if (state.reasoningId !== undefined) {
      events.push({ type: 'reasoning-end', ...envelope, id: state.reasoningId });
      state.reasoningId = undefined;
    }
    if (state.textId === undefined) {
      state.textId = context.mint('text');
      state.intermediate = intermediate;
      state.text = createTextStream(decoder.options.content ?? 'auto');
      events.push({ type: 'text-start', ...envelope, id: state.textId, ...(intermediate ? { ext: intermediateTextExt() } : {}) });
    }
    // Content may restate the text so far; the stream keeps only what is new.
    const delta = state.text?.push(text ?? '') ?? '';
    if (state.text?.sawCumulative === true && !state.restated) {
      state.restated = true;
      reportRestatement(context, envelope.runId, String(record.event), 'agno-legacy');
    }
    primary = { type: 'text-delta', ...envelope, id: state.textId, delta };
    events.push(primary);
  } else if (text !== undefined && text !== null) {
    primary = { type: 'data', ...envelope, name: 'content', data: text };
    events.push(primary);
  }
  // Most content records hold no citations or media: nothing is allocated to find that out.
  if (record.citations !== undefined) for (const cited of citedSources(record.citations)) events.push({ type: 'source', ...envelope, ...cited });
  if (record.image !== undefined) mediaFile(envelope, record.image, 'image', events);
  if (record.response_audio !== undefined) mediaFile(envelope, record.response_audio, 'audio', events);
  return { events, primary: primary ?? events.find((event) => !structuralTypes.has(event.type)) };
}

/** The reasoning a content record holds (`thinking`, `reasoning_content`, both joined by a line break), or undefined. */
function thinkingOf(record: Record<string, unknown>): string | undefined {
  const thinking = typeof record.thinking === 'string' && record.thinking !== '' ? record.thinking : undefined;
  const reasoning = typeof record.reasoning_content === 'string' && record.reasoning_content !== '' ? record.reasoning_content : undefined;
  if (thinking === undefined) return reasoning;
  return reasoning === undefined ? thinking : `${thinking}\n${reasoning}`;
}

/** The tool executions of a record: their calls when started, else their outcomes. */
function tools(decoder: LegacyDecoderState, record: Record<string, unknown>, envelope: Envelope, era: LegacyEra, started: boolean): LegacyTranslation {
  const { context } = decoder;
  const list = era === 'A' ? (Array.isArray(record.tools) ? record.tools : []) : [record.tool];
  const events: CanonicalEvent[] = [];
  close(decoder, envelope, events);
  for (const tool of list) {
    if (!isRecord(tool)) continue;
    const facts = readToolExecution(tool);
    let toolCallId = facts.toolCallId;
    if (toolCallId === undefined) {
      toolCallId = context.mint('call');
      context.report({ code: 'minted', level: 'info', runId: envelope.runId, eventType: String(record.event), message: `a tool execution without tool_call_id was given the id ${toolCallId}` });
    }
    const toolName = facts.toolName;
    if (envelope.actor?.kind === 'team') {
      if (started) decoder.delegations.push({ runId: envelope.runId, toolCallId });
      else endDelegation(decoder, envelope.runId, toolCallId);
    }
    if (started) {
      const call: CanonicalEvent = { type: 'tool-call', ...envelope, toolCallId, toolName: toolName ?? '', input: facts.input };
      stateOf(decoder, envelope.runId).calls.set(toolCallId, call);
      events.push(call);
      continue;
    }
    restateCall(decoder, envelope.runId, toolCallId);
    if (facts.failed) events.push({ type: 'tool-error', ...envelope, toolCallId, ...(toolName === undefined ? {} : { toolName }), error: facts.result });
    else events.push({ type: 'tool-result', ...envelope, toolCallId, ...(toolName === undefined ? {} : { toolName }), output: facts.result });
  }
  const actions = events.filter((event) => !structuralTypes.has(event.type));
  return { events, primary: actions.at(-1) };
}

/** A tool call's outcome restates the call's arguments: its record is written back only if the call arrived unchanged. */
function restateCall(decoder: LegacyDecoderState, runId: string, toolCallId: string): void {
  const calls = stateOf(decoder, runId).calls;
  const call = calls.get(toolCallId);
  if (call === undefined) return;
  calls.delete(toolCallId);
  decoder.context.restates?.(call);
}

function single(events: CanonicalEvent[], event: CanonicalEvent): LegacyTranslation {
  events.push(event);
  return { events, primary: event };
}


/** `RunStarted`: the run's start, with its model. */
const runStarted: LegacyEventHandler = (_decoder, record, envelope) => {
  const start: CanonicalEvent = { type: 'run-start', ...envelope };
  if (typeof record.model === 'string' && record.model !== '') start.model = record.model;
  if (typeof record.model_provider === 'string' && record.model_provider !== '') start.provider = record.model_provider;
  return single([], start);
};

/** `RunCompleted`: ends the run, with its output and usage. */
const runCompleted: LegacyEventHandler = (decoder, record, envelope) => {
  const events: CanonicalEvent[] = [];
  close(decoder, envelope, events);
  endDelegation(decoder, envelope.runId);
  const end: CanonicalEvent = { type: 'run-end', ...envelope };
  if (record.content !== undefined) end.output = record.content;
  const usage = usageFromLegacyMetrics(record.metrics);
  if (usage !== undefined) end.usage = usage;
  return single(events, end);
};

/** `RunError`: the run fails; its open text and reasoning are cut, not ended. */
const runError: LegacyEventHandler = (decoder, record, envelope) => {
  const events: CanonicalEvent[] = [];
  close(decoder, envelope, events, true);
  endDelegation(decoder, envelope.runId);
  return single(events, { type: 'run-error', ...envelope, error: { message: typeof record.content === 'string' ? record.content : '' } });
};

/** `RunCancelled`: the run is cancelled, with its reason (era A says it in `content`); its open text and reasoning are cut. */
const runCancelled: LegacyEventHandler = (decoder, record, envelope, era) => {
  const events: CanonicalEvent[] = [];
  close(decoder, envelope, events, true);
  endDelegation(decoder, envelope.runId);
  const reason = typeof record.reason === 'string' ? record.reason : era === 'A' && typeof record.content === 'string' ? record.content : undefined;
  return single(events, { type: 'run-cancel', ...envelope, ...(reason === undefined ? {} : { reason }) });
};

/**
 * Whether an agent's pause or continue belongs to the team run it names: 1.x teams have none, so
 * the team's own is written as the agent event with the team's id in `agent_id`.
 */
function isTeamPause(kind: LegacyKind, envelope: Envelope, previous: Envelope | undefined): boolean {
  const team = previous?.actor;
  if ((kind !== 'run-paused' && kind !== 'run-continued') || team?.kind !== 'team') return false;
  return envelope.actor?.kind === 'agent' && envelope.actor.id === team.id && envelope.actor.name === team.name;
}

/** `RunPaused`: the run waits for its paused tools. */
const runPaused: LegacyEventHandler = (decoder, record, envelope) => {
  const events: CanonicalEvent[] = [];
  close(decoder, envelope, events);
  const list = Array.isArray(record.tools) ? record.tools.filter(isRecord) : [];
  return single(events, { type: 'run-pause', ...envelope, requirements: list.map((tool) => requirementOf(tool, decoder.context.mint('requirement'))) });
};

/** `ReasoningStarted`: the reasoning agent's block opens. */
const reasoningStarted: LegacyEventHandler = (decoder, _record, envelope) => {
  const events: CanonicalEvent[] = [];
  close(decoder, envelope, events);
  const state = stateOf(decoder, envelope.runId);
  state.stepsId = decoder.context.mint('reasoning');
  return single(events, { type: 'reasoning-start', ...envelope, id: state.stepsId });
};

/** `ReasoningCompleted`: the reasoning agent's block ends (one is given an id when none opened). */
const reasoningCompleted: LegacyEventHandler = (decoder, _record, envelope) => {
  const current = stateOf(decoder, envelope.runId);
  const id = current.stepsId ?? decoder.context.mint('reasoning');
  current.stepsId = undefined;
  return single([], { type: 'reasoning-end', ...envelope, id });
};

/** The start of an activity bracket (memory update, parser or output model, workflow). */
function activityStart(name: string): LegacyEventHandler {
  return (_decoder, _record, envelope) => single([], { type: 'activity-start', ...envelope, name });
}

/** The end of an activity bracket. */
function activityEnd(name: string): LegacyEventHandler {
  return (_decoder, _record, envelope) => single([], { type: 'activity-end', ...envelope, name });
}

/** The default handlers, by agno 1.x event kind. */
export const legacyEventHandlers: LegacyEventHandlers = {
  'run-started': runStarted,
  content: (decoder, record, envelope) => content(decoder, record, envelope, false),
  'intermediate-content': (decoder, record, envelope) => content(decoder, record, envelope, true),
  'run-completed': runCompleted,
  'run-error': runError,
  'run-cancelled': runCancelled,
  'run-paused': runPaused,
  'run-continued': (_decoder, _record, envelope) => single([], { type: 'run-resume', ...envelope }),
  'tool-call-started': (decoder, record, envelope, era) => tools(decoder, record, envelope, era, true),
  'tool-call-completed': (decoder, record, envelope, era) => tools(decoder, record, envelope, era, false),
  'reasoning-step': (_decoder, record, envelope) => single([], { type: 'reasoning-step', ...envelope, ...readReasoningStep(record.content) }),
  'reasoning-started': reasoningStarted,
  'reasoning-completed': reasoningCompleted,
  // The brackets of `activityKinds` (write-record.ts), the names the encoder writes back.
  'memory-update-started': activityStart('memory-update'),
  'memory-update-completed': activityEnd('memory-update'),
  'updating-memory': activityEnd('memory-update'),
  'parser-model-started': activityStart('parser-model'),
  'parser-model-completed': activityEnd('parser-model'),
  'output-model-started': activityStart('output-model'),
  'output-model-completed': activityEnd('output-model'),
  'workflow-started': activityStart('workflow'),
  'workflow-completed': activityEnd('workflow'),
};

/**
 * Decodes agno 1.x records: era B events (1.6 – 1.8), era A chunks (1.0 – 1.5) and stored
 * `RunResponse` / `TeamRunResponse` aggregates. Member runs interleaved in a team stream get
 * the enclosing team run as their parent (1.x events name no parent).
 */
export function createLegacyDecoder(context: AdapterContext, options: LegacyDecodeOptions = {}): Decoder {
  const decoder: LegacyDecoderState = { context, options, states: new Map(), delegations: [] };
  const { states, delegations } = decoder;
  const handlers = handlerTable(legacyEventHandlers, options.handlers);
  const parents = new Map<string, string | undefined>();
  const seenRuns = new Set<string>();
  /** The runs of each top-level run's tree, forgotten together when it ends: memory stays bounded by open runs. */
  const trees = new Map<string, Set<string>>();

  function rootOf(runId: string): string {
    // A top-level run or a member of one (nearly every record) needs no walk and no visited set.
    const parent = parents.get(runId);
    if (parent === undefined) return runId;
    if (parents.get(parent) === undefined) return parent;
    let root = runId;
    // Parents are set once, at a run's first record, so the chain ends; the guard only bounds malformed input.
    const visited = new Set<string>([root]);
    for (let parent = parents.get(root); parent !== undefined && !visited.has(parent); parent = parents.get(root)) {
      visited.add(parent);
      root = parent;
    }
    return root;
  }

  function remember(runId: string): void {
    const root = rootOf(runId);
    let tree = trees.get(root);
    if (tree === undefined) {
      tree = new Set();
      trees.set(root, tree);
    }
    tree.add(runId);
  }

  function forgetIfTopLevel(runId: string): void {
    if (parents.get(runId) !== undefined) return;
    for (const member of trees.get(runId) ?? []) {
      states.delete(member);
      parents.delete(member);
      seenRuns.delete(member);
    }
    trees.delete(runId);
  }

  function unknown(record: unknown, why: string): CanonicalEvent[] {
    context.report({ code: 'unknown-event', level: 'warning', eventType: isRecord(record) ? String(record.event) : undefined, message: `${why}; kept as a raw agno-legacy record` });
    const runId = isRecord(record) && typeof record.run_id === 'string' ? record.run_id : 'unknown';
    return [{ type: 'raw', runId, format: legacyFormatName, payload: record }];
  }

  function envelopeOf(record: Record<string, unknown>, kind: LegacyKind): Envelope {
    let runId = record.run_id;
    if (typeof runId !== 'string') {
      runId = context.mint('run');
      context.report({ code: 'minted', level: 'info', eventType: String(record.event), message: `a record without run_id was given the run id ${String(runId)}` });
    }
    const envelope: Envelope = { runId: runId as string };
    seenRuns.add(envelope.runId);
    const actor = actorOf(record);
    // 1.x events name no parent (reference §7.2, §13): a run first seen while a team's tool call is
    // in flight was started by that delegation. Tool calls, not TeamRunStarted, since without
    // stream_intermediate_steps 1.6 – 1.8 stream no run start or end, only tool calls and content.
    if (!parents.has(envelope.runId)) {
      const top = delegations.at(-1)?.runId;
      parents.set(envelope.runId, top !== undefined && top !== envelope.runId ? top : undefined);
    }
    const parent = parents.get(envelope.runId);
    if (parent !== undefined) envelope.parentRunId = parent;
    remember(envelope.runId);
    if (typeof record.session_id === 'string') envelope.sessionId = record.session_id;
    if (actor !== undefined) envelope.actor = actor;
    if (typeof record.created_at === 'number') envelope.time = record.created_at * 1000;
    return envelope;
  }

  function decodeEvent(record: Record<string, unknown>): CanonicalEvent[] {
    const era = eraOfRecord(record);
    const kind = kindOf(String(record.event), era);
    if (kind === undefined) return unknown(record, `"${String(record.event)}" is not an agno 1.x event`);
    const envelope = envelopeOf(record, kind);
    const state = stateOf(decoder, envelope.runId);
    if (isTeamPause(kind, envelope, state.envelope)) envelope.actor = state.envelope?.actor;
    state.envelope = envelope;
    // One lookup per record: every kind has a handler (the defaults cover them all).
    const { events, primary } = handlers[kind](decoder, record, envelope, era);
    if (primary === undefined) return unknown(record, `"${String(record.event)}" carried nothing to decode`);
    // Only team records embed member responses: the others return the handler's events as they are.
    const all = Array.isArray(record.member_responses) ? [...events, ...unstreamedMembers(record.member_responses, envelope.runId)] : events;
    const ended = events.some((event) => event.runId === envelope.runId && endsRun(event));
    if (ended) forgetIfTopLevel(envelope.runId);
    return all;
  }

  /**
   * Member runs a team record embeds in `member_responses` that the stream did not carry
   * itself (1.0 – 1.5 never streamed members; 1.6+ with stream_member_events off): they become
   * canonical member runs, linked to the record that embeds them.
   */
  function unstreamedMembers(responses: unknown[], parentRunId: string): CanonicalEvent[] {
    const events: CanonicalEvent[] = [];
    for (const member of responses) {
      if (!isRecord(member) || (typeof member.run_id === 'string' && seenRuns.has(member.run_id))) continue;
      const run = readAggregate(member, context, typeof member.event === 'string' ? 'A' : 'B', parentRunId);
      for (const event of explode([run])) {
        if (!seenRuns.has(event.runId)) {
          seenRuns.add(event.runId);
          parents.set(event.runId, event.parentRunId);
          remember(event.runId);
        }
        events.push(event);
      }
    }
    return events;
  }

  return {
    push(record) {
      if (!isRecord(record)) return unknown(record, 'not a JSON object');
      if (isLegacyAggregate(record)) {
        const era: LegacyEra = typeof record.event === 'string' ? 'A' : 'B';
        return explode([readAggregate(record, context, era)], { snapshot: true });
      }
      if (typeof record.event !== 'string') return unknown(record, 'a record without an `event` string');
      return decodeEvent(record);
    },
    flush() {
      const events: CanonicalEvent[] = [];
      for (const [runId, state] of states) {
        if (state.textId === undefined && state.reasoningId === undefined) continue;
        close(decoder, state.envelope ?? { runId }, events);
      }
      return events;
    },
    forget(runId) {
      const events: CanonicalEvent[] = [];
      const state = states.get(runId);
      if (state !== undefined && (state.textId !== undefined || state.reasoningId !== undefined)) close(decoder, state.envelope ?? { runId }, events);
      if (parents.get(runId) === undefined) forgetIfTopLevel(runId);
      else trees.get(rootOf(runId))?.delete(runId);
      states.delete(runId);
      parents.delete(runId);
      seenRuns.delete(runId);
      return events;
    },
  };
}

function hasMedia(record: Record<string, unknown>): boolean {
  return isRecord(record.image) || isRecord(record.response_audio) || isRecord(record.citations);
}
