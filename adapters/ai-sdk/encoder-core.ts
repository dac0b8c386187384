import type { CanonicalEvent, EventOfType } from '../../src/model/event.js';
import { type EventHandlers, dispatch } from '../../src/model/dispatch.js';
import { explodeMessage } from '../../src/model/explode.js';
import type { Requirement } from '../../src/model/snapshot.js';
import { addIdOfRun, deleteIdOfRun, endsRun, isRecord, reportForeignRaw } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import type { BridgeMetadata } from './metadata.js';
import { answeredInStreamKey, envelopeOf, extFields, forgetRun, mintedRunIdKey, noStartKey } from './state.js';
import type { ChunkWriter } from './writer.js';

type Fields = Record<string, unknown>;

/** The record types of text and reasoning blocks, alike in both AI SDK formats. */
export const blockTypes = ['text-start', 'text-delta', 'text-end', 'reasoning-start', 'reasoning-delta', 'reasoning-end'];

/** Tool fields UI chunks and stream parts share: copied from the other AI SDK format's `ext`. */
export const sharedToolFields = ['providerExecuted', 'providerMetadata', 'toolMetadata', 'title', 'dynamic'] as const;

/** A text or reasoning block kind. */
export type BlockKind = 'text' | 'reasoning';

/** What differs between the AI SDK encoders, for {@link createEncoderCore}. */
export interface EncoderSpec {
  /** The format name: the `ext` key of its own fields. */
  format: string;
  writer: ChunkWriter;
  /** Last touches for the target version (fields it lacks are taken out). */
  shape(record: Fields): Fields;
  /** Whether the target has a record type; reports when it has not. */
  supported(type: string, event: CanonicalEvent): boolean;
  /** The fields of a block's start record kept on its event. */
  blockFields?(event: CanonicalEvent): Fields;
  /** The record that opens or closes a block. */
  block(kind: BlockKind, phase: 'start' | 'end', recordId: string, fields: Fields): Fields;
  /** The record of a complete tool call (written before a result for a call never seen). */
  toolCall(event: EventOfType<'tool-call'>): Fields;
  /** The record asking to approve a tool call. */
  approval(requirement: Requirement): Fields;
  /** Whether a requirement can travel as an approval record. */
  approvable(requirement: Requirement): boolean;
  /** The `finish` that ends the stream of a paused run, as streamText ends one waiting for an approval. */
  pauseFinish(finishReason: string): Fields;
}

/** The shared part of the AI SDK encoders: message, block and tool-part bookkeeping and repairs. */
export interface EncoderCore {
  readonly writer: ChunkWriter;
  /** The format name: the `ext` key of its own fields. */
  readonly format: string;
  /** The format's own fields kept on an event, minus some. */
  fields(event: CanonicalEvent, without?: readonly string[]): Fields;
  emit(record: Fields, event: CanonicalEvent, recordId?: string, extra?: BridgeMetadata): void;
  /**
   * Leaves out an event the format has no place for, reported once per event type
   * (`dropped`, info): `relay` carries the source records of such events.
   */
  drop(event: CanonicalEvent): void;
  /** Reports a repair the target's consumer needs (invalid-sequence, info). */
  repaired(event: CanonicalEvent, message: string): void;
  /** Whether an event belongs to the run of the current message. */
  isRoot(event: CanonicalEvent): boolean;
  /** Whether a run-start opens a new message, and records it. */
  opensMessage(event: EventOfType<'run-start'>): boolean;
  /** Whether a message is open. */
  readonly messageOpen: boolean;
  /** Whether a run's pause ended the last message, so that its later records continue it in a new response. */
  continues(event: CanonicalEvent): boolean;
  /** Makes a run the current message's (written with `start`, or not at all when the source had none). */
  adopt(event: EventOfType<'run-start'>): void;
  /** Ends the current message (finish, abort). */
  closeMessage(): void;
  /** Marks the current message's run as settled (an error or a pause): a new root run opens a new message. */
  settle(): void;
  openBlock(kind: BlockKind, event: EventOfType<'text-start' | 'reasoning-start'>): void;
  /** The record id of the block a delta belongs to, opening the block when it is not open. */
  blockFor(kind: BlockKind, event: EventOfType<'text-delta' | 'reasoning-delta'>): string;
  closeBlock(kind: BlockKind, event: EventOfType<'text-end' | 'reasoning-end'>, fields: Fields): void;
  /** Closes every open block before a step end or finish. */
  closeOpenBlocks(reason: CanonicalEvent): void;
  /** Ends the open blocks an error cut without writing their ends. */
  cutOpenBlocks(): void;
  /**
   * Lets go of a run's blocks, open or closed early, without writing anything: the run ended (no
   * end will come for a block it left) or gets no more events.
   */
  forgetBlocks(runId: string): void;
  /** Tool calls whose part exists at the consumer. */
  readonly toolParts: Set<string>;
  /** Writes a tool call first when a result comes for a call never seen. */
  ensureToolPart(event: EventOfType<'tool-result' | 'tool-error'>): void;
  /** Records a written `start-step`. */
  startStep(): void;
  /**
   * Records a step end; false when it closes nothing (a step end right after another, as a run
   * that did not complete keeps its usage on one): the consumer needs no second `finish-step`.
   */
  endStep(): boolean;

  /**
   * Writes a pause: one approval record per new requirement, then `finish` when the pause came
   * from one; a pause approvals cannot say goes compactly into a carrier that persists.
   */
  writePause(event: EventOfType<'run-pause'>, finish: Fields | undefined, endStep: (() => void) | undefined): void;
  /**
   * Whether the event is its run's first after a pause that ended the step the run had open, and
   * takes the mark: a step end is then said already, anything else opens a new step.
   */
  takeCutStep(event: CanonicalEvent): boolean;
}

interface OpenBlock {
  recordId: string;
  start: EventOfType<'text-start' | 'reasoning-start'>;
}

/** Creates the {@link EncoderCore} of an AI SDK encoder. */
export function createEncoderCore(context: AdapterContext, spec: EncoderSpec): EncoderCore {
  const { writer } = spec;
  const state = writer.state;
  /** Open blocks by `${kind} ${runId} ${id}`. */
  const blocks = new Map<string, OpenBlock>();
  const openRecordIds = new Set<string>();
  /** Blocks closed early (at a step end): their later end is already written. */
  const closedEarly = new Set<string>();
  /** The keys in `blocks` and `closedEarly` by run, so that a run lets go of its own without a scan. */
  const blockKeysByRun = new Map<string, Set<string>>();
  const toolParts = new Set<string>();
  const approvalsWritten = new Set<string>();
  const droppedTypes = new Set<string>();
  let messageOpen = false;
  let rootSettled = false;
  /** Steps of the message whose `start-step` was written and whose `finish-step` was not; undefined before the first. */
  let stepsOpen: number | undefined;
  /** The run whose pause ended the last message: its later records are a continuation. */
  let pausedRun: string | undefined;
  /** The run whose pause ended the step it had open (see {@link EncoderCore.takeCutStep}). */
  let cutStep: string | undefined;

  /** Writes the `finish` that ends a paused run's stream. */
  function endWithFinish(finish: Fields, pause: EventOfType<'run-pause'>): void {
    closeOpenBlocks(pause);
    emit(finish, pause);
    if (!isRoot(pause)) return;
    messageOpen = false;
    pausedRun = pause.runId;
  }

  function emit(record: Fields, event: CanonicalEvent, recordId?: string, extra?: BridgeMetadata): void {
    writer.emit(spec.shape(record), event, recordId, extra);
  }

  function drop(event: CanonicalEvent): void {
    if (droppedTypes.has(event.type)) return;
    droppedTypes.add(event.type);
    context.report({
      code: 'dropped',
      level: 'info',
      eventType: event.type,
      runId: event.runId,
      message: `${spec.format} has no place for "${event.type}" events; they were left out (relay carries their source records)`,
    });
  }

  function repaired(event: CanonicalEvent, message: string): void {
    context.report({ code: 'invalid-sequence', level: 'info', eventType: event.type, runId: event.runId, message });
  }

  function isRoot(event: CanonicalEvent): boolean {
    return state.root !== undefined && event.runId === state.root.runId;
  }

  const blockKey = (kind: BlockKind, event: { runId: string; id: string }) => `${kind} ${event.runId} ${event.id}`;
  /**
   * The block the last delta went to: the deltas of one block come in a row, and building the
   * key of each (a new string, hashed) cost more than writing its record. Forgotten whenever
   * the open blocks change.
   */
  let lastDelta: { kind: BlockKind; runId: string; id: string; recordId: string } | undefined;

  function freeRecordId(id: string, runId: string): string {
    if (!openRecordIds.has(id)) return id;
    let candidate = `${id}@${runId}`;
    for (let n = 2; openRecordIds.has(candidate); n += 1) candidate = `${id}@${runId}#${n}`;
    return candidate;
  }

  function fields(event: CanonicalEvent, without: readonly string[] = []): Fields {
    const own = { ...extFields(event, spec.format) };
    for (const key of without) delete own[key];
    return own;
  }

  function openBlock(kind: BlockKind, event: EventOfType<'text-start' | 'reasoning-start'>): void {
    const key = blockKey(kind, event);
    closedEarly.delete(key);
    addIdOfRun(blockKeysByRun, event.runId, key);
    // Blocks of different runs may share an id; the consumer keys open parts by id alone.
    const recordId = freeRecordId(event.id, event.runId);
    openRecordIds.add(recordId);
    blocks.set(key, { recordId, start: event });
    lastDelta = undefined;
    emit(spec.block(kind, 'start', recordId, (spec.blockFields ?? fields)(event)), event, recordId);
  }

  function closeBlock(kind: BlockKind, event: EventOfType<'text-end' | 'reasoning-end'>, own: Fields): void {
    const key = blockKey(kind, event);
    const open = blocks.get(key);
    if (open === undefined) {
      if (closedEarly.delete(key)) {
        deleteIdOfRun(blockKeysByRun, event.runId, key);
        return;
      }
      repaired(event, `${kind} block "${event.id}" ended without a start; an empty block was opened first`);
      openBlock(kind, { type: `${kind}-start`, ...envelopeOf(event), id: event.id } as EventOfType<'text-start' | 'reasoning-start'>);
      closeBlock(kind, event, own);
      return;
    }
    blocks.delete(key);
    deleteIdOfRun(blockKeysByRun, event.runId, key);
    lastDelta = undefined;
    openRecordIds.delete(open.recordId);
    emit(spec.block(kind, 'end', open.recordId, own), event, open.recordId);
  }

  function forgetBlocks(runId: string): void {
    for (const key of blockKeysByRun.get(runId) ?? []) {
      const open = blocks.get(key);
      if (open !== undefined) {
        blocks.delete(key);
        openRecordIds.delete(open.recordId);
        state.blocks.delete(open.recordId);
      }
      closedEarly.delete(key);
    }
    blockKeysByRun.delete(runId);
    lastDelta = undefined;
  }

  function closeOpenBlocks(reason: CanonicalEvent): void {
    for (const [key, open] of [...blocks]) {
      const kind: BlockKind = open.start.type === 'text-start' ? 'text' : 'reasoning';
      repaired(reason, `${kind} block "${open.start.id}" was still open at ${reason.type}; it was closed first`);
      blocks.delete(key);
      lastDelta = undefined;
      openRecordIds.delete(open.recordId);
      closedEarly.add(key);
      const end = { type: `${kind}-end`, ...envelopeOf(open.start), id: open.start.id } as CanonicalEvent;
      emit(spec.block(kind, 'end', open.recordId, {}), end, open.recordId);
    }
  }

  /**
   * Forgets the blocks an error cut, writing no end: the AI SDK leaves such a part streaming (as
   * streamText does when its model fails mid-text), so the client never shows cut text as done.
   */
  function cutOpenBlocks(): void {
    for (const [key, open] of blocks) {
      openRecordIds.delete(open.recordId);
      state.blocks.delete(open.recordId);
      closedEarly.add(key);
    }
    blocks.clear();
    lastDelta = undefined;
  }

  /** Writes the tool call a requirement of a pause names, as the part its answer or approval goes to. */
  function writeCall(event: EventOfType<'run-pause'>, requirement: Requirement, extra?: BridgeMetadata): void {
    const toolCallId = requirement.toolCallId as string;
    const call: EventOfType<'tool-call'> = { type: 'tool-call', ...envelopeOf(event), toolCallId, toolName: requirement.toolName ?? 'unknown', input: requirement.input ?? null };
    emit(spec.toolCall(call), call, undefined, extra);
    toolParts.add(toolCallId);
  }

  /**
   * Writes a pause: one approval record per new requirement; a pause approvals cannot say goes
   * compactly into a carrier that persists.
   * @param finish the source's `finish` the pause came from, if any.
   */
  function writePauseRecords(event: EventOfType<'run-pause'>, finish: Fields | undefined): void {
    const fresh = event.requirements.filter((requirement) => !approvalsWritten.has(requirement.id));
    for (const requirement of fresh) approvalsWritten.add(requirement.id);
    // User input, user feedback and external execution are answered with the tool's output
    // (useChat's addToolOutput): their call is shown as a tool part waiting for it, the
    // requirement in its metadata.
    const answerable = fresh.filter((requirement) => requirement.kind !== 'confirmation' && requirement.toolCallId !== undefined);
    for (const requirement of answerable) writeCall(event, requirement, { requirement: requirementMetadata(requirement) });
    const rest = fresh.filter((requirement) => !answerable.includes(requirement));
    const approvable = rest.every((requirement) => spec.approvable(requirement));
    if (!approvable || (rest.length > 0 && !spec.supported('tool-approval-request', event)) || (rest.length === 0 && answerable.length > 0)) {
      // One persisting carrier per run, updated in place as the pause changes.
      writer.carry(event, `pause-${event.runId}`);
      return;
    }
    fresh.splice(0, fresh.length, ...rest);
    if (fresh.length === 0 && finish === undefined) {
      writer.carry(event);
      return;
    }
    for (const requirement of fresh) {
      const toolCallId = requirement.toolCallId as string;
      if (toolParts.has(toolCallId)) continue;
      // An approval needs its tool part (agno pauses before the call starts): the call is shown first.
      repaired(event, `the pause asks to approve tool call "${toolCallId}" that never started; the call was written first`);
      writeCall(event, requirement);
    }
    // The approvals read back as one pause, at the finish (or the end of the stream).
    for (const requirement of fresh) emit(spec.approval(requirement), event);
    // An approval chunk has no metadata field: a member's pause also says which run paused.
    if (!isRoot(event)) writer.carry(event);
  }

  return {
    writer,
    format: spec.format,
    fields,
    emit,
    drop,
    repaired,
    isRoot,
    get messageOpen() {
      return messageOpen;
    },
    continues(event) {
      return event.runId === pausedRun;
    },
    takeCutStep(event) {
      const cut = event.runId === cutStep;
      if (cut) cutStep = undefined;
      return cut;
    },
    opensMessage(event) {
      const opens = !messageOpen || (rootSettled && event.parentRunId === undefined && !isRoot(event));
      if (!opens) return false;
      if (messageOpen) closeOpenBlocks(event);
      messageOpen = true;
      rootSettled = false;
      stepsOpen = undefined;
      pausedRun = undefined;
      cutStep = undefined;
      // Tool parts, approvals and early-closed blocks belong to one message: a consumer looks a
      // tool part up in the current message only. Clearing them also keeps long logs bounded.
      approvalsWritten.clear();
      toolParts.clear();
      closedEarly.clear();
      // Every block of the message before was closed above: none is open or closed early now.
      blockKeysByRun.clear();
      return true;
    },
    adopt(event) {
      state.root = envelopeOf(event);
    },
    closeMessage() {
      messageOpen = false;
    },
    settle() {
      rootSettled = true;
    },
    openBlock,
    blockFor(kind, event) {
      if (lastDelta !== undefined && lastDelta.kind === kind && lastDelta.runId === event.runId && lastDelta.id === event.id) return lastDelta.recordId;
      const key = blockKey(kind, event);
      const open = blocks.get(key);
      if (open !== undefined) {
        lastDelta = { kind, runId: event.runId, id: event.id, recordId: open.recordId };
        return open.recordId;
      }
      repaired(
        event,
        closedEarly.has(key)
          ? `${kind} block "${event.id}" went on after a step end closed it; a new block was opened`
          : `${kind} block "${event.id}" had no start; it was opened here`,
      );
      openBlock(kind, { type: `${kind}-start`, ...envelopeOf(event), id: event.id } as EventOfType<'text-start' | 'reasoning-start'>);
      return (blocks.get(key) as OpenBlock).recordId;
    },
    closeBlock,
    closeOpenBlocks,
    cutOpenBlocks,
    forgetBlocks,
    toolParts,
    ensureToolPart(event) {
      // An outcome for a call this stream never started continues an earlier response (an
      // approved or answered call, agno's continue stream): written as it is, the way streamText
      // continues, so the client updates the part it already has. No call is made up for it.
      toolParts.add(event.toolCallId);
    },
    startStep() {
      stepsOpen = (stepsOpen ?? 0) + 1;
    },
    endStep() {
      if (stepsOpen === 0 && blocks.size === 0) return false;
      if (stepsOpen !== undefined && stepsOpen > 0) stepsOpen -= 1;
      return true;
    },
    writePause(event, finish, endStep) {
      // A top-level pause stops the run: its stream ends as streamText's that waits for an approval,
      // with the model's reason (`tool-calls` for calls). One inside a step it left open, without a
      // finish of its own (an AI SDK pause comes with its `finish`), ends that step first: no record
      // is held for a step end that may never come, which is then said already.
      // Without endStep, the stream answers the pause at once: the run goes on in this response.
      const stops = !finish && endStep && isRoot(event);
      if (stops && stepsOpen) {
        while (stepsOpen) endStep();
        cutStep = event.runId;
      }
      writePauseRecords(event, finish);
      if (finish) return endWithFinish(finish, event);
      if (!stops) return;
      endWithFinish(spec.pauseFinish(event.requirements.some((requirement) => requirement.toolCallId !== undefined) ? 'tool-calls' : 'other'), event);
    },
  };
}

/** What a tool part waiting for an answer says of its requirement (no server-side fields). */
function requirementMetadata(requirement: Requirement): NonNullable<BridgeMetadata['requirement']> {
  const metadata: NonNullable<BridgeMetadata['requirement']> = { id: requirement.id, kind: requirement.kind };
  if (requirement.schema !== undefined) metadata.schema = requirement.schema;
  if (requirement.note !== undefined) metadata.note = requirement.note;
  return metadata;
}

/** What {@link sharedHandlers} needs to know of an encoder. */
export interface SharedHandlerOptions {
  context: AdapterContext;
  core: EncoderCore;
  writer: ChunkWriter;
  format: string;
  /** The field of a text or reasoning delta: `delta` in UI chunks, `text` in stream parts. */
  deltaKey: 'delta' | 'text';
  /** The fields a content record gets from its event. */
  contentFields(event: CanonicalEvent): Fields;
  /** Encodes one event with the encoder's whole handler map (for the parts of a `message`). */
  encode(event: CanonicalEvent): void;
  /**
   * Writes the record that opens a message for a run.
   * @param fields the format's own fields of the run-start, the decoder's marks taken out.
   * @param named whether the run id is the source's own (not minted), so the output names it.
   */
  start(event: EventOfType<'run-start'>, fields: Fields, named: boolean): void;
}

type SharedTypes =
  | 'run-start'
  | 'run-cancel'
  | 'run-pause'
  | 'step-start'
  | 'text-start'
  | 'text-delta'
  | 'reasoning-start'
  | 'reasoning-delta'
  | 'reasoning-end'
  | 'reasoning-step'
  | 'activity-start'
  | 'activity-end'
  | 'state'
  | 'handoff'
  | 'raw';

/**
 * A text or reasoning delta record: the content fields, then type, id and the delta. Written
 * field by field: an object literal with a computed key (the delta's) takes a slow path, paid
 * once per streamed token.
 */
function deltaRecord(fields: Fields, type: string, id: string, deltaKey: 'delta' | 'text', delta: string): Fields {
  const record: Fields = { ...fields, type, id };
  record[deltaKey] = delta;
  return record;
}

/** The handlers both AI SDK encoders share: the records are alike but for the delta field. */
export function sharedHandlers(options: SharedHandlerOptions): Pick<EventHandlers<void, void>, SharedTypes> {
  const { context, core, writer, deltaKey, contentFields } = options;
  // A member's run end has no record of its own: it travels compactly in our carrier. Its start
  // is said by the lineage of its first part (or by that end): decoding restores it.
  const carry = (event: CanonicalEvent) => writer.carry(event);
  return {
    'run-start'(event) {
      if (!core.opensMessage(event)) return;
      core.adopt(event);
      const fields = core.fields(event);
      if (fields[noStartKey] === true) return;
      // An id minted by either AI SDK decoder (their streams have none) names no message: a
      // continuation must keep the message id the client already has.
      const minted = Object.values(event.ext ?? {}).some((own) => isRecord(own) && own[mintedRunIdKey] === true);
      options.start(event, core.fields(event, [mintedRunIdKey, noStartKey]), !minted);
    },
    'run-cancel'(event) {
      if (!core.isRoot(event)) return carry(event);
      // An abort leaves the text it cut streaming, as streamText does when stopped.
      core.cutOpenBlocks();
      core.emit({ ...core.fields(event), type: 'abort', ...(event.reason === undefined ? {} : { reason: event.reason }) }, event);
      core.closeMessage();
    },
    'run-pause'(event) {
      const fields = core.fields(event);
      // A pause the AI SDK stream answered at once goes on in the same response: no step end, no finish.
      const answered = Object.values(event.ext ?? {}).some((own) => own[answeredInStreamKey] === true);
      core.writePause(event, fields.type === 'finish' ? { ...fields, type: 'finish' } : undefined, answered ? undefined : () => options.encode({ type: 'step-end', ...envelopeOf(event) }));
      if (core.isRoot(event)) core.settle();
    },
    'step-start'(event) {
      core.startStep();
      core.emit({ ...core.fields(event), type: 'start-step' }, event);
    },
    'text-start'(event) {
      core.openBlock('text', event);
    },
    'text-delta'(event) {
      const id = core.blockFor('text', event);
      core.emit(deltaRecord(contentFields(event), 'text-delta', id, deltaKey, event.delta), event, id);
    },
    'reasoning-start'(event) {
      core.openBlock('reasoning', event);
    },
    'reasoning-delta'(event) {
      const id = core.blockFor('reasoning', event);
      core.emit(deltaRecord(contentFields(event), 'reasoning-delta', id, deltaKey, event.delta), event, id);
    },
    'reasoning-end'(event) {
      core.closeBlock('reasoning', event, contentFields(event));
    },
    'reasoning-step': core.drop,
    'activity-start': core.drop,
    'activity-end': core.drop,
    state: core.drop,
    handoff: core.drop,
    raw(event) {
      reportForeignRaw(context, event, options.format);
    },
  };
}

/**
 * Streams an assistant or tool `message` as events, so that consumers show it.
 * @returns false for other roles: the caller's to write or leave out.
 */
export function explodeInto(event: EventOfType<'message'>, context: AdapterContext, encode: (event: CanonicalEvent) => void): boolean {
  const role = event.message.role;
  if (role !== 'assistant' && role !== 'tool') return false;
  for (const part of explodeMessage(event.message, envelopeOf(event), context.mint('message'))) encode(part);
  return true;
}

/** Encodes one event through a handler map, a message start first where none is open (the consumer needs `start` first). */
export function encodeWith(core: EncoderCore, handlers: EventHandlers<void, void>, event: CanonicalEvent): void {
  const cut = core.takeCutStep(event);
  // The step its pause ended is ended already.
  if (cut && event.type === 'step-end') return;
  if (event.type !== 'run-start' && !core.messageOpen) {
    // A paused run that goes on (resumed in the same log) answers in a new response, which opens
    // with its message's start as streamText's continuation does: no repair.
    if (!core.continues(event)) core.repaired(event, `"${event.type}" came before any run-start; a start record was written first`);
    // The run's start time is unknown: the event's own time is not the run's.
    const { time: _time, ...envelope } = envelopeOf(event);
    handlers['run-start']({ type: 'run-start', ...envelope }, undefined);
  }
  // The run goes on inside the step its pause ended: its new response opens a new step.
  if (cut && event.type !== 'step-start') handlers['step-start']({ type: 'step-start', ...envelopeOf(event) }, undefined);
  dispatch(handlers, event, undefined);
}

/**
 * The encoder over an encode function: each push returns what it wrote.
 * @param forgetCalls lets go of what the encoder keeps of a run's tool calls when the run ends or is forgotten.
 */
export function recordEncoder(core: EncoderCore, encode: (event: CanonicalEvent) => void, forgetCalls?: (toolCallIds: readonly string[]) => void): Encoder {
  const { writer } = core;
  /**
   * Lets go of a run's blocks and tool inputs: no end comes for them, and the consumer's parts
   * stay as they were left. A run that completed keeps its tool parts (a continuation may give
   * their outcome); one that failed, was cancelled or is forgotten gets none.
   */
  function letGo(runId: string, calls: readonly string[] | undefined, keepParts: boolean): void {
    core.forgetBlocks(runId);
    if (calls === undefined) return;
    forgetCalls?.(calls);
    if (!keepParts) for (const toolCallId of calls) core.toolParts.delete(toolCallId);
  }
  return {
    push(event) {
      // The stream state lets go of an ended run's calls as it writes the end: they are read first.
      const ends = endsRun(event);
      const calls = ends ? writer.state.toolsByRun.get(event.runId) : undefined;
      encode(event);
      if (ends) letGo(event.runId, calls, event.type === 'run-end');
      return writer.take();
    },
    flush() {
      return writer.take();
    },
    forget(runId) {
      // A message stream has nothing to close for one run: what it keeps of the run goes.
      letGo(runId, writer.state.toolsByRun.get(runId), false);
      forgetRun(writer.state, runId);
      return writer.take();
    },
  };
}

/**
 * The fields of a content record: the format's own when the event came from it, else the ones the
 * other AI SDK format shares (as `toUIMessageChunk` copies them), with the record kind it names.
 * @param kindOf the record kind, in this format's terms, of the other format's fields.
 */
export function contentFieldsOf(core: EncoderCore, event: CanonicalEvent, other: string, kindOf: (fields: Fields) => Fields): Fields {
  if (event.ext?.[core.format] !== undefined) return core.fields(event);
  const shared = event.ext?.[other];
  if (shared === undefined) return {};
  const fields: Fields = {};
  for (const key of ['providerMetadata', 'citations', 'mediaType', 'filename']) if (shared[key] !== undefined) fields[key] = shared[key];
  return { ...fields, ...kindOf(shared) };
}
