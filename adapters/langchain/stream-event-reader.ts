import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { isRecord, ownEntry } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { sameJson } from '../../src/pipeline/json-patch.js';
import { type MessageRecord, type StreamEventRecord, formatName, readMessageRecord } from './schema.js';

/** What the stream-event reader asks of the decoder that owns the runs. */
export interface StreamEventHooks {
  startRun(runId: string, name: string | undefined, input: unknown, out: CanonicalEvent[]): void;
  hasRun(runId: string): boolean;
  readChunk(record: MessageRecord, runId: string, out: CanonicalEvent[]): void;
  /** Ends the run's open chunk message; `stopped` when its model never ended (the stream was aborted). */
  closeChunk(runId: string, out: CanonicalEvent[], stopped?: boolean): void;
  readMessage(record: MessageRecord, runId: string, out: CanonicalEvent[]): void;
  envelopeOf(runId: string): Envelope;
  endRun(runId: string, output: unknown, out: CanonicalEvent[]): void;
}

/** Reads `streamEvents` records one at a time. */
export interface StreamEventReader {
  push(record: StreamEventRecord, out: CanonicalEvent[]): void;
  flush(out: CanonicalEvent[]): void;
}

interface ToolCallSeen {
  id: string;
  name: string;
  args: unknown;
  used: boolean;
}

const sideRunTypes = new Set(['prompt', 'parser', 'retriever', 'llm', 'chain']);

/** What the streamEvents reader knows so far; its handlers read and change it. */
interface ReaderState {
  context: AdapterContext;
  hooks: StreamEventHooks;
  /** The run id of the outermost chain (or chat model) open: the canonical run. */
  top: string | undefined;
  /** Chat-model runs that streamed chunks: their end closes the chunk message instead of reading it. */
  streamed: Set<string>;
  /** Open tool runs by run id, with what their start said. */
  tools: Map<string, { name: string; input: unknown }>;
  /** The tool calls the model made in this run, matched to tool runs by name and arguments. */
  calls: ToolCallSeen[];
  /** Event names already reported as dropped. */
  reported: Set<string>;
}

/**
 * Reads one streamEvents record of the event it is registered under into `out`; module-level,
 * with the reader's state as argument.
 * @returns false when the record says nothing the reader understands (it is then kept as raw).
 */
type StreamEventHandler = (reader: ReaderState, record: StreamEventRecord, data: Record<string, unknown>, out: CanonicalEvent[]) => boolean;

function reportOnce(reader: ReaderState, kind: string, message: string, runId: string): void {
  if (reader.reported.has(kind)) return;
  reader.reported.add(kind);
  reader.context.report({ code: 'dropped', level: 'info', eventType: kind, runId, message });
}

/** The run a record belongs to: the outermost one, opened by the first record. */
function runIdFor(reader: ReaderState, record: StreamEventRecord, out: CanonicalEvent[]): string {
  if (reader.top === undefined) {
    reader.top = record.run_id;
    reader.hooks.startRun(record.run_id, record.name, record.data?.input, out);
  }
  return reader.top;
}

function rememberCalls(reader: ReaderState, output: unknown): void {
  const read = readMessageRecord(output);
  const toolCalls = read?.kind === 'ai' && Array.isArray(read.fields.tool_calls) ? read.fields.tool_calls : [];
  for (const call of toolCalls) {
    if (isRecord(call) && typeof call.id === 'string') reader.calls.push({ id: call.id, name: String(call.name ?? ''), args: call.args, used: false });
  }
}

/** The tool call a tool run answers: JS tool events carry the call's arguments, not its id. */
function callIdFor(reader: ReaderState, name: string, input: unknown, runId: string): string {
  const { calls, context } = reader;
  const seen = calls.find((call) => !call.used && call.name === name && sameJson(call.args, input)) ?? calls.find((call) => !call.used && call.name === name);
  if (seen !== undefined) {
    seen.used = true;
    return seen.id;
  }
  const id = context.mint('call');
  context.report({ code: 'minted', level: 'info', runId, eventType: 'tool-result', message: `the tool run of "${name}" matches no tool call the model made; it was given the id ${id}` });
  return id;
}

/** The tool run a record ends, forgotten; what its start said, else what the record says. */
function endedTool(reader: ReaderState, record: StreamEventRecord, data: Record<string, unknown>): { name: string; input: unknown } {
  const tool = reader.tools.get(record.run_id) ?? { name: record.name ?? '', input: data.input };
  reader.tools.delete(record.run_id);
  return tool;
}

function sideRun(reader: ReaderState, record: StreamEventRecord, runId: string, phase: string, out: CanonicalEvent[]): void {
  const envelope = reader.hooks.envelopeOf(runId);
  const name = `${record.event.slice(3, -phase.length - 1)}:${record.name ?? ''}`;
  if (phase === 'start') out.push({ type: 'activity-start', ...envelope, name });
  else if (phase === 'end') out.push({ type: 'activity-end', ...envelope, name });
  else reportOnce(reader, record.event, `${record.event} records restate what their run returns at its end and were left out`, runId);
}

const chainStart: StreamEventHandler = (reader, record, _data, out) => {
  if (reader.top === undefined) runIdFor(reader, record, out);
  else sideRun(reader, record, reader.top, 'start', out);
  return true;
};

const chainEnd: StreamEventHandler = (reader, record, data, out) => {
  if (record.run_id === reader.top) {
    reader.hooks.endRun(reader.top, data.output, out);
    reader.top = undefined;
    reader.calls.length = 0;
  } else if (reader.top !== undefined) sideRun(reader, record, reader.top, 'end', out);
  return true;
};

const chatModelStart: StreamEventHandler = (reader, record, _data, out) => {
  runIdFor(reader, record, out);
  return true;
};

const chatModelStream: StreamEventHandler = (reader, record, data, out) => {
  const runId = runIdFor(reader, record, out);
  const chunk = readMessageRecord(data.chunk);
  if (chunk?.kind !== 'ai') return false;
  reader.streamed.add(record.run_id);
  reader.hooks.readChunk(chunk, runId, out);
  return true;
};

const chatModelEnd: StreamEventHandler = (reader, record, data, out) => {
  const runId = runIdFor(reader, record, out);
  rememberCalls(reader, data.output);
  const message = readMessageRecord(data.output);
  if (reader.streamed.delete(record.run_id)) reader.hooks.closeChunk(runId, out);
  else if (message?.kind === 'ai') reader.hooks.readMessage(message, runId, out);
  if (record.run_id === reader.top) {
    reader.hooks.endRun(reader.top, undefined, out);
    reader.top = undefined;
  }
  return true;
};

const toolStart: StreamEventHandler = (reader, record, data, out) => {
  runIdFor(reader, record, out);
  reader.tools.set(record.run_id, { name: record.name ?? '', input: data.input });
  return true;
};

const toolEnd: StreamEventHandler = (reader, record, data, out) => {
  const runId = runIdFor(reader, record, out);
  const tool = endedTool(reader, record, data);
  const envelope = reader.hooks.envelopeOf(runId);
  const output = data.output;
  const message = readMessageRecord(output);
  if (message?.kind === 'tool') {
    const toolCallId = typeof message.fields.tool_call_id === 'string' ? message.fields.tool_call_id : callIdFor(reader, tool.name, tool.input, runId);
    const used = reader.calls.find((call) => call.id === toolCallId);
    if (used !== undefined) used.used = true;
    if (message.fields.status === 'error') out.push({ type: 'tool-error', ...envelope, toolCallId, toolName: tool.name, error: message.fields.content });
    else out.push({ type: 'tool-result', ...envelope, toolCallId, toolName: tool.name, output: message.fields.content });
    return true;
  }
  out.push({ type: 'tool-result', ...envelope, toolCallId: callIdFor(reader, tool.name, tool.input, runId), toolName: tool.name, output });
  return true;
};

const toolError: StreamEventHandler = (reader, record, data, out) => {
  const runId = runIdFor(reader, record, out);
  const tool = endedTool(reader, record, data);
  out.push({ type: 'tool-error', ...reader.hooks.envelopeOf(runId), toolCallId: callIdFor(reader, tool.name, tool.input, runId), toolName: tool.name, error: data.error });
  return true;
};

const customEvent: StreamEventHandler = (reader, record, _data, out) => {
  const runId = runIdFor(reader, record, out);
  out.push({ type: 'data', ...reader.hooks.envelopeOf(runId), name: record.name ?? 'custom', data: record.data });
  return true;
};

/** Handlers by streamEvents event name; other `on_<kind>_<phase>` names of side runs are read by {@link readSideRun}. */
const streamEventHandlers: Readonly<Record<string, StreamEventHandler>> = {
  on_chain_start: chainStart,
  on_chain_end: chainEnd,
  on_chat_model_start: chatModelStart,
  on_chat_model_stream: chatModelStream,
  on_chat_model_end: chatModelEnd,
  on_tool_start: toolStart,
  on_tool_end: toolEnd,
  on_tool_error: toolError,
  on_custom_event: customEvent,
};

/** Nested prompts, parsers, retrievers, LLMs and chains (and their streams) of the run. */
function readSideRun(reader: ReaderState, record: StreamEventRecord, out: CanonicalEvent[]): boolean {
  const match = /^on_([a-z]+)_(start|end|stream)$/.exec(record.event);
  if (match === null || !sideRunTypes.has(match[1] ?? '')) return false;
  sideRun(reader, record, runIdFor(reader, record, out), match[2] ?? '', out);
  return true;
}

/**
 * Reads `streamEvents({version: 'v2'})` records (@langchain/core 1.x): the outermost chain is the
 * run, chat-model chunks its steps, tools its tool results. JS events carry no parent ids, so
 * everything inside the outermost chain belongs to its run; nested chains, prompts, parsers and
 * retrievers become activities. Each record goes to the handler of its event name.
 */
export function createStreamEventReader(context: AdapterContext, hooks: StreamEventHooks): StreamEventReader {
  const reader: ReaderState = { context, hooks, top: undefined, streamed: new Set(), tools: new Map(), calls: [], reported: new Set() };
  return {
    push(record, out) {
      const data = isRecord(record.data) ? record.data : {};
      const handler = ownEntry(streamEventHandlers, record.event);
      if (handler === undefined ? readSideRun(reader, record, out) : handler(reader, record, data, out)) return;
      const runId = reader.top ?? record.run_id;
      context.report({ code: 'unknown-event', level: 'warning', eventType: record.event, runId, message: `the streamEvents record ${record.event} is not understood; kept verbatim as a raw record` });
      out.push({ type: 'raw', ...hooks.envelopeOf(runId), format: formatName, payload: record });
    },
    flush(out) {
      // A model that streamed and never ended (no on_chat_model_end) was stopped mid-stream.
      if (reader.top !== undefined && hooks.hasRun(reader.top)) hooks.closeChunk(reader.top, out, reader.streamed.size > 0);
    },
  };
}
