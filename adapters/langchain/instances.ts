import type { AIMessage, AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { accumulate } from '../../src/model/accumulate.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import { explode } from '../../src/model/explode.js';
import type { IssueInput } from '../../src/model/issue.js';
import type { Run } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { createDecoder, type ReaderReference, type FormatsFor } from '../../src/pipeline/converter.js';
import type { AdapterContext, AnyFormat } from '../../src/pipeline/format.js';
import { coreMessages } from './core-messages.js';
import { createLangChainDecoder } from './decode.js';
import { createLangChainEncoder, type LangChainEncodeOptions } from './encode.js';
import { readMessageRecord } from './schema.js';
import { append } from '../../src/model/append.js';

type MessageClass = new (fields: never) => BaseMessage;

/** The message classes by name; readMessageRecord only accepts names of message classes. */
const classes = coreMessages as unknown as Record<string, MessageClass | undefined>;

/**
 * Builds the real `@langchain/core` message of a written record: constructor JSON with its own
 * class (chunks stay chunks), StoredMessage with `mapStoredMessageToChatMessage`, dicts and tuples
 * with `coerceMessageLikeToMessage`. Other records are returned unchanged.
 */
export function reviveLangChainRecord(record: unknown): unknown {
  const read = readMessageRecord(record);
  if (read === undefined) return record;
  switch (read.form.form) {
    case 'constructor': {
      const name = read.form.id.at(-1) ?? '';
      const Class = classes[name];
      // The constructor writes its defaults into the fields it gets: give it a copy.
      return Class === undefined ? record : new Class(structuredClone(read.fields) as never);
    }
    case 'stored':
      return coreMessages.mapStoredMessageToChatMessage({ type: read.form.type, data: structuredClone(read.fields) } as never);
    default:
      return coreMessages.coerceMessageLikeToMessage(structuredClone(record) as never);
  }
}

/** Options of {@link toLangChainMessages}. */
export interface ToLangChainOptions extends Pick<LangChainEncodeOptions, 'form' | 'members'> {
  /** Receives what the messages cannot carry. */
  onIssue?: (issue: IssueInput) => void;
}

/** Options of {@link toLangChainMessages} for records of another format. */
export interface FromRecordsOptions<From extends ReaderReference | 'auto' = ReaderReference | 'auto'> extends ToLangChainOptions {
  /**
   * The format of the records (`agnoFormat` from `agent-event-bridge/agno`), or the name of one
   * among `formats`, or `auto` to detect each one among `formats`; their decoder's issues go to
   * `onIssue` too.
   */
  from: From;
  /** The formats names and `auto` resolve among (`listFormats()` from the root entry for every registered one). */
  formats?: readonly AnyFormat[];
}

function contextOf(onIssue: ((issue: IssueInput) => void) | undefined): AdapterContext {
  const counters = new Map<string, number>();
  return {
    report: onIssue ?? (() => {}),
    mint(kind) {
      const next = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, next);
      return `${kind}-${next}`;
    },
  };
}

function eventsOf(input: readonly unknown[], options: ToLangChainOptions | FromRecordsOptions): readonly CanonicalEvent[] {
  if ('from' in options) {
    const decoder = createDecoder({
      from: options.from,
      ...(options.formats === undefined ? {} : { formats: options.formats }),
      ...(options.onIssue === undefined ? {} : { onIssue: options.onIssue }),
    });
    return [...input.flatMap((record) => decoder.push(record)), ...decoder.flush()];
  }
  const [first] = input as readonly (Run | CanonicalEvent)[];
  return first !== undefined && 'status' in first && 'messages' in first ? explode(input as Run[]) : (input as CanonicalEvent[]);
}

/**
 * Canonical runs or events as real `@langchain/core` messages (`AIMessage.isInstance` … hold):
 * each run's input as a HumanMessage, its messages in order, members after their leader, the run
 * lineage in `response_metadata.agent_event_bridge` and a member's agent in `name`.
 */
export function toLangChainMessages(input: readonly Run[] | readonly CanonicalEvent[], options?: ToLangChainOptions): BaseMessage[];
/** Records of another format (agno events, a stored `RunOutput` …) as LangChain messages: `{from: agnoFormat}`. */
export function toLangChainMessages<From extends ReaderReference | 'auto'>(records: readonly unknown[], options: FromRecordsOptions<From> & FormatsFor<From>): BaseMessage[];
export function toLangChainMessages(input: readonly unknown[], options: ToLangChainOptions | FromRecordsOptions = {}): BaseMessage[] {
  const encoder = createLangChainEncoder(contextOf(options.onIssue), {
    form: 'constructor',
    revive: reviveLangChainRecord,
    ...(options.members === undefined ? {} : { members: options.members }),
  });
  const out: unknown[] = [];
  for (const event of eventsOf(input, options)) append(out, encoder.push(event));
  append(out, encoder.flush());
  return out.filter((each): each is BaseMessage => !isRecord(each) || !('lc' in each));
}

/**
 * Real `@langchain/core` messages (or their JSON) as canonical runs: a list without lineage is one
 * run; messages this library wrote come back as the runs they were written from.
 */
export function fromLangChainMessages(messages: readonly (BaseMessage | unknown)[], options: Pick<ToLangChainOptions, 'onIssue'> = {}): Run[] {
  const decoder = createLangChainDecoder(contextOf(options.onIssue));
  const events: CanonicalEvent[] = [];
  for (const message of messages) append(events, decoder.push(message));
  append(events, decoder.flush());
  return accumulate(events, options.onIssue === undefined ? {} : { onIssue: options.onIssue });
}

function splitArgs(args: string): [string, string] {
  const middle = Math.ceil(args.length / 2);
  return [args.slice(0, middle), args.slice(middle)];
}

/**
 * The `AIMessageChunk`s a provider would stream for one AIMessage: text (or each content block),
 * then each tool call as two `tool_call_chunks` split by index (id and name on the first), usage
 * on the last chunk. `concat` of them gives back the message's content, tool calls, usage,
 * metadata and id; like every concatenation, not its `name`.
 */
export function toLangChainChunks(message: AIMessage): AIMessageChunk[] {
  const id = message.id === undefined ? {} : { id: message.id };
  const pieces: Record<string, unknown>[] = [];
  const content = message.content;
  if (typeof content === 'string') {
    if (content !== '') pieces.push({ content });
  } else {
    for (const block of content) pieces.push({ content: [block] });
  }
  (message.tool_calls ?? []).forEach((call, index) => {
    const [head, tail] = splitArgs(JSON.stringify(call.args));
    pieces.push({ content: '', tool_call_chunks: [{ index, id: call.id, name: call.name, args: head, type: 'tool_call_chunk' }] });
    pieces.push({ content: '', tool_call_chunks: [{ index, args: tail, type: 'tool_call_chunk' }] });
  });
  if (pieces.length === 0) pieces.push({ content: typeof content === 'string' ? '' : [] });
  const first = pieces[0]!;
  first.additional_kwargs = structuredClone(message.additional_kwargs);
  first.response_metadata = structuredClone(message.response_metadata);
  if (message.usage_metadata !== undefined) pieces.at(-1)!.usage_metadata = structuredClone(message.usage_metadata);
  return pieces.map((piece) => new coreMessages.AIMessageChunk({ ...piece, ...id } as never));
}

/** Canonical runs or events as one `AIMessageChunk` list per AIMessage {@link toLangChainMessages} writes. */
export function toLangChainChunkLists(input: readonly Run[] | readonly CanonicalEvent[], options: ToLangChainOptions = {}): AIMessageChunk[][] {
  return toLangChainMessages(input, options)
    .filter((message): message is AIMessage => coreMessages.AIMessage.isInstance(message))
    .map(toLangChainChunks);
}
