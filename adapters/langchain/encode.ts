import { accumulate } from '../../src/model/accumulate.js';
import { type CanonicalEvent, type EventHandlers, dispatch } from '../../src/model/event.js';
import type { Message, Part, Run } from '../../src/model/snapshot.js';
import { createSnapshotEncoder, isRecord, reportForeignRaw } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { chunkFieldsOf, createChunkBuildState, groupStep } from './chunk-fields.js';
import { type ChunkDescriptor, defaultForm, type FieldDiff, applyDiff, diffOf, readRecordExt } from './record-ext.js';
import { type Lineage, type RunInfo, runLineage } from './lineage.js';
import { recordFields } from './message-fields.js';
import { type MessageFields, type MessageForm, type MessageKind, formatName, writeMessageRecord } from './schema.js';
import { usageMetadataOf } from './usage-metadata.js';

/** A serialized form the encoder can write. */
export type WrittenForm = 'constructor' | 'stored' | 'openai' | 'tuple';

/** Options of the LangChain encoder. */
export interface LangChainEncodeOptions {
  /**
   * The form of messages that do not carry the form they were read in (default `constructor`,
   * the `JSON.stringify(message)` form that `load` from `@langchain/core/load` revives).
   */
  form?: WrittenForm;
  /** Maps each written record, e.g. to a real `@langchain/core` message (see `reviveLangChainRecord`). */
  revive?: (record: unknown) => unknown;
}

const roleKinds: Record<Message['role'], MessageKind> = { user: 'human', assistant: 'ai', system: 'system', tool: 'tool' };
const openaiRoles: Partial<Record<MessageKind, string>> = { human: 'user', ai: 'assistant', system: 'system', tool: 'tool' };

/** The form a kind is written in for a chosen serialized form. */
export function formFor(kind: MessageKind, form: WrittenForm = 'constructor', chunk = false): MessageForm {
  switch (form) {
    case 'stored':
      return { form: 'stored', type: kind };
    case 'openai':
      return { form: 'openai', role: openaiRoles[kind] ?? kind };
    case 'tuple':
      // A ToolMessage needs its tool_call_id, which a tuple cannot hold.
      return kind === 'tool' ? { form: 'openai', role: 'tool' } : { form: 'tuple', type: kind };
    case 'constructor':
      return defaultForm(kind, chunk);
  }
}

/** One LangChain message to write: its kind and the parts of the canonical message it carries. */
interface Piece {
  kind: MessageKind;
  parts: Part[];
}

/** An assistant message becomes an AIMessage and, for the results it holds (AI SDK style), ToolMessages. */
function piecesOf(message: Message): Piece[] {
  const kind = roleKinds[message.role];
  if (kind === 'tool' || kind === 'ai') {
    const results = message.parts.filter((part) => part.type === 'tool-result');
    const rest = message.parts.filter((part) => part.type !== 'tool-result');
    const pieces: Piece[] = kind === 'ai' || rest.length > 0 ? [{ kind: 'ai', parts: rest }] : [];
    for (const result of results) pieces.push({ kind: 'tool', parts: [result] });
    return pieces;
  }
  return [{ kind, parts: message.parts }];
}

function optionalDiff(descriptor: ChunkDescriptor | undefined): { diff?: FieldDiff } {
  const diff = diffOf(descriptor as Record<string, unknown> | undefined);
  return diff === undefined ? {} : { diff };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);
}

function runInfoOf(run: Run): RunInfo {
  const { runId: _runId, parentRunId: _parent, sessionId: _session, actor: _actor, messages: _messages, members: _members, input: _input, ext, ...info } = run;
  const { [formatName]: _own, ...rest } = ext ?? {};
  return Object.keys(rest).length === 0 ? info : { ...info, ext: rest };
}

interface RecordRun {
  step: CanonicalEvent[] | undefined;
  /** Whether a written record carries the run's status in its lineage (written by this library). */
  carriesRun: boolean;
}

/**
 * Writes LangChain messages. Runs read from LangChain records are written back record by record
 * in the form they were read (messages, chunk streams, lineage as it was); other runs are written
 * when they end, as a message list: the input as a HumanMessage, each message in order, members
 * after their leader, with the run lineage in `response_metadata.agent_event_bridge`.
 */
export function createLangChainEncoder(context: AdapterContext, options: LangChainEncodeOptions = {}): Encoder {
  const revive = options.revive ?? ((record: unknown) => record);
  const recordRuns = new Map<string, RecordRun>();

  function write(fields: MessageFields, form: MessageForm): unknown {
    if (form.form === 'tuple') {
      const left = Object.keys(fields).filter((key) => key !== 'content' && !isEmpty(fields[key]));
      if (left.length > 0) {
        context.report({ code: 'dropped', level: 'warning', path: left.join(', '), message: `a [type, content] tuple cannot hold ${left.join(', ')}; write another form to keep them` });
      }
    }
    return revive(writeMessageRecord(fields, form));
  }

  /**
   * The form a record is written in and the diff applied to it: the form it was read in, unless the
   * caller asked for one. A diff recorded in the shape of another form (OpenAI dicts, tuples) does not
   * fit LangChain's fields and is left out.
   */
  function pick(kind: MessageKind, chunk: boolean, read: { form?: MessageForm; diff?: FieldDiff }): { form: MessageForm; diff?: FieldDiff } {
    const recorded = read.form ?? defaultForm(kind, chunk);
    const chosen = options.form;
    // A chunk is written as constructor JSON or StoredMessage only.
    if (chosen === undefined || (chunk && chosen !== 'constructor' && chosen !== 'stored')) return { form: recorded, ...(read.diff === undefined ? {} : { diff: read.diff }) };
    const form = formFor(kind, chosen, chunk);
    const langchainShaped = (each: MessageForm) => each.form === 'constructor' || each.form === 'stored';
    if (recorded.form === form.form || (langchainShaped(recorded) && langchainShaped(form))) return { form, ...(read.diff === undefined ? {} : { diff: read.diff }) };
    if (read.diff !== undefined) {
      context.report({ code: 'approximated', level: 'info', message: `fields kept from the ${recorded.form} form do not fit the ${form.form} form and were left out` });
    }
    return { form };
  }

  /** The fields of each piece of a message, with its ext applied; lineage from the caller or the ext. */
  function messageFields(message: Message, lineageFor: (piece: Piece) => Lineage | undefined): [MessageFields, MessageForm][] {
    const own = readRecordExt(message.ext);
    return piecesOf(message).map((piece, index) => {
      const { form, diff } = index === 0 ? pick(piece.kind, false, own) : { form: formFor(piece.kind, options.form), diff: undefined };
      // Message ids are unique: only the first LangChain message of a split message keeps it.
      const fields = recordFields(piece.kind, index === 0 ? message : { name: message.name }, piece.parts, own.lineage ?? lineageFor(piece), form);
      return [applyDiff(fields, diff), form];
    });
  }

  function encodeRun(run: Run): unknown[] {
    const pairs: [MessageFields, MessageForm, MessageKind][] = [];
    const base = runLineage(run);
    let first = true;
    const lineageFor = (extra: Partial<Lineage>): Lineage => {
      const lineage: Lineage = { ...base, ...extra };
      if (first) lineage.run = runInfoOf(run);
      first = false;
      return lineage;
    };
    if (run.input !== undefined) {
      const text = typeof run.input === 'string' ? run.input : JSON.stringify(run.input);
      const lineage = lineageFor({ input: typeof run.input === 'string' ? true : 'json' });
      const form = formFor('human', options.form);
      pairs.push([recordFields('human', {}, text === '' ? [] : [{ type: 'text', text }], lineage, form), form, 'human']);
    }
    for (const message of run.messages) {
      const kinds = piecesOf(message);
      if (kinds.length > 1) {
        context.report({
          code: 'approximated',
          level: 'info',
          runId: run.runId,
          eventType: 'message',
          message: `a ${message.role} message with ${kinds.length - (message.role === 'assistant' ? 1 : 0)} tool results was written as ${kinds.length} LangChain messages, as LangChain holds one result per ToolMessage`,
        });
      }
      const written = messageFields(message, (piece) => {
        const [result] = piece.parts;
        const json = piece.kind === 'tool' && result?.type === 'tool-result' && typeof result.output !== 'string' && !Array.isArray(result.output);
        const named = piece.kind === 'tool' && message.name !== undefined;
        return lineageFor({ ...(json ? { json: true as const } : {}), ...(named ? { message_name: message.name } : {}) });
      });
      written.forEach(([fields, form], index) => pairs.push([fields, form, kinds[index]?.kind ?? 'ai']));
    }
    if (pairs.length === 0) {
      const form = formFor('ai', options.form);
      pairs.push([recordFields('ai', {}, [], lineageFor({ placeholder: true }), form), form, 'ai']);
    }
    const ai = pairs.filter(([, , kind]) => kind === 'ai');
    const last = ai.at(-1);
    if (run.usage !== undefined && last !== undefined && ai.every(([fields]) => fields.usage_metadata === undefined)) {
      last[0].usage_metadata = usageMetadataOf(run.usage);
    }
    const records = pairs.map(([fields, form]) => write(fields, form));
    for (const member of run.members) records.push(...encodeRun(member));
    return records;
  }

  const snapshot = createSnapshotEncoder(context, encodeRun);

  function writeMessage(message: Message, state?: RecordRun): unknown[] {
    if (state !== undefined && readRecordExt(message.ext).lineage?.run !== undefined) state.carriesRun = true;
    return messageFields(message, () => undefined).map(([fields, form]) => write(fields, form));
  }

  function writeChunks(events: CanonicalEvent[], descriptors: ChunkDescriptor[] | undefined, form: MessageForm | undefined): unknown[] {
    let groups: CanonicalEvent[][];
    if (descriptors !== undefined && descriptors.reduce((sum, each) => sum + each.n, 0) === events.length) {
      let offset = 0;
      groups = descriptors.map((each) => events.slice(offset, (offset += each.n)));
    } else {
      if (descriptors !== undefined) {
        context.report({ code: 'approximated', level: 'info', eventType: 'step-end', runId: events[0]?.runId, message: 'the recorded chunk boundaries do not fit the step any more; the chunks were rebuilt one per delta' });
      }
      groups = groupStep(events);
    }
    const start = events[0];
    const build = createChunkBuildState(start?.type === 'step-start' ? start.messageId : undefined);
    return groups.map((group, index) => {
      const { form: chunkForm, diff } = pick('ai', true, { ...(form === undefined ? {} : { form }), ...optionalDiff(descriptors?.[index]) });
      return write(applyDiff(chunkFieldsOf(group, build), diff), chunkForm);
    });
  }

  function flushStep(state: RecordRun): unknown[] {
    const events = state.step;
    state.step = undefined;
    if (events === undefined) return [];
    const end = events.at(-1);
    const own = end?.type === 'step-end' ? end.ext?.[formatName] : undefined;
    if (isRecord(own) && Array.isArray(own.chunks)) {
      return writeChunks(events, own.chunks as ChunkDescriptor[], readRecordExt(end?.ext).form);
    }
    const [run] = accumulate(events, { onIssue: context.report });
    return (run?.messages ?? []).flatMap((message) => writeMessage(message, state));
  }

  function stepEvent(event: CanonicalEvent, state: RecordRun): unknown[] {
    (state.step ??= []).push(event);
    return [];
  }

  function lost(event: CanonicalEvent, what: string, level: 'info' | 'warning'): unknown[] {
    context.report({ code: 'dropped', level, eventType: event.type, runId: event.runId, message: `${what} has no place in a LangChain message list and was left out` });
    return [];
  }

  /** The run's status is in the lineage of its first record when this library wrote the records. */
  function terminal(event: CanonicalEvent, state: RecordRun, what: string): unknown[] {
    const before = flushStep(state);
    return state.carriesRun ? before : [...before, ...lost(event, what, 'warning')];
  }

  function runHead(event: Extract<CanonicalEvent, { type: 'run-start' }>, state: RecordRun): unknown[] {
    const own = event.ext?.[formatName];
    if (!isRecord(own)) return [];
    if (isRecord(own.placeholder) || isRecord(own.input)) state.carriesRun = true;
    if (isRecord(own.placeholder)) {
      const ext = readRecordExt({ langchain: own.placeholder });
      const { form, diff } = pick('ai', false, ext);
      return [write(applyDiff(recordFields('ai', {}, [], ext.lineage, form), diff), form)];
    }
    if (isRecord(own.input)) {
      const ext = readRecordExt({ langchain: own.input });
      const { form, diff } = pick('human', false, ext);
      const text = typeof event.input === 'string' ? event.input : JSON.stringify(event.input ?? null);
      return [write(applyDiff(recordFields('human', {}, text === '' ? [] : [{ type: 'text', text }], ext.lineage, form), diff), form)];
    }
    return [];
  }

  /** Record runs: each event is written as soon as the record it came from is complete. */
  const recordHandlers: EventHandlers<unknown[], RecordRun> = {
    'run-start': runHead,
    'run-end': (_event, state) => flushStep(state),
    'run-error': (event, state) => terminal(event, state, 'a run error'),
    'run-cancel': (event, state) => terminal(event, state, 'a run cancellation'),
    'run-pause': (event, state) => terminal(event, state, 'a run pause'),
    'run-resume': () => [],
    'step-start': (event, state) => {
      const before = flushStep(state);
      state.step = [event];
      return before;
    },
    'step-end': (event, state) => {
      stepEvent(event, state);
      return flushStep(state);
    },
    'text-start': stepEvent,
    'text-delta': stepEvent,
    'text-end': stepEvent,
    'reasoning-start': stepEvent,
    'reasoning-delta': stepEvent,
    'reasoning-end': stepEvent,
    'reasoning-step': (event) => lost(event, 'a reasoning step', 'info'),
    'tool-input-start': stepEvent,
    'tool-input-delta': stepEvent,
    'tool-call': stepEvent,
    'tool-result': (event, state) => [...flushStep(state), ...writeMessage(accumulate([event])[0]?.messages[0] ?? { role: 'tool', parts: [] })],
    'tool-error': (event, state) => [...flushStep(state), ...writeMessage(accumulate([event])[0]?.messages[0] ?? { role: 'tool', parts: [] })],
    message: (event, state) => [...flushStep(state), ...writeMessage(event.message, state)],
    'activity-start': (event) => lost(event, `the activity "${event.name}"`, 'info'),
    'activity-end': (event) => lost(event, `the activity "${event.name}"`, 'info'),
    file: stepEvent,
    source: stepEvent,
    state: (event) => lost(event, 'a state update', 'info'),
    handoff: (event) => lost(event, `the handoff to "${event.to}"`, 'info'),
    data: stepEvent,
    raw: (event) => {
      reportForeignRaw(context, event, 'LangChain');
      return [];
    },
  };

  return {
    push(event) {
      if (event.type === 'run-start' && isRecord(event.ext?.[formatName]) && event.ext[formatName].records === true) {
        recordRuns.set(event.runId, { step: undefined, carriesRun: false });
      }
      const state = recordRuns.get(event.runId);
      if (state !== undefined) {
        const out = dispatch(recordHandlers, event, state);
        if (event.type === 'run-end' || event.type === 'run-error' || event.type === 'run-cancel') recordRuns.delete(event.runId);
        return out;
      }
      if (event.type === 'raw') {
        reportForeignRaw(context, event, 'LangChain');
        return [];
      }
      return snapshot.push(event);
    },
    flush() {
      const out: unknown[] = [];
      for (const state of recordRuns.values()) out.push(...flushStep(state));
      recordRuns.clear();
      out.push(...snapshot.flush());
      return out;
    },
  };
}
