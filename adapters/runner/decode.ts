import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { type Actor, type ErrorInfo, type Part, type Requirement, type Resolution, requirementSchema, resolutionSchema } from '../../src/model/snapshot.js';
import { type Usage, addUsage } from '../../src/model/usage.js';
import { type RepeatedIssue, type TextStream, createRepeatedIssue, createTextStream, isRecord, schemaIssueText } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { partType, partsOf, textOf } from './content.js';
import { structuredOutputName } from './encode.js';
import { truthy } from './is-final-response.js';
import { type UnifiedView, isLegacyType, unifiedView } from './legacy.js';
import { fitsPart, fitsRunnerEnvelope, partSchemas, runnerEnvelopeSchema, runnerEventTypes } from './schema.js';
import { append } from '../../src/model/append.js';
import { type OldestFirst, createOldestFirst } from '../../src/model/oldest-first.js';

/** Options of the Runner decoder. */
export interface RunnerDecodeOptions {}

interface Block {
  id: string;
  stream: TextStream;
  cumulative: boolean;
}

interface RunState {
  runId: string;
  parentRunId?: string;
  actor?: Actor;
  status: 'open' | 'completed' | 'error' | 'cancelled' | 'paused';
  /** The error that ended the run, which a composite parent ends with when it ends the turn. */
  error?: ErrorInfo;
  /** Opened without an agent_start (langchain_adk 0.3.4+ emits none). */
  synthesized: boolean;
  branch: string;
  /** A sub-agent gave its final answer: its astream has returned, the next record ends the run. */
  finished: boolean;
  text?: Block;
  reasoning?: Block;
  sawFinal: boolean;
  output?: unknown;
  usage?: Usage;
  /** The last `llm_response` whose usage was counted: a restatement of it counts nothing. */
  lastLlmResponse?: Record<string, unknown>;
  /** Text streamed since the last tool response, so text of `llm_response` is not said twice. */
  streamedText: boolean;
  members: RunState[];
  /**
   * Legacy hierarchy A tool calls have no id: minted ids waiting for their result, by tool name.
   * Made at the first such call (an empty Map is about 200 bytes, and up to 1024 turns are kept).
   */
  unanswered?: Map<string, string[]>;
  /** The canonical id each source tool call id stands for now (ReAct's `react_<tool>` repeats); made at the first call. */
  callIds?: Map<string, string>;
}

interface Turn {
  id: string;
  /** Open runs per branch; agent_start inside an open run (0.3.3 wrappers) stacks a member run. */
  stacks: Map<string, RunState[]>;
  roots: RunState[];
}

interface Session {
  /** The session id the records give (`''` when they give none). */
  key: string;
  turn?: Turn;
  /** When the session last took the newest place in {@link DecoderState.sessions}' order. */
  placed: number;
}

/** A place in the order of the sessions, valid while its session has not moved since. */
interface SessionPlace {
  session: Session;
  placed: number;
}

/**
 * Sessions with an open turn a decoder keeps. A Runner turn ends only when the next turn of its
 * session starts, or at the end of the input: a log of many sessions would keep every last turn
 * until then. Past this, the turn of the session least recently opened is ended as the end of
 * the input ends it (reported once), so memory is bounded by the sessions in flight.
 */
const openSessionLimit = 1024;

/** Run ids remembered to keep a later run's id apart from theirs; the oldest are forgotten first. */
const rememberedRunIds = 10_000;

const knownTypes = new Set<string>(runnerEventTypes);

/** The shared empty list of released runs, for the records that close no turn (nearly all). */
const noRunIds: readonly string[] = Object.freeze([]);

/** What a Runner decoder keeps between records; every handler takes it as its first argument. */
interface DecoderState {
  context: AdapterContext;
  /** In the order each session was added or last opened a turn: the least recently opened first. */
  sessions: Map<string, Session>;
  /**
   * The same order, to find the oldest session: the Map's own iterator would pass every session
   * deleted or moved before the first one left (a new turn of a new session each time).
   */
  sessionOrder: OldestFirst<SessionPlace>;
  /** Places given so far in {@link DecoderState.sessionOrder}. */
  places: number;
  usedRunIds: Set<string>;
  /**
   * The same ids in the order they were added, as a ring: the oldest is forgotten first. A
   * `Set`'s own iterator passes every id deleted before the first one left, so taking the
   * oldest from it cost more with each run once the set was full.
   */
  runIdOrder: string[];
  /** Where the oldest id of {@link DecoderState.runIdOrder} is, once the ring is full. */
  oldestRunId: number;
  /** A user_message held until the next record, which names the agent that answers it. */
  pendingUser: { session: Session; record: Record<string, unknown> } | undefined;
  /** Whether a turn was ended early to keep memory bounded (reported once). */
  evicted: boolean;
  /** Runs opened, and ended, without an agent_start / agent_end: every run of 0.3.4+, so reported once and counted. */
  synthesizedStarts: RepeatedIssue;
  synthesizedEnds: RepeatedIssue;
  /** Turns without an invocation_id (every turn of a log of agent events only), reported once and counted. */
  mintedTurnIds: RepeatedIssue;
  /** The runs of the turns closed since the pipeline last asked (`Decoder.released`). */
  released: string[];
}

function sessionOf(state: DecoderState, key: string): Session {
  let session = state.sessions.get(key);
  if (session === undefined) {
    session = { key, placed: 0 };
    state.sessions.set(key, session);
    place(state, session);
  }
  return session;
}

/** Gives a session the newest place in the order of the sessions. */
function place(state: DecoderState, session: Session): void {
  state.places += 1;
  session.placed = state.places;
  state.sessionOrder.add({ session, placed: state.places });
}

/** The envelope fields a turn closed without a record of its own gets: its session's id. */
function closingRecord(session: Session): Record<string, unknown> {
  return session.key === '' ? {} : { session_id: session.key };
}

/**
 * Moves `session`, whose turn just opened, to the end of the sessions (the most recent), and
 * ends the turns of the oldest sessions past {@link openSessionLimit}.
 */
function keepSessionsBounded(state: DecoderState, session: Session, events: CanonicalEvent[]): void {
  // A session made by this record already has the newest place.
  if (session.placed !== state.places) {
    state.sessions.delete(session.key);
    state.sessions.set(session.key, session);
    place(state, session);
  }
  while (state.sessions.size > openSessionLimit) {
    const oldest = (state.sessionOrder.oldest() as SessionPlace).session;
    state.sessions.delete(oldest.key);
    if (oldest.turn === undefined) continue;
    if (!state.evicted) {
      state.evicted = true;
      state.context.report({
        code: 'approximated',
        level: 'info',
        runId: oldest.turn.id,
        message: `more than ${openSessionLimit} sessions had a turn open: the turn of the session least recently opened was ended here, as the end of the input would end it, to keep memory bounded (reported once)`,
      });
    }
    closeTurn(state, oldest.turn, closingRecord(oldest), events);
    release(state, oldest.turn);
    oldest.turn = undefined;
  }
}

function allocateRunId(state: DecoderState, base: string): string {
  let runId = base;
  for (let n = 2; state.usedRunIds.has(runId); n += 1) runId = `${base}#${n}`;
  state.usedRunIds.add(runId);
  if (state.runIdOrder.length < rememberedRunIds) {
    state.runIdOrder.push(runId);
  } else {
    state.usedRunIds.delete(state.runIdOrder[state.oldestRunId] as string);
    state.runIdOrder[state.oldestRunId] = runId;
    state.oldestRunId = (state.oldestRunId + 1) % rememberedRunIds;
  }
  return runId;
}

function actorOf(record: Record<string, unknown>): Actor | undefined {
  const name = typeof record.agent_name === 'string' ? record.agent_name : typeof record.author === 'string' && record.author !== '' ? record.author : undefined;
  return name === undefined ? undefined : { kind: 'agent', name };
}

/** The envelope of an event of `run` decoded from `record`; `runLevel` uses the run's own actor. */
function envelope(run: RunState, record: Record<string, unknown>, runLevel = false): Envelope {
  const actor = runLevel ? run.actor : (actorOf(record) ?? run.actor);
  const result: Envelope = { runId: run.runId };
  if (run.parentRunId !== undefined) result.parentRunId = run.parentRunId;
  if (typeof record.session_id === 'string') result.sessionId = record.session_id;
  if (actor !== undefined) result.actor = actor;
  if (typeof record.timestamp === 'number') result.time = record.timestamp * 1000;
  return result;
}

function openRun(state: DecoderState, turn: Turn, branch: string, parent: RunState | undefined, base: string, actor: Actor | undefined, synthesized: boolean): RunState {
  const run: RunState = {
    runId: allocateRunId(state, base),
    status: 'open',
    synthesized,
    branch,
    finished: false,
    sawFinal: false,
    streamedText: false,
    members: [],
  };
  if (parent !== undefined) {
    run.parentRunId = parent.runId;
    parent.members.push(run);
  } else {
    turn.roots.push(run);
  }
  if (actor !== undefined) run.actor = actor;
  let stack = turn.stacks.get(branch);
  if (stack === undefined) {
    stack = [];
    turn.stacks.set(branch, stack);
  }
  stack.push(run);
  return run;
}

function runStart(run: RunState, record: Record<string, unknown>, input?: unknown): CanonicalEvent {
  const start: CanonicalEvent = { type: 'run-start', ...envelope(run, record, true) };
  if (input !== undefined) start.input = input;
  return start;
}

/**
 * The run a record of `branch` belongs to: the innermost open one, or a new run (and its
 * parents along the branch path) whose start is synthesized.
 */
function currentRun(state: DecoderState, turn: Turn, branch: string, record: Record<string, unknown>, events: CanonicalEvent[], deeper = false): RunState {
  const top = turn.stacks.get(branch)?.at(-1);
  if (top !== undefined) return top;
  const cut = branch.lastIndexOf('.');
  const parent = branch === '' ? undefined : currentRun(state, turn, cut === -1 ? '' : branch.slice(0, cut), record, events, true);
  // A parent opened on behalf of a deeper branch is known only by its branch segment.
  const name = branch.slice(cut + 1);
  const actor: Actor | undefined = !deeper ? actorOf(record) : name === '' ? undefined : { kind: 'agent', name };
  const run = openRun(state, turn, branch, parent, branch === '' ? turn.id : `${turn.id}/${branch}`, actor, true);
  state.synthesizedStarts.report({
    code: 'invalid-sequence',
    level: 'info',
    eventType: 'run-start',
    runId: run.runId,
    message: 'no agent_start opens this run (langchain_adk 0.3.4+ emits none); its run-start was synthesized',
  });
  events.push(runStart(run, record));
  return run;
}

function turnOf(state: DecoderState, session: Session, invocationId: string, record: Record<string, unknown>, events: CanonicalEvent[]): Turn {
  if (session.turn !== undefined && (invocationId === '' || invocationId === session.turn.id)) return session.turn;
  if (session.turn !== undefined) {
    closeTurn(state, session.turn, record, events);
    release(state, session.turn);
  }
  let id = invocationId;
  if (id === '') {
    id = state.context.mint('run');
    state.mintedTurnIds.report({
      code: 'minted',
      level: 'info',
      runId: id,
      message: 'no invocation_id (langchain_adk agent events carry none) and no user_message before: the turn got a minted run id',
    });
  }
  session.turn = { id, stacks: new Map(), roots: [] };
  keepSessionsBounded(state, session, events);
  return session.turn;
}

/**
 * Ends the run's open block; `cut` (at an error) writes no end: the partials never became a final answer.
 * @param env the envelope of the run's events from `record`, when the caller has it already.
 */
function closeBlock(run: RunState, kind: 'text' | 'reasoning', record: Record<string, unknown>, events: CanonicalEvent[], cut = false, env?: Envelope): void {
  const block = run[kind];
  if (block === undefined) return;
  run[kind] = undefined;
  if (!cut) events.push({ type: kind === 'text' ? 'text-end' : 'reasoning-end', ...(env ?? envelope(run, record)), id: block.id });
}

/** Ends a run the source left open: a run-end only where it ended with an answer. */
function closeRun(state: DecoderState, run: RunState, record: Record<string, unknown>, events: CanonicalEvent[]): void {
  for (const member of run.members) closeRun(state, member, record, events);
  closeBlock(run, 'text', record, events);
  closeBlock(run, 'reasoning', record, events);
  if (run.status !== 'open') return;
  const membersDone = run.members.length > 0 && run.members.every((member) => member.status === 'completed');
  const failed = run.sawFinal ? undefined : run.members.at(-1);
  // A composite emits nothing itself: when the turn ends at its last child's error, that error
  // ended the composite too (its astream returns after a child that raised, §4.2).
  if (failed?.status === 'error' && failed.error !== undefined) {
    state.context.report({
      code: 'approximated',
      level: 'info',
      eventType: 'run-error',
      runId: run.runId,
      message: `the turn ended at the error of its member ${failed.runId}, without a final answer from this run; the run was read as failed with that error`,
    });
    run.status = 'error';
    run.error = failed.error;
    events.push({ type: 'run-error', ...envelope(run, record, true), error: failed.error });
    return;
  }
  if (!run.sawFinal && !membersDone) {
    state.context.report({
      code: 'invalid-sequence',
      level: 'warning',
      runId: run.runId,
      message: 'the turn ended without a final answer or error from this run; it was left open rather than reported as completed',
    });
    return;
  }
  state.synthesizedEnds.report({
    code: 'invalid-sequence',
    level: 'info',
    eventType: 'run-end',
    runId: run.runId,
    message: 'no agent_end closes this run (langchain_adk 0.3.4+ emits none); its run-end was synthesized after its final answer or at the end of the turn',
  });
  events.push(runEnd(run, record));
}

function runEnd(run: RunState, record: Record<string, unknown>): CanonicalEvent {
  run.status = 'completed';
  const end: CanonicalEvent = { type: 'run-end', ...envelope(run, record, true) };
  if (run.output !== undefined) end.output = run.output;
  if (run.usage !== undefined) end.usage = run.usage;
  return end;
}

function closeTurn(state: DecoderState, turn: Turn, record: Record<string, unknown>, events: CanonicalEvent[]): void {
  const closing: Record<string, unknown> = { session_id: record.session_id };
  for (const root of turn.roots) closeRun(state, root, closing, events);
}

/**
 * Lets the pipeline know that no later record can reach the runs of a closed turn (a record of
 * their invocation opens a new turn), so those it still follows need not be kept to the end of
 * the input: the runs the turn left open, and those events after their end reopened (a legacy
 * typed event after an error). Parents come before their members, as the pipeline ends runs
 * oldest first.
 */
function release(state: DecoderState, turn: Turn): void {
  const runs = [...turn.roots].reverse();
  for (let run = runs.pop(); run !== undefined; run = runs.pop()) {
    state.released.push(run.runId);
    for (let index = run.members.length - 1; index >= 0; index -= 1) runs.push(run.members[index] as RunState);
  }
}

/**
 * Streams text or reasoning into the run's open block; `final` closes it with the whole text.
 * @param env the envelope of the run's events from the record being decoded.
 */
function stream(state: DecoderState, run: RunState, kind: 'text' | 'reasoning', content: string, cumulative: boolean, final: boolean, env: Envelope, events: CanonicalEvent[], before: CanonicalEvent[] = []): void {
  let block = run[kind];
  const restarts = block !== undefined && (block.cumulative !== cumulative || (cumulative && !content.startsWith(block.stream.text)));
  if (block !== undefined && restarts && !final) closeBlock(run, kind, {}, events, false, env);
  block = run[kind];
  if (block === undefined) {
    const id = state.context.mint(kind);
    events.push({ type: kind === 'text' ? 'text-start' : 'reasoning-start', ...env, id });
    if (final) {
      // A whole text in one record (most answers): it opens and ends here, and no stream is kept.
      if (content !== '') events.push({ type: kind === 'text' ? 'text-delta' : 'reasoning-delta', ...env, id, delta: content });
      append(events, before);
      events.push({ type: kind === 'text' ? 'text-end' : 'reasoning-end', ...env, id });
      return;
    }
    block = { id, stream: createTextStream(cumulative ? 'cumulative' : 'delta'), cumulative };
    run[kind] = block;
  }
  if (!final) {
    events.push({ type: kind === 'text' ? 'text-delta' : 'reasoning-delta', ...env, id: block.id, delta: block.stream.push(content) });
    if (kind === 'text') run.streamedText = true;
    return;
  }
  // A final answer restates the streamed text; say what the partials had not said yet.
  const sofar = block.stream.text;
  if (content.length > sofar.length && content.startsWith(sofar)) {
    events.push({ type: kind === 'text' ? 'text-delta' : 'reasoning-delta', ...env, id: block.id, delta: block.stream.push(content) });
  }
  append(events, before);
  run[kind] = undefined;
  events.push({ type: kind === 'text' ? 'text-end' : 'reasoning-end', ...env, id: block.id });
}

/** A value `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function omittedInJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An object or array made by `JSON.parse` (or like one): no `toJSON`, a plain prototype. */
function isPlainJson(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === Array.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The keys `JSON.stringify` writes of a plain object, in its order (all of them, for an object from `JSON.parse`). */
function writtenKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  for (const key of keys) if (omittedInJson(record[key])) return keys.filter((each) => !omittedInJson(record[each]));
  return keys;
}

/**
 * Whether two values have the same JSON text (`JSON.stringify(left) === JSON.stringify(right)`),
 * found field by field in order without writing either text; anything a parse would not make
 * (a `toJSON`, a class instance, a non-finite number) is compared by its text.
 */
function sameJsonText(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null || !isPlainJson(left) || !isPlainJson(right)) {
    return JSON.stringify(left) === JSON.stringify(right);
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => sameJsonText(omittedInJson(item) ? null : item, omittedInJson(right[index]) ? null : right[index]));
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const keys = writtenKeys(leftRecord);
  const rightKeys = writtenKeys(rightRecord);
  if (keys.length !== rightKeys.length) return false;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if (key !== rightKeys[index] || !sameJsonText(leftRecord[key], rightRecord[key])) return false;
  }
  return true;
}

function countUsage(run: RunState, llmResponse: unknown): boolean {
  if (!isRecord(llmResponse)) return false;
  // Compared with the last response field by field: writing each one as JSON text to compare
  // the texts cost about 5 % of a Runner conversion.
  if (run.lastLlmResponse !== undefined && sameJsonText(llmResponse, run.lastLlmResponse)) return false;
  run.lastLlmResponse = llmResponse;
  const usage: Usage = {};
  if (typeof llmResponse.input_tokens === 'number') usage.inputTokens = llmResponse.input_tokens;
  if (typeof llmResponse.output_tokens === 'number') usage.outputTokens = llmResponse.output_tokens;
  if (Object.keys(usage).length > 0) run.usage = addUsage(run.usage, usage);
  return true;
}

function toolCallId(state: DecoderState, run: RunState, part: Record<string, unknown>, answering: boolean): string {
  if (typeof part.tool_call_id === 'string') {
    const source = part.tool_call_id;
    if (answering) return run.callIds?.get(source) ?? source;
    const callIds = (run.callIds ??= new Map());
    if (!callIds.has(source)) {
      callIds.set(source, source);
      return source;
    }
    // ReActAgent (0.3.x) names every call of a tool `react_<tool>`; a repeat gets an id of its own.
    let n = 2;
    while ([...callIds.values()].includes(`${source}#${n}`)) n += 1;
    const id = `${source}#${n}`;
    callIds.set(source, id);
    state.context.report({ code: 'minted', level: 'info', runId: run.runId, message: `tool call id "${source}" repeats in this run (ReActAgent names calls by tool); the repeat is "${id}"` });
    return id;
  }
  const name = String(part.tool_name ?? '');
  const unanswered = (run.unanswered ??= new Map());
  const queue = unanswered.get(name) ?? [];
  unanswered.set(name, queue);
  if (answering) {
    const waiting = queue.shift();
    if (waiting !== undefined) return waiting;
  }
  const id = state.context.mint('tool-call');
  if (!answering) queue.push(id);
  state.context.report({
    code: 'minted',
    level: 'info',
    runId: run.runId,
    message: `a tool ${answering ? 'result' : 'call'} of "${name}" has no tool_call_id (langchain_adk < 0.3.1); minted ${id}`,
  });
  return id;
}

/** The data and file events of a record's parts; `env` is the envelope of the run's events from `record`. */
function sideParts(parts: readonly Record<string, unknown>[], record: Record<string, unknown>, env: Envelope): CanonicalEvent[] {
  const events: CanonicalEvent[] = [];
  for (const part of parts) {
    const type = partType(part);
    // A partial event never enters the session: its data accompanied the stream only.
    if (type === 'data' && isRecord(part.data)) events.push({ type: 'data', ...env, name: structuredOutputName, data: part.data, ...(record.partial === true ? { transient: true } : {}) });
    if (type === 'file') {
      const file: CanonicalEvent = { type: 'file', ...env, mediaType: typeof part.mime_type === 'string' ? part.mime_type : 'application/octet-stream' };
      if (typeof part.uri === 'string') file.url = part.uri;
      if (typeof part.inline_bytes === 'string') file.data = part.inline_bytes;
      if (typeof part.name === 'string') file.name = part.name;
      events.push(file);
    }
  }
  return events;
}

function requirementsOf(value: unknown): Requirement[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Requirement => requirementSchema.safeParse(item).success);
}

/** The valid resolutions of a resume stand-in's metadata. */
function resolutionsOf(value: unknown): Resolution[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is Resolution => resolutionSchema.safeParse(item).success);
}

/** The events of one agent_message or tool_response, the last of them standing for the record. */
function decodeContent(state: DecoderState, run: RunState, view: UnifiedView, record: Record<string, unknown>, events: CanonicalEvent[]): void {
  const env = envelope(run, record);
  const parts = view.content.parts;
  const metadata = view.metadata;
  const text = textOf(parts);
  const stateDelta = view.actions.state_delta;
  if (isRecord(stateDelta) && Object.keys(stateDelta).length > 0) events.push({ type: 'state', ...env, delta: stateDelta });
  if (typeof view.actions.transfer_to_agent === 'string') events.push({ type: 'handoff', ...env, to: view.actions.transfer_to_agent });
  const newModelTurn = countUsage(run, view.llm_response);

  if (view.type === 'tool_response') {
    closeBlock(run, 'text', record, events, false, env);
    run.streamedText = false;
    for (const part of parts) {
      if (partType(part) !== 'tool_response') continue;
      const base = { ...env, toolCallId: toolCallId(state, run, part, true), toolName: String(part.tool_name ?? '') };
      if (typeof part.error === 'string') events.push({ type: 'tool-error', ...base, error: part.error });
      else events.push({ type: 'tool-result', ...base, output: typeof part.result === 'string' ? part.result : '' });
    }
    return;
  }
  if (truthy(metadata.error)) {
    closeBlock(run, 'text', record, events, true, env);
    closeBlock(run, 'reasoning', record, events, true, env);
    // The agent's astream returns right after an error (0.3.x): a sub-agent's run is over.
    run.finished = run.synthesized && run.branch !== '';
    // asyncio.CancelledError is how a cancelled Python task ends; the encoder writes cancels so.
    if (metadata.exception_type === 'CancelledError') {
      run.status = 'cancelled';
      events.push({ type: 'run-cancel', ...env, reason: text });
      return;
    }
    run.status = 'error';
    const error: ErrorInfo = { message: text };
    if (typeof metadata.exception_type === 'string') error.type = metadata.exception_type;
    run.error = error;
    events.push({ type: 'run-error', ...env, error });
    return;
  }
  if (metadata.paused === true) {
    run.status = 'paused';
    events.push({ type: 'run-pause', ...env, requirements: requirementsOf(metadata.requirements) });
    return;
  }
  if (metadata.resumed === true) {
    run.status = 'open';
    const resolutions = resolutionsOf(metadata.resolutions);
    events.push({ type: 'run-resume', ...env, ...(resolutions === undefined ? {} : { resolutions }) });
    return;
  }
  switch (metadata.react_step) {
    case 'thought':
      stream(state, run, 'reasoning', text, true, !view.partial, env, events);
      return;
    case 'action':
      events.push({ type: 'reasoning-step', ...env, action: typeof metadata.action === 'string' ? metadata.action : '' });
      return;
    case 'observation':
      events.push({ type: 'reasoning-step', ...env, result: text });
      return;
  }
  for (const part of parts) {
    if (partType(part) === 'thinking' && typeof part.thinking === 'string') stream(state, run, 'reasoning', part.thinking, false, false, env, events);
  }
  const calls = parts.filter((part) => partType(part) === 'tool_call');
  const side = sideParts(parts, record, env);
  const hasText = parts.some((part) => partType(part) === 'text');
  if (calls.length > 0) {
    closeBlock(run, 'text', record, events, false, env);
    const said = isRecord(view.llm_response) && typeof view.llm_response.text === 'string' ? view.llm_response.text : '';
    // Text said before the tool calls lives only in llm_response when it was not streamed (0.3.4+).
    if (newModelTurn && !run.streamedText && said !== '') stream(state, run, 'text', said, false, true, env, events);
    append(events, side);
    for (const part of calls) {
      const input = isRecord(part.args) ? part.args : {};
      events.push({ type: 'tool-call', ...env, toolCallId: toolCallId(state, run, part, false), toolName: String(part.tool_name ?? ''), input });
    }
    return;
  }
  if (hasText && view.partial) {
    append(events, side);
    // ReAct answers (scratchpad in metadata) and every legacy partial restate the text so far.
    stream(state, run, 'text', text, view.cumulative ?? 'scratchpad' in metadata, false, env, events);
    return;
  }
  if (isFinalView(view, text)) {
    run.sawFinal = true;
    run.finished = run.synthesized && run.branch !== '';
    run.output = side.find((event) => event.type === 'data')?.data ?? text;
  }
  if (hasText || (side.length === 0 && events.length === 0)) {
    stream(state, run, 'text', text, view.cumulative === true && run.text?.cumulative === true, true, env, events, side);
    run.streamedText = false;
    return;
  }
  append(events, side);
}

/**
 * `isFinalResponse` of the agent_message a view stands for, read off the view: decoding gets
 * here only for a record without tool calls, and with its text joined already.
 */
function isFinalView(view: UnifiedView, text: string): boolean {
  if (view.partial || truthy(view.metadata.react_step) || truthy(view.metadata.error)) return false;
  if (truthy(view.actions.skip_summarization)) return true;
  if (text !== '') return true;
  const data = view.content.parts.find((part) => partType(part) === 'data')?.data;
  return isRecord(data) && Object.keys(data).length > 0;
}

/** Ends the sub-agent runs that gave their final answer, now that another record follows. */
function settleFinished(state: DecoderState, turn: Turn, record: Record<string, unknown>, events: CanonicalEvent[]): void {
  for (const stack of turn.stacks.values()) {
    const top = stack.at(-1);
    if (top === undefined || !top.finished) continue;
    closeRun(state, top, record, events);
    stack.pop();
    keepWhatClosingReads(top);
  }
}

/**
 * Lets go of what an ended run taken off its branch held for its content: no record reaches it
 * again, and closing its turn reads only its id, status, error and members. Up to 1024 turns
 * stay open (a turn ends at its session's next), each with its ended sub-agents.
 */
function keepWhatClosingReads(run: RunState): void {
  run.lastLlmResponse = undefined;
  run.output = undefined;
  run.usage = undefined;
  run.callIds = undefined;
  run.unanswered = undefined;
}

/** One record being decoded: its session, and the events it produces. */
interface RecordAt {
  session: Session;
  record: Record<string, unknown>;
  events: CanonicalEvent[];
}

/** Decodes one record of a known type; module-level, with the decoder's state as argument. */
type RecordHandler = (state: DecoderState, at: RecordAt) => void;

/** The turn and branch of an agent event, once the sub-agents that gave their answer have ended. */
function agentTurn(state: DecoderState, { session, record, events }: RecordAt): { turn: Turn; branch: string } {
  const turn = turnOf(state, session, typeof record.invocation_id === 'string' ? record.invocation_id : '', record, events);
  settleFinished(state, turn, record, events);
  return { turn, branch: typeof record.branch === 'string' ? record.branch : '' };
}

/** `agent_start`: a run of its branch, or a member run inside the open one (0.3.3 wrappers). */
function agentStart(state: DecoderState, at: RecordAt): void {
  const { record, events } = at;
  const { turn, branch } = agentTurn(state, at);
  const stack = turn.stacks.get(branch);
  const top = stack?.at(-1);
  const parent = top ?? (branch === '' ? undefined : currentRun(state, turn, branch.slice(0, Math.max(branch.lastIndexOf('.'), 0)), record, events, true));
  const name = actorOf(record)?.name ?? 'agent';
  // This adapter writes the id of a member run that its branch does not give in metadata.run_id.
  const declared = isRecord(record.metadata) && typeof record.metadata.run_id === 'string' ? record.metadata.run_id : undefined;
  const base = declared ?? (top !== undefined ? `${top.runId}/${name}` : branch === '' ? turn.id : `${turn.id}/${branch}`);
  const run = openRun(state, turn, branch, parent, base, actorOf(record), false);
  events.push(runStart(run, record));
}

/** `agent_end`: ends the open run of its branch, unless it already ended otherwise. */
function agentEnd(state: DecoderState, at: RecordAt): void {
  const { record, events } = at;
  const { turn, branch } = agentTurn(state, at);
  const stack = turn.stacks.get(branch);
  const run = stack?.at(-1);
  if (run === undefined || run.status !== 'open') {
    if (run !== undefined) stack?.pop();
    if (run === undefined) {
      state.context.report({ code: 'invalid-sequence', level: 'warning', message: 'agent_end without an open run of its branch; kept as raw' });
    }
    // agent_end after an error (0.3.3 wrappers end errored runs too) must not claim success.
    events.push({ type: 'raw', runId: run?.runId ?? turn.id, format: 'runner', payload: record });
    return;
  }
  for (const member of run.members) closeRun(state, member, record, events);
  closeBlock(run, 'text', record, events);
  closeBlock(run, 'reasoning', record, events);
  stack?.pop();
  events.push(runEnd(run, record));
  keepWhatClosingReads(run);
}

/** `agent_message`, `tool_response` and the legacy typed events: content of the branch's run. */
function agentContent(state: DecoderState, at: RecordAt): void {
  const { record, events } = at;
  const { turn, branch } = agentTurn(state, at);
  const run = currentRun(state, turn, branch, record, events);
  const parts = partsOf(record);
  checkParts(state, parts, run.runId);
  const before = events.length;
  decodeContent(state, run, unifiedView(record, parts), record, events);
  // A record that says nothing canonical (a tool_response without parts) still travels.
  if (events.length === before) events.push({ type: 'raw', runId: run.runId, format: 'runner', payload: record });
}

/** `user_message`: opens its turn, held until the next record names the agent that answers it. */
function userMessage(state: DecoderState, { session, record, events }: RecordAt): void {
  turnOf(state, session, typeof record.invocation_id === 'string' ? record.invocation_id : '', record, events);
  state.pendingUser = { session, record };
}

/** Handlers by Runner record type; a legacy typed event (0.1 – 0.3.2) carries content. */
const recordHandlers: Record<string, RecordHandler> = {
  user_message: userMessage,
  agent_start: agentStart,
  agent_end: agentEnd,
  agent_message: agentContent,
  tool_response: agentContent,
};

/**
 * A user_message opens its turn: the run's start with the text as input (LangChain and AI SDK
 * show run input as the human message). A second one in an open turn is a user message.
 */
function decodeUser(state: DecoderState, session: Session, record: Record<string, unknown>, actor: Actor | undefined, events: CanonicalEvent[]): void {
  const turn = session.turn;
  if (turn === undefined) {
    events.push({ type: 'raw', runId: 'unknown', format: 'runner', payload: record });
    return;
  }
  const parts = partsOf(record);
  checkParts(state, parts, turn.id);
  let run = turn.stacks.get('')?.at(-1);
  if (run === undefined) {
    run = openRun(state, turn, '', undefined, turn.id, actor, true);
    events.push(runStart(run, record, textOf(parts)));
    return;
  }
  const messageParts: Part[] = [];
  for (const part of parts) {
    if (partType(part) === 'text' && typeof part.text === 'string') messageParts.push({ type: 'text', text: part.text });
  }
  for (const event of sideParts(parts, record, envelope(run, record))) {
    if (event.type === 'data') messageParts.push({ type: 'data', name: event.name, data: event.data });
    if (event.type === 'file') {
      const { type: _type, runId: _runId, parentRunId: _parent, sessionId: _session, actor: _actor, time: _time, ...file } = event;
      messageParts.push({ type: 'file', ...file });
    }
  }
  events.push({ type: 'message', ...envelope(run, record, true), message: { role: 'user', parts: messageParts } });
}

/**
 * Reports parts the decoder cannot read; they stay in ext, so runner → runner keeps them.
 * @param parts the record's parts (`partsOf`).
 */
function checkParts(state: DecoderState, parts: readonly Record<string, unknown>[], runId: string): void {
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] as Record<string, unknown>;
    const type = partType(part);
    // The common case, a part its schema takes, is checked by hand (see `fitsPart`).
    if (type !== undefined && fitsPart(type, part)) continue;
    const schema = type === undefined || !Object.hasOwn(partSchemas, type) ? undefined : partSchemas[type];
    const path = `content.parts.${index}`;
    if (schema === undefined) {
      state.context.report({ code: 'unknown-event', level: 'warning', runId, path, message: `unknown part type ${JSON.stringify(part.type)}; written back only with the record itself` });
      continue;
    }
    const parsed = schema.safeParse(part);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      state.context.report({ code: 'invalid-input', level: 'warning', runId, path: `${path}.${first?.path.join('.') ?? ''}`, message: `invalid ${type} part (${schemaIssueText(first)}); written back only with the record itself` });
    }
  }
}

function resolvePendingUser(state: DecoderState, actor: Actor | undefined, out: CanonicalEvent[]): void {
  if (state.pendingUser === undefined) return;
  const { session, record } = state.pendingUser;
  state.pendingUser = undefined;
  const events: CanonicalEvent[] = [];
  decodeUser(state, session, record, actor, events);
  append(out, events);
}

function rejected(state: DecoderState, record: unknown, runId: string, code: 'unknown-event' | 'invalid-input', message: string): CanonicalEvent[] {
  state.context.report({ code, level: 'warning', message });
  return [{ type: 'raw', runId, format: 'runner', payload: record }];
}

/**
 * Reads langchain_adk Runner `Event` records (0.3.3 – 0.3.14 and orxhestra's superset) and the
 * typed event classes of 0.1 – 0.3.2. A turn (one `invocation_id`) is a run; sub-agents (a
 * `branch` such as `root.child`) and 0.3.3 agent_start wrappers are member runs.
 */
export function createRunnerDecoder(context: AdapterContext, _options?: RunnerDecodeOptions): Decoder {
  const sessions = new Map<string, Session>();
  const state: DecoderState = {
    context,
    sessions,
    sessionOrder: createOldestFirst<SessionPlace>(
      ({ session, placed }) => session.placed === placed && sessions.get(session.key) === session,
      () => sessions.size,
    ),
    places: 0,
    usedRunIds: new Set(),
    runIdOrder: [],
    oldestRunId: 0,
    pendingUser: undefined,
    evicted: false,
    synthesizedStarts: createRepeatedIssue(context, 'run'),
    synthesizedEnds: createRepeatedIssue(context, 'run'),
    mintedTurnIds: createRepeatedIssue(context, 'turn'),
    released: [],
  };
  return {
    push(record) {
      const parsed = fitsRunnerEnvelope(record) ? undefined : runnerEnvelopeSchema.safeParse(record);
      if ((parsed !== undefined && !parsed.success) || !isRecord(record)) {
        const first = parsed === undefined || parsed.success ? undefined : parsed.error.issues[0];
        const out: CanonicalEvent[] = [];
        resolvePendingUser(state, undefined, out);
        return out.concat(rejected(state, record, 'unknown', 'invalid-input', `not a Runner event${first === undefined ? '' : ` (${first.path.join('.')}: ${schemaIssueText(first)})`}; kept as raw`));
      }
      const session = sessionOf(state, typeof record.session_id === 'string' ? record.session_id : '');
      const out: CanonicalEvent[] = [];
      const type = record.type;
      if (!knownTypes.has(String(type)) && !isLegacyType(type)) {
        resolvePendingUser(state, undefined, out);
        append(out, rejected(state, record, session.turn?.id ?? 'unknown', 'unknown-event', `unknown Runner event type "${String(type)}"; kept as raw`));
        return out;
      }
      const branch = typeof record.branch === 'string' ? record.branch : '';
      const answers = state.pendingUser?.session === session && type !== 'user_message' && branch === '';
      resolvePendingUser(state, answers ? actorOf(record) : undefined, out);
      // Only known types get here (checked above), so no inherited key is looked up.
      const handler = recordHandlers[String(type)] ?? agentContent;
      // The handlers count the events they add (to see a record that said nothing): they get a
      // list of their own when the user message before them already said some.
      if (out.length === 0) {
        handler(state, { session, record, events: out });
        return out;
      }
      const events: CanonicalEvent[] = [];
      handler(state, { session, record, events });
      append(out, events);
      return out;
    },
    flush() {
      const out: CanonicalEvent[] = [];
      resolvePendingUser(state, undefined, out);
      for (const session of state.sessions.values()) {
        if (session.turn === undefined) continue;
        const events: CanonicalEvent[] = [];
        closeTurn(state, session.turn, closingRecord(session), events);
        append(out, events);
        session.turn = undefined;
      }
      state.synthesizedStarts.flush();
      state.synthesizedEnds.flush();
      state.mintedTurnIds.flush();
      return out;
    },
    forget(runId) {
      const events: CanonicalEvent[] = [];
      // A turn is a top-level run; its members end with it. The sessions with an open turn are
      // bounded ({@link openSessionLimit}), so the search is too.
      for (const session of state.sessions.values()) {
        const turn = session.turn;
        if (turn === undefined || (turn.id !== runId && !turn.roots.some((root) => root.runId === runId))) continue;
        if (state.pendingUser?.session === session) resolvePendingUser(state, undefined, events);
        closeTurn(state, turn, closingRecord(session), events);
        release(state, turn);
        session.turn = undefined;
        state.sessions.delete(session.key);
        break;
      }
      return events;
    },
    released() {
      if (state.released.length === 0) return noRunIds;
      const runIds = state.released;
      state.released = [];
      return runIds;
    },
  };
}
