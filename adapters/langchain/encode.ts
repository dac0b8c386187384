import type { CanonicalEvent } from '../../src/model/event.js';
import type { Message, Part, Resolution, Run } from '../../src/model/snapshot.js';
import { addIdOfRun, createSnapshotEncoder, deleteIdOfRun, isRecord, reportForeignRaw } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { type Lineage, runInfoOfRun, runLineage } from './lineage.js';
import { isChunkPiece, recordFields } from './message-fields.js';
import { type MessageFields, type MessageForm, type MessageKind, classNames, constructorId, formatName, writeMessageRecord } from './schema.js';
import { usageMetadataOf } from './usage-metadata.js';
import { append } from '../../src/model/append.js';

/** A serialized form the encoder can write. */
export type WrittenForm = 'constructor' | 'stored' | 'openai' | 'tuple';

/** Options of the LangChain encoder. */
export interface LangChainEncodeOptions {
  /**
   * The serialized form of the written messages (default `constructor`, the
   * `JSON.stringify(message)` form that `load` from `@langchain/core/load` revives).
   */
  form?: WrittenForm;
  /** Maps each written record, e.g. to a real `@langchain/core` message (see `reviveLangChainRecord`). */
  revive?: (record: unknown) => unknown;
  /**
   * Member runs of a team (runs of other formats): `inline` (default) writes each member's
   * messages, in order, before the leader's final answer; `omit` leaves them out, for a history
   * of the team's own turns.
   */
  members?: 'inline' | 'omit';
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
      return { form: 'constructor', id: constructorId(kind, chunk) };
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

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);
}

/** Whether a run was read from LangChain messages that had no lineage (the decoder marks its start). */
function readWithoutLineage(event: CanonicalEvent): boolean {
  const own = event.type === 'run-start' ? event.ext?.[formatName] : undefined;
  return isRecord(own) && own.lineage === false;
}

/**
 * Whether LangChain's `name` cannot say a message's own name, which then goes into the lineage: a
 * ToolMessage's `name` is the tool's, and an AIMessage's equal to its agent's is read as the name
 * the writer fills in for messages without one.
 */
function ownNameHidden(kind: MessageKind, message: Message, run: Run): boolean {
  if (message.name === undefined) return false;
  return kind === 'tool' || (kind === 'ai' && message.name === run.actor?.name);
}

/** The text parts of a message, joined. */
function textOf(message: Message): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/**
 * Writes LangChain messages from the canonical fields: each run when it ends, as a message list
 * (the input as a HumanMessage, each message in order, members after their leader), every message
 * with the run lineage in `response_metadata.agent_event_bridge`. A run read from LangChain
 * messages without lineage is written without it. (Records the LangChain decoder read are
 * written back verbatim by the pipeline.)
 */
export function createLangChainEncoder(context: AdapterContext, options: LangChainEncodeOptions = {}): Encoder {
  const revive = options.revive ?? ((record: unknown) => record);
  /** Runs read from LangChain messages without lineage. */
  const withoutLineage = new Set<string>();
  /** Text and reasoning blocks not ended yet: their ids by run. */
  const openBlocks = new Map<string, Set<string>>();
  /** The answers each run was resumed with, until the run is written: the run snapshot keeps none. */
  const resolutions = new Map<string, Resolution[]>();

  function write(fields: MessageFields, form: MessageForm): unknown {
    if (form.form === 'tuple') {
      const left = Object.keys(fields).filter((key) => key !== 'content' && !isEmpty(fields[key]));
      if (left.length > 0) {
        context.report({ code: 'dropped', level: 'warning', path: left.join(', '), message: `a [type, content] tuple cannot hold ${left.join(', ')}; write another form to keep them` });
      }
    }
    return revive(writeMessageRecord(fields, form));
  }

  /** The fields of each piece of a message; only the first LangChain message of a split message keeps its id. */
  function messageFields(message: Message, lineageFor: (piece: Piece) => Lineage | undefined, runId: string): [MessageFields, MessageForm][] {
    return piecesOf(message).map((piece, index) => {
      const form = formFor(piece.kind, options.form, isChunkPiece(piece.kind, message, piece.parts) && chunkFits(piece.kind, runId));
      return [recordFields(piece.kind, index === 0 ? message : { name: message.name }, piece.parts, lineageFor(piece), form), form];
    });
  }

  /**
   * Whether the chosen form can name a chunk class: only constructor JSON can (a StoredMessage's type
   * is the plain message's, as `toDict()` writes it); otherwise the chunk is written as its message.
   */
  function chunkFits(kind: MessageKind, runId: string): boolean {
    if ((options.form ?? 'constructor') === 'constructor') return true;
    context.report({
      code: 'approximated',
      level: 'info',
      runId,
      eventType: 'message',
      message: `a ${classNames[kind]}Chunk was written as a ${classNames[kind]}: the ${options.form} form has no chunk classes`,
    });
    return false;
  }

  /** A run without lineage cannot say how it ended unless it completed. */
  function reportUnwrittenEnd(run: Run): void {
    if (run.status === 'completed' || run.status === 'running') return;
    context.report({
      code: 'dropped',
      level: 'warning',
      runId: run.runId,
      message: `the run's ${run.status === 'error' ? 'error' : run.status === 'cancelled' ? 'cancellation' : 'pause'} has no place in LangChain messages read without lineage and was left out`,
    });
  }

  /**
   * The records of a run and its members, in the order {@link encodeOwnRun} gives, walked with a
   * stack of its own: teams nested thousands of levels deep would overflow the call stack.
   */
  function encodeRun(top: Run): unknown[] {
    const out: unknown[] = [];
    // Runs still to write, and the answers of leaders to write once their members are.
    const pending: (Run | unknown[])[] = [top];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (Array.isArray(next)) {
        append(out, next);
        continue;
      }
      const { before, answer } = encodeOwnRun(next);
      append(out, before);
      pending.push(answer);
      if (options.members === 'omit') continue;
      for (let index = next.members.length - 1; index >= 0; index -= 1) pending.push(next.members[index] as Run);
    }
    return out;
  }

  /**
   * The records of a run's own messages: those before its members' and its final answer after
   * them. Members worked before the leader answered: their messages go before its final AIMessage
   * (the last message, when it is the leader's and not its first record, which names the run
   * that members' lineage points to); otherwise after the leader's messages.
   */
  function encodeOwnRun(run: Run): { before: unknown[]; answer: unknown[] } {
    const lineaged = !withoutLineage.delete(run.runId);
    const resumedWith = resolutions.get(run.runId);
    resolutions.delete(run.runId);
    if (!lineaged) reportUnwrittenEnd(run);
    if (!lineaged && resumedWith !== undefined) {
      context.report({ code: 'dropped', level: 'warning', runId: run.runId, eventType: 'run-resume', message: 'the answers the run was resumed with have no place in LangChain messages read without lineage and were left out' });
    }
    const pairs: [MessageFields, MessageForm, MessageKind][] = [];
    const base = runLineage(run);
    let first = true;
    const lineageFor = (extra: Partial<Lineage>): Lineage | undefined => {
      if (!lineaged) return undefined;
      const lineage: Lineage = { ...base, ...extra };
      if (first) lineage.run = runInfoOfRun(run, resumedWith);
      first = false;
      return lineage;
    };
    const inputText = run.input === undefined ? undefined : typeof run.input === 'string' ? run.input : JSON.stringify(run.input);
    // An aggregate that keeps its input as a user message too (agno RunOutput) gets one HumanMessage, not two.
    if (inputText !== undefined && !(inputText !== '' && run.messages.some((message) => message.role === 'user' && textOf(message) === inputText))) {
      const text = inputText;
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
      const written = messageFields(
        message,
        (piece) => {
          const [result] = piece.parts;
          const json = piece.kind === 'tool' && result?.type === 'tool-result' && typeof result.output !== 'string' && !Array.isArray(result.output);
          return lineageFor({ ...(json ? { json: true as const } : {}), ...(ownNameHidden(piece.kind, message, run) ? { message_name: message.name } : {}) });
        },
        run.runId,
      );
      written.forEach(([fields, form], index) => pairs.push([fields, form, kinds[index]?.kind ?? 'ai']));
    }
    if (pairs.length === 0 && lineaged) {
      // A run that wrote no message still comes back as a run: an empty AIMessage carries it.
      const form = formFor('ai', options.form);
      pairs.push([recordFields('ai', {}, [], lineageFor({ placeholder: true }), form), form, 'ai']);
    }
    const ai = pairs.filter(([, , kind]) => kind === 'ai');
    const last = ai.at(-1);
    if (run.usage !== undefined && last !== undefined && ai.every(([fields]) => fields.usage_metadata === undefined)) {
      last[0].usage_metadata = usageMetadataOf(run.usage);
    }
    const records = pairs.map(([fields, form]) => write(fields, form));
    const answer = records.length > 1 && pairs.at(-1)?.[2] === 'ai' && run.messages.at(-1)?.role === 'assistant' ? records.length - 1 : records.length;
    return { before: records.slice(0, answer), answer: records.slice(answer) };
  }

  const snapshot = createSnapshotEncoder(context, encodeRun);

  /** A message is whole: text an error or a cancel cut reads back from LangChain as finished, so it is reported. */
  function followBlocks(event: CanonicalEvent): void {
    if (event.type === 'text-start' || event.type === 'reasoning-start') {
      addIdOfRun(openBlocks, event.runId, event.id);
    } else if (event.type === 'text-end' || event.type === 'reasoning-end') {
      deleteIdOfRun(openBlocks, event.runId, event.id);
    } else if (event.type === 'run-pause') {
      // The run is written as it stands: what it resumes with is a text of its own.
      openBlocks.delete(event.runId);
    } else if (event.type === 'run-end' || event.type === 'run-error' || event.type === 'run-cancel') {
      const cut = openBlocks.get(event.runId)?.size ?? 0;
      openBlocks.delete(event.runId);
      if (event.type === 'run-end' || cut === 0) return;
      context.report({
        code: 'approximated',
        level: 'warning',
        eventType: event.type,
        runId: event.runId,
        message: `${cut} text or reasoning block(s) cut by the run's ${event.type === 'run-error' ? 'error' : 'cancel'} were written as whole message content: LangChain messages cannot say a text was cut, and read back as finished`,
      });
    }
  }

  return {
    push(event) {
      followBlocks(event);
      if (readWithoutLineage(event)) withoutLineage.add(event.runId);
      if (event.type === 'run-resume' && event.resolutions !== undefined) resolutions.set(event.runId, [...(resolutions.get(event.runId) ?? []), ...event.resolutions]);
      if (event.type === 'raw') {
        reportForeignRaw(context, event, 'LangChain');
        return [];
      }
      // The run snapshot reports what it has no place for (activities, state, handoffs …).
      return snapshot.push(event);
    },
    flush() {
      const out = snapshot.flush();
      withoutLineage.clear();
      resolutions.clear();
      openBlocks.clear();
      return out;
    },
    forget(runId) {
      // The run is written first, from what is kept of it (lineage or not, its answers); then that goes.
      const out = snapshot.forget(runId);
      withoutLineage.delete(runId);
      openBlocks.delete(runId);
      resolutions.delete(runId);
      return out;
    },
  };
}
