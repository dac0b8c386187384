import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { explodeMessage, isStreamable } from '../../src/model/explode.js';
import type { Ext } from '../../src/model/snapshot.js';
import { type Usage, addUsage } from '../../src/model/usage.js';
import { handlerTable, isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { type Lineage, type RunInfo, envelopeOfLineage, lineageOf, runInfoOf } from './lineage.js';
import { langchainFields, messageOf } from './message-fields.js';
import { instanceChunkOf, recordOf } from './instance-record.js';
import { parsePartialJson } from './partial-json.js';
import { type MessageKind, type MessageRecord, type StreamEventRecord, formatName, isStreamEventRecord, readMessageRecord } from './schema.js';
import { type StreamEventHooks, type StreamEventReader, createStreamEventReader } from './stream-event-reader.js';
import { usageOf } from './usage-metadata.js';
import { append } from '../../src/model/append.js';

interface OpenTool {
  toolCallId: string;
  toolName: string;
  /** The `index` and `id` the source gave, which LangChain matches later chunks on. */
  index: number | string | undefined;
  sourceId: string | undefined;
  args: string[];
  /** An OpenAI custom tool: LangChain keeps its free-text arguments as `{ input }`. */
  custom: boolean;
  /** The arguments of a call that arrived whole in `tool_calls`. */
  whole?: { args: unknown };
}

/** An AI message being streamed as chunks. */
interface OpenChunkMessage {
  id: string | undefined;
  prefix: string;
  text: Map<string, string>;
  reasoning: Map<string, string>;
  /** Signatures of reasoning blocks by block id; Anthropic sends them in a chunk of their own. */
  signatures: Map<string, string>;
  tools: OpenTool[];
  lastTool: OpenTool | undefined;
  usage: Usage | undefined;
  finishReason: string | undefined;
  /**
   * Whether its chunks say where the stream ends: Python's langchain_core (1.0+) ends every
   * `stream()` with a chunk whose `chunk_position` is "last", and writes the field on each chunk
   * in the stored form. A stream that has the field and ends without "last" was cut.
   */
  marksLast: boolean;
  sawLast: boolean;
}

/**
 * Whether a tool call chunk continues an open call, as `_mergeLists` of @langchain/core matches
 * them: on `index` (and on `id` when both have one), else on `id` alone; the first match wins.
 */
function continues(tool: OpenTool, index: number | string | undefined, sourceId: string | undefined): boolean {
  if (index !== undefined && tool.index !== undefined) return tool.index === index && (sourceId === undefined || tool.sourceId === undefined || tool.sourceId === sourceId);
  return index === undefined && tool.index === undefined && sourceId !== undefined && tool.sourceId === sourceId;
}

/** One run being read: its envelope, what its lineage says, and its open chunk message. */
export interface RunState {
  envelope: Envelope;
  info: RunInfo | undefined;
  /** Sum of `usage_metadata`, for runs whose lineage does not say their usage. */
  usage: Usage | undefined;
  messages: number;
  chunk: OpenChunkMessage | undefined;
  /** Message lists end with the input; a streamEvents run ends only at its on_chain_end. */
  endsAtFlush: boolean;
}

/**
 * A run that a whole message (not a chunk) starts is a message list: a stored snapshot, which
 * targets with an aggregate shape write as one by default.
 */
function markSnapshot(out: CanonicalEvent[], from: number): void {
  for (let index = from; index < out.length; index += 1) {
    const event = out[index] as CanonicalEvent;
    if (event.type === 'run-start') event.snapshot = true;
  }
}

/** The state of one LangChain decoder, which every record handler reads and updates. */
export interface LangChainDecoderState {
  context: AdapterContext;
  /** Open runs by run id. */
  runs: Map<string, RunState>;
  /** The run minted for messages without lineage, once one arrived. */
  mintedRunId?: string;
  /** The run whose `AIMessageChunk` stream is open. */
  chunkRun?: RunState;
  /** The streamEvents v2 reader, created at the first streamEvents record. */
  streamEvents?: StreamEventReader;
}

/**
 * Decodes one message record of a known kind into `out`; module-level, with the decoder's state
 * as argument. `message` is what the record reads as, `record` the record as given.
 */
export type LangChainMessageHandler = (state: LangChainDecoderState, message: MessageRecord, out: CanonicalEvent[], record: unknown) => void;

/** Decodes one streamEvents v2 record; module-level, with the decoder's state as argument. */
export type LangChainStreamEventHandler = (state: LangChainDecoderState, record: StreamEventRecord, out: CanonicalEvent[]) => void;

/**
 * Handlers by LangChain record type: the message kinds (the JS `.type` of each message class,
 * `generic` for ChatMessage), `AIMessageChunk` for a streamed AI chunk in constructor or
 * StoredMessage form, and `streamEvent` for streamEvents v2 records.
 */
export type LangChainRecordHandlers = Record<MessageKind | 'AIMessageChunk', LangChainMessageHandler> & { streamEvent: LangChainStreamEventHandler };

/** Options of the LangChain decoder. */
export interface LangChainDecodeOptions {
  /** Handlers that replace the default ones for their record types (see `langchainRecordHandlers`). */
  handlers?: Partial<LangChainRecordHandlers>;
}

/** The run minted for messages without lineage: one per input. */
function anonymousRun(state: LangChainDecoderState, out: CanonicalEvent[]): RunState {
  if (state.mintedRunId === undefined) {
    state.mintedRunId = state.context.mint('run');
    state.context.report({
      code: 'minted',
      level: 'info',
      runId: state.mintedRunId,
      message: `LangChain messages carry no run id; they were read as the run ${state.mintedRunId}`,
    });
  }
  // Written back without lineage: the messages had none.
  return runOf(state, { runId: state.mintedRunId }, undefined, out, { [formatName]: { lineage: false } });
}

function runOf(state: LangChainDecoderState, envelope: Envelope, info: RunInfo | undefined, out: CanonicalEvent[], ext?: Ext, input?: unknown): RunState {
  let run = state.runs.get(envelope.runId);
  if (run !== undefined) return run;
  run = { envelope, info, usage: undefined, messages: 0, chunk: undefined, endsAtFlush: true };
  state.runs.set(envelope.runId, run);
  const start: CanonicalEvent = { type: 'run-start', ...envelope };
  if (input !== undefined) start.input = input;
  if (ext !== undefined) start.ext = ext;
  out.push(start);
  // A resumed run goes on from the answers it was given, before anything it did after them.
  if (info?.resolutions !== undefined && info.resolutions.length > 0) out.push({ type: 'run-resume', ...envelope, resolutions: info.resolutions });
  return run;
}

function lineageRun(state: LangChainDecoderState, lineage: Lineage, out: CanonicalEvent[], input?: unknown): RunState {
  return runOf(state, envelopeOfLineage(lineage), runInfoOf(lineage), out, undefined, input);
}

function startsInput(state: LangChainDecoderState, lineage: Lineage | undefined, record: MessageRecord): boolean {
  return lineage !== undefined && (lineage.input !== undefined || lineage.placeholder === true) && !state.runs.has(lineage.run_id) && (record.kind === 'human' || record.kind === 'ai');
}

/** The run-start of a run whose first record is its input HumanMessage or its placeholder. */
function readRunHead(state: LangChainDecoderState, record: MessageRecord, lineage: Lineage, out: CanonicalEvent[]): void {
  if (lineage.placeholder === true) {
    lineageRun(state, lineage, out);
    return;
  }
  const content = record.fields.content;
  const text = typeof content === 'string' ? content : '';
  let input: unknown = text;
  if (lineage.input === 'json') {
    try {
      input = JSON.parse(text);
    } catch {
      state.context.report({ code: 'invalid-input', level: 'warning', path: 'content', message: 'a JSON run input could not be parsed; kept as text' });
    }
  }
  lineageRun(state, lineage, out, input);
}

/** A whole message of a kind with a canonical role: a message of its run (or the run's input). */
function readMessage(state: LangChainDecoderState, record: MessageRecord, out: CanonicalEvent[]): void {
  const fields = langchainFields(record.fields, record.form);
  const lineage = lineageOf(fields);
  const started = out.length;
  if (lineage !== undefined && startsInput(state, lineage, record)) {
    readRunHead(state, record, lineage, out);
    markSnapshot(out, started);
    return;
  }
  const run = lineage === undefined ? anonymousRun(state, out) : lineageRun(state, lineage, out);
  markSnapshot(out, started);
  const runId = run.envelope.runId;
  const message = messageOf({ kind: record.kind, chunk: record.chunk, fields, lineage, context: state.context, runId });
  if (record.kind === 'ai') run.usage = addUsage(run.usage, usageOf(fields.usage_metadata));
  const prefix = `m${run.messages++}`;
  if (isStreamable(message)) explodeMessage(message, run.envelope, prefix, out);
  else out.push({ type: 'message', ...run.envelope, message });
}

/** A message of a kind without a canonical role (ChatMessage, FunctionMessage, RemoveMessage): kept as a raw record. */
function readUnknownKind(state: LangChainDecoderState, message: MessageRecord, out: CanonicalEvent[], record: unknown): void {
  const run = state.chunkRun ?? anonymousRun(state, out);
  state.context.report({
    code: 'unknown-event',
    level: 'warning',
    runId: run.envelope.runId,
    eventType: message.kind,
    message: `a LangChain ${message.kind} message has no canonical role; it was kept verbatim as a raw record`,
  });
  out.push({ type: 'raw', ...run.envelope, format: formatName, payload: record });
}

function openChunk(state: LangChainDecoderState, run: RunState, record: MessageRecord, out: CanonicalEvent[]): OpenChunkMessage {
  const id = typeof record.fields.id === 'string' ? record.fields.id : undefined;
  const open: OpenChunkMessage = {
    id,
    prefix: `m${run.messages++}`,
    text: new Map(),
    reasoning: new Map(),
    signatures: new Map(),
    tools: [],
    lastTool: undefined,
    usage: undefined,
    finishReason: undefined,
    marksLast: false,
    sawLast: false,
  };
  const start: CanonicalEvent = { type: 'step-start', ...run.envelope };
  if (id !== undefined) start.messageId = id;
  out.push(start);
  run.chunk = open;
  state.chunkRun = run;
  return open;
}

function chunkText(run: RunState, open: OpenChunkMessage, kind: 'text' | 'reasoning', key: string, delta: string, out: CanonicalEvent[]): string {
  const blocks = kind === 'text' ? open.text : open.reasoning;
  let id = blocks.get(key);
  if (id === undefined) {
    id = `${open.prefix}-${kind === 'text' ? 't' : 'r'}${key}`;
    blocks.set(key, id);
    out.push({ type: `${kind}-start`, ...run.envelope, id });
  }
  if (delta !== '') out.push({ type: `${kind}-delta`, ...run.envelope, id, delta });
  return id;
}

function chunkReasoning(run: RunState, open: OpenChunkMessage, key: string, block: Record<string, unknown>, text: unknown, out: CanonicalEvent[]): void {
  const signature = typeof block.signature === 'string' ? block.signature : undefined;
  if (typeof text !== 'string' && signature === undefined) return;
  const id = chunkText(run, open, 'reasoning', key, typeof text === 'string' ? text : '', out);
  if (signature !== undefined) open.signatures.set(id, signature);
}

function startTool(state: LangChainDecoderState, run: RunState, open: OpenChunkMessage, fields: Pick<OpenTool, 'index' | 'sourceId' | 'toolName' | 'custom'>, path: string, out: CanonicalEvent[]): OpenTool {
  let toolCallId = fields.sourceId;
  if (toolCallId === undefined) {
    toolCallId = state.context.mint('call');
    state.context.report({ code: 'minted', level: 'info', runId: run.envelope.runId, eventType: 'tool-input-start', path, message: `a streamed tool call without an id was given the id ${toolCallId}` });
  }
  const tool: OpenTool = { ...fields, toolCallId, args: [] };
  open.tools.push(tool);
  out.push({ type: 'tool-input-start', ...run.envelope, toolCallId, toolName: tool.toolName });
  return tool;
}

function chunkTools(state: LangChainDecoderState, run: RunState, open: OpenChunkMessage, chunks: unknown, out: CanonicalEvent[]): void {
  if (!Array.isArray(chunks)) return;
  for (const chunk of chunks) {
    if (!isRecord(chunk)) continue;
    const sourceId = typeof chunk.id === 'string' && chunk.id !== '' ? chunk.id : undefined;
    const index = typeof chunk.index === 'number' || typeof chunk.index === 'string' ? chunk.index : undefined;
    // A chunk without index and id continues the call before it (LangChain would append it as
    // a call of its own, without an id, hence invalid).
    let tool = index === undefined && sourceId === undefined ? open.lastTool : open.tools.find((open) => continues(open, index, sourceId));
    tool ??= startTool(state, run, open, { index, sourceId, toolName: typeof chunk.name === 'string' ? chunk.name : '', custom: false }, 'tool_call_chunks', out);
    tool.sourceId ??= sourceId;
    if (chunk.isCustomTool === true) tool.custom = true;
    open.lastTool = tool;
    if (typeof chunk.args === 'string' && chunk.args !== '') {
      tool.args.push(chunk.args);
      out.push({ type: 'tool-input-delta', ...run.envelope, toolCallId: tool.toolCallId, delta: chunk.args });
    }
  }
}

/** Calls that arrive whole in a chunk's `tool_calls` (read only when it has no `tool_call_chunks`, which they would repeat). */
function chunkWholeToolCalls(state: LangChainDecoderState, run: RunState, open: OpenChunkMessage, calls: unknown, out: CanonicalEvent[]): void {
  if (!Array.isArray(calls)) return;
  for (const call of calls) {
    if (!isRecord(call)) continue;
    const sourceId = typeof call.id === 'string' && call.id !== '' ? call.id : undefined;
    if (sourceId !== undefined && open.tools.some((tool) => tool.sourceId === sourceId)) continue;
    const tool = startTool(state, run, open, { index: undefined, sourceId, toolName: typeof call.name === 'string' ? call.name : '', custom: false }, 'tool_calls', out);
    tool.whole = { args: call.args ?? {} };
  }
}

/** The tool call a streamed tool becomes, as `collapseToolCallChunks` of @langchain/core reads it. */
function toolCallOf(state: LangChainDecoderState, run: RunState, tool: OpenTool): CanonicalEvent {
  const call = { type: 'tool-call' as const, ...run.envelope, toolCallId: tool.toolCallId, toolName: tool.toolName };
  if (tool.whole !== undefined) return { ...call, input: tool.whole.args };
  const text = tool.args.join('');
  if (tool.custom) return { ...call, input: { input: text } };
  const written = text.trim() === '' ? '{}' : text.trim();
  const input = parsePartialJson(written);
  // LangChain executes only object arguments of a call with an id; anything else is invalid.
  if (isRecord(input) && tool.sourceId !== undefined) return { ...call, input };
  state.context.report({
    code: 'approximated',
    level: 'warning',
    runId: run.envelope.runId,
    eventType: 'tool-call',
    path: 'tool_call_chunks',
    message: `the streamed tool call ${tool.toolCallId} is invalid (Malformed args.) as LangChain reads it; it is kept as a tool call whose input is the raw argument string`,
  });
  return { ...call, input: written, ext: { [formatName]: { invalid: true, error: 'Malformed args.' } } };
}

/**
 * Ends the run's open chunk message. One whose stream stopped before its end (`cut`: a streamEvents
 * model without `on_chat_model_end`, a stream that marks its last chunk and did not reach it) was
 * aborted: its text and reasoning get no end and its step none either, as the AI SDK leaves an
 * aborted text streaming, and the cut is reported.
 */
function closeChunk(state: LangChainDecoderState, run: RunState, out: CanonicalEvent[], stopped = false): void {
  const open = run.chunk;
  if (open === undefined) return;
  run.chunk = undefined;
  if (state.chunkRun === run) state.chunkRun = undefined;
  const closing: CanonicalEvent[] = [];
  const cut = stopped || (open.marksLast && !open.sawLast);
  if (cut) {
    state.context.report({
      code: 'invalid-sequence',
      level: 'warning',
      runId: run.envelope.runId,
      eventType: 'step-end',
      message: `the stream of message ${open.id === undefined ? '(no id)' : `"${open.id}"`} stopped before its end (${stopped ? 'no on_chat_model_end' : 'no chunk_position "last"'}): its text was cut, so neither it nor its step is read as finished`,
    });
  }
  for (const id of cut ? [] : open.text.values()) closing.push({ type: 'text-end', ...run.envelope, id });
  for (const id of cut ? [] : open.reasoning.values()) {
    const signature = open.signatures.get(id);
    closing.push({ type: 'reasoning-end', ...run.envelope, id, ...(signature === undefined ? {} : { signature }) });
  }
  for (const tool of open.tools) closing.push(toolCallOf(state, run, tool));
  if (cut) {
    append(out, closing);
    return;
  }
  const end: CanonicalEvent = { type: 'step-end', ...run.envelope };
  if (open.usage !== undefined) end.usage = open.usage;
  if (open.finishReason !== undefined) end.finishReason = open.finishReason;
  closing.push(end);
  append(out, closing);
}

function closeOpenChunk(state: LangChainDecoderState, out: CanonicalEvent[]): void {
  if (state.chunkRun !== undefined) closeChunk(state, state.chunkRun, out);
}

/**
 * Reads one `AIMessageChunk`: a new message starts at a chunk with another id or with a lineage
 * (written on first chunks only). A streamEvents chunk names its run (`targetRunId`); an
 * `AIMessageChunk` record does not.
 */
function readChunk(state: LangChainDecoderState, record: MessageRecord, out: CanonicalEvent[], _record?: unknown, targetRunId?: string): void {
  const fields = record.fields;
  const lineage = lineageOf(fields);
  const id = typeof fields.id === 'string' ? fields.id : undefined;
  let run: RunState;
  if (targetRunId !== undefined) run = state.runs.get(targetRunId) ?? runOf(state, { runId: targetRunId }, undefined, out);
  else if (lineage !== undefined) run = lineageRun(state, lineage, out);
  else run = state.chunkRun ?? anonymousRun(state, out);
  let open = run.chunk;
  if (open !== undefined && (lineage !== undefined || (id !== undefined && open.id !== undefined && id !== open.id))) {
    closeChunk(state, run, out);
    open = undefined;
  }
  if (open === undefined) {
    closeOpenChunk(state, out);
    open = openChunk(state, run, record, out);
  }
  const content = fields.content;
  if (typeof content === 'string') {
    if (content !== '') chunkText(run, open, 'text', '', content, out);
  } else if (Array.isArray(content)) {
    content.forEach((block, position) => {
      if (!isRecord(block)) return;
      const key = String(block.index ?? position);
      if (block.type === 'text' && typeof block.text === 'string') chunkText(run, open, 'text', key, block.text, out);
      else if (block.type === 'reasoning') chunkReasoning(run, open, key, block, block.reasoning, out);
      else if (block.type === 'thinking') chunkReasoning(run, open, key, block, block.thinking, out);
    });
  }
  if (Array.isArray(fields.tool_call_chunks) && fields.tool_call_chunks.length > 0) chunkTools(state, run, open, fields.tool_call_chunks, out);
  else chunkWholeToolCalls(state, run, open, fields.tool_calls, out);
  const usage = usageOf(fields.usage_metadata);
  // Most chunks carry no usage: the sums are left as they are rather than copied.
  if (usage !== undefined) {
    open.usage = addUsage(open.usage, usage);
    run.usage = addUsage(run.usage, usage);
  }
  if ('chunk_position' in fields) open.marksLast = true;
  if (fields.chunk_position === 'last') open.sawLast = true;
  const metadata = fields.response_metadata;
  if (!isRecord(metadata)) return;
  if (typeof metadata.finish_reason === 'string') open.finishReason = metadata.finish_reason;
  else if (typeof metadata.stop_reason === 'string') open.finishReason = metadata.stop_reason;
}

/** The end of a message-list run, as its lineage says (completed when it says nothing). */
function endRun(state: LangChainDecoderState, run: RunState, out: CanonicalEvent[]): void {
  const info = run.info;
  const envelope = run.envelope;
  const status = info?.status ?? 'completed';
  if (info === undefined) {
    state.context.report({
      code: 'approximated',
      level: 'info',
      runId: envelope.runId,
      eventType: 'run-end',
      message: 'LangChain messages say nothing of how their run ended; the run was read as completed when the input ended',
    });
  }
  // As explode does: only run-end carries usage, so a run that did not complete keeps it on a step end.
  const usage = info === undefined ? run.usage : info.usage;
  if (status !== 'completed' && usage !== undefined) out.push({ type: 'step-end', ...envelope, usage });
  switch (status) {
    case 'completed': {
      const end: CanonicalEvent = { type: 'run-end', ...envelope };
      if (usage !== undefined) end.usage = usage;
      out.push(end);
      return;
    }
    case 'error':
      out.push({ type: 'run-error', ...envelope, error: { message: 'the run ended with an error; LangChain messages do not say which' } });
      return;
    case 'cancelled':
      out.push({ type: 'run-cancel', ...envelope });
      return;
    case 'paused':
      out.push({ type: 'run-pause', ...envelope, requirements: info?.requirements ?? [] });
      return;
    case 'running':
      return;
  }
}

/** What the streamEvents reader asks of the decoder: its runs live in the decoder's state. */
function streamEventHooks(state: LangChainDecoderState): StreamEventHooks {
  return {
    startRun(runId, name, input, out) {
      const envelope: Envelope = { runId };
      if (name !== undefined) envelope.actor = { kind: 'agent', name };
      runOf(state, envelope, undefined, out, undefined, input).endsAtFlush = false;
    },
    hasRun: (runId) => state.runs.has(runId),
    readChunk(record, runId, out) {
      readChunk(state, record, out, undefined, runId);
    },
    closeChunk(runId, out, stopped) {
      const run = state.runs.get(runId);
      if (run !== undefined) closeChunk(state, run, out, stopped);
    },
    readMessage(record, runId, out) {
      const run = state.runs.get(runId);
      if (run === undefined) return;
      closeChunk(state, run, out);
      const message = messageOf({ kind: record.kind, fields: record.fields, lineage: undefined, context: state.context, runId });
      explodeMessage(message, run.envelope, `m${run.messages++}`, out);
    },
    envelopeOf: (runId) => state.runs.get(runId)?.envelope ?? { runId },
    endRun(runId, output, out) {
      const run = state.runs.get(runId);
      if (run === undefined) return;
      closeChunk(state, run, out);
      state.runs.delete(runId);
      const end: CanonicalEvent = { type: 'run-end', ...run.envelope };
      if (output !== undefined) end.output = output;
      if (run.usage !== undefined) end.usage = run.usage;
      out.push(end);
    },
  };
}

/** A streamEvents v2 record, read by the decoder's one streamEvents reader. */
function readStreamEvent(state: LangChainDecoderState, record: StreamEventRecord, out: CanonicalEvent[]): void {
  (state.streamEvents ??= createStreamEventReader(state.context, streamEventHooks(state))).push(record, out);
}

/**
 * The default handlers by LangChain record type. Exported so that a handler given in the
 * `handlers` option can wrap the default one of its type.
 */
export const langchainRecordHandlers: Readonly<LangChainRecordHandlers> = {
  human: readMessage,
  ai: readMessage,
  system: readMessage,
  tool: readMessage,
  generic: readUnknownKind,
  function: readUnknownKind,
  remove: readUnknownKind,
  AIMessageChunk: readChunk,
  streamEvent: readStreamEvent,
};

/**
 * Reads LangChain messages in every serialized form (constructor JSON, StoredMessage, Python
 * `message_to_dict`, OpenAI-style dicts, tuples), `AIMessageChunk` streams and `streamEvents`
 * v2 records, as JSON or as the `@langchain/core` instances themselves (read as their JSON). A message list is one run (its id minted) unless the messages carry the lineage
 * this library writes; each run ends when the input does. Each record goes to the handler of its
 * type, `options.handlers` over `langchainRecordHandlers`.
 */
export function createLangChainDecoder(context: AdapterContext, options?: LangChainDecodeOptions): Decoder {
  const state: LangChainDecoderState = { context, runs: new Map() };
  const handlers = handlerTable(langchainRecordHandlers, options?.handlers);
  return {
    push(given) {
      const out: CanonicalEvent[] = [];
      // A streamed token's AIMessageChunk instance goes straight to its handler, read once.
      const instance = instanceChunkOf(given);
      if (instance !== undefined) {
        handlers.AIMessageChunk(state, instance.message, out, instance.record);
        return out;
      }
      const record = recordOf(given);
      if (isStreamEventRecord(record)) {
        handlers.streamEvent(state, record, out);
        return out;
      }
      const message = readMessageRecord(record);
      if (message === undefined) {
        context.report({ code: 'unknown-event', level: 'warning', message: 'not a LangChain message, chunk or streamEvents record; kept verbatim as a raw record' });
        const runId = state.chunkRun?.envelope.runId ?? state.mintedRunId ?? 'unknown';
        return [{ type: 'raw', runId, format: formatName, payload: record }];
      }
      if (message.kind === 'ai' && message.chunk && (message.form.form === 'constructor' || message.form.form === 'stored')) {
        handlers.AIMessageChunk(state, message, out, record);
        return out;
      }
      // A whole message ends the chunk stream before it, whichever handler reads it.
      closeOpenChunk(state, out);
      handlers[message.kind](state, message, out, record);
      return out;
    },
    flush() {
      const out: CanonicalEvent[] = [];
      // A model streamEvents left streaming is cut: its reader ends it before anything else does.
      state.streamEvents?.flush(out);
      closeOpenChunk(state, out);
      // Members end before their leader, as explode orders them.
      for (const run of [...state.runs.values()].reverse()) {
        closeChunk(state, run, out);
        if (run.endsAtFlush) endRun(state, run, out);
      }
      state.runs.clear();
      return out;
    },
    forget(runId) {
      const out: CanonicalEvent[] = [];
      const run = state.runs.get(runId);
      if (run === undefined) return out;
      closeChunk(state, run, out);
      if (run.endsAtFlush) endRun(state, run, out);
      state.runs.delete(runId);
      return out;
    },
  };
}
