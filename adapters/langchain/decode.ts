import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { explodeMessage, isStreamable } from '../../src/model/explode.js';
import type { Ext } from '../../src/model/snapshot.js';
import { type Usage, addUsage } from '../../src/model/usage.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { type Lineage, type RunInfo, envelopeOfLineage, lineageOf, runInfoOf } from './lineage.js';
import { hasRole, langchainFields, messageOf } from './message-fields.js';
import { parsePartialJson } from './partial-json.js';
import { type MessageFields, type MessageRecord, formatName, isStreamEventRecord, readMessageRecord } from './schema.js';
import { createStreamEventReader } from './stream-event-reader.js';
import { usageOf } from './usage-metadata.js';
import { append } from '../../src/model/append.js';

/** Options of the LangChain decoder. */
export interface LangChainDecodeOptions {}

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
}

/**
 * Whether a tool call chunk continues an open call, as `_mergeLists` of @langchain/core matches
 * them: on `index` (and on `id` when both have one), else on `id` alone; the first match wins.
 */
function continues(tool: OpenTool, index: number | string | undefined, sourceId: string | undefined): boolean {
  if (index !== undefined && tool.index !== undefined) return tool.index === index && (sourceId === undefined || tool.sourceId === undefined || tool.sourceId === sourceId);
  return index === undefined && tool.index === undefined && sourceId !== undefined && tool.sourceId === sourceId;
}

interface RunState {
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

/**
 * Reads LangChain messages in every serialized form (constructor JSON, StoredMessage, Python
 * `message_to_dict`, OpenAI-style dicts, tuples), `AIMessageChunk` streams and `streamEvents`
 * v2 records. A message list is one run (its id minted) unless the messages carry the lineage
 * this library writes; each run ends when the input does.
 */
export function createLangChainDecoder(context: AdapterContext, _options?: LangChainDecodeOptions): Decoder {
  const runs = new Map<string, RunState>();
  let anonymousRunId: string | undefined;
  let openChunkRun: RunState | undefined;

  function anonymousRun(out: CanonicalEvent[]): RunState {
    if (anonymousRunId === undefined) {
      anonymousRunId = context.mint('run');
      context.report({
        code: 'minted',
        level: 'info',
        runId: anonymousRunId,
        message: `LangChain messages carry no run id; they were read as the run ${anonymousRunId}`,
      });
    }
    // Written back without lineage: the messages had none.
    return runOf({ runId: anonymousRunId }, undefined, out, { [formatName]: { lineage: false } });
  }

  function runOf(envelope: Envelope, info: RunInfo | undefined, out: CanonicalEvent[], ext?: Ext, input?: unknown): RunState {
    let state = runs.get(envelope.runId);
    if (state !== undefined) return state;
    state = { envelope, info, usage: undefined, messages: 0, chunk: undefined, endsAtFlush: true };
    runs.set(envelope.runId, state);
    const start: CanonicalEvent = { type: 'run-start', ...envelope };
    if (input !== undefined) start.input = input;
    if (ext !== undefined) start.ext = ext;
    out.push(start);
    return state;
  }

  function lineageRun(lineage: Lineage, out: CanonicalEvent[], input?: unknown): RunState {
    return runOf(envelopeOfLineage(lineage), runInfoOf(lineage), out, undefined, input);
  }

  function startsInput(lineage: Lineage | undefined, record: MessageRecord): boolean {
    return lineage !== undefined && (lineage.input !== undefined || lineage.placeholder === true) && !runs.has(lineage.run_id) && (record.kind === 'human' || record.kind === 'ai');
  }

  /** The run-start of a run whose first record is its input HumanMessage or its placeholder. */
  function readRunHead(record: MessageRecord, lineage: Lineage, out: CanonicalEvent[]): void {
    if (lineage.placeholder === true) {
      lineageRun(lineage, out);
      return;
    }
    const content = record.fields.content;
    const text = typeof content === 'string' ? content : '';
    let input: unknown = text;
    if (lineage.input === 'json') {
      try {
        input = JSON.parse(text);
      } catch {
        context.report({ code: 'invalid-input', level: 'warning', path: 'content', message: 'a JSON run input could not be parsed; kept as text' });
      }
    }
    lineageRun(lineage, out, input);
  }

  function readMessage(record: MessageRecord, out: CanonicalEvent[]): void {
    const fields = langchainFields(record.fields, record.form);
    const lineage = lineageOf(fields);
    const started = out.length;
    if (lineage !== undefined && startsInput(lineage, record)) {
      readRunHead(record, lineage, out);
      markSnapshot(out, started);
      return;
    }
    const state = lineage === undefined ? anonymousRun(out) : lineageRun(lineage, out);
    markSnapshot(out, started);
    const runId = state.envelope.runId;
    const message = messageOf({ kind: record.kind, fields, lineage, context, runId });
    if (record.kind === 'ai') state.usage = addUsage(state.usage, usageOf(fields.usage_metadata));
    const prefix = `m${state.messages++}`;
    if (isStreamable(message)) explodeMessage(message, state.envelope, prefix, out);
    else out.push({ type: 'message', ...state.envelope, message });
  }

  function readUnknownKind(record: unknown, kind: string, out: CanonicalEvent[]): void {
    const state = openChunkRun ?? anonymousRun(out);
    context.report({
      code: 'unknown-event',
      level: 'warning',
      runId: state.envelope.runId,
      eventType: kind,
      message: `a LangChain ${kind} message has no canonical role; it was kept verbatim as a raw record`,
    });
    out.push({ type: 'raw', ...state.envelope, format: formatName, payload: record });
  }

  function openChunk(state: RunState, record: MessageRecord, out: CanonicalEvent[]): OpenChunkMessage {
    const id = typeof record.fields.id === 'string' ? record.fields.id : undefined;
    const open: OpenChunkMessage = {
      id,
      prefix: `m${state.messages++}`,
      text: new Map(),
      reasoning: new Map(),
      signatures: new Map(),
      tools: [],
      lastTool: undefined,
      usage: undefined,
      finishReason: undefined,
    };
    const start: CanonicalEvent = { type: 'step-start', ...state.envelope };
    if (id !== undefined) start.messageId = id;
    out.push(start);
    state.chunk = open;
    openChunkRun = state;
    return open;
  }

  function chunkText(state: RunState, open: OpenChunkMessage, kind: 'text' | 'reasoning', key: string, delta: string, out: CanonicalEvent[]): string {
    const blocks = kind === 'text' ? open.text : open.reasoning;
    let id = blocks.get(key);
    if (id === undefined) {
      id = `${open.prefix}-${kind === 'text' ? 't' : 'r'}${key}`;
      blocks.set(key, id);
      out.push({ type: `${kind}-start`, ...state.envelope, id });
    }
    if (delta !== '') out.push({ type: `${kind}-delta`, ...state.envelope, id, delta });
    return id;
  }

  function chunkReasoning(state: RunState, open: OpenChunkMessage, key: string, block: Record<string, unknown>, text: unknown, out: CanonicalEvent[]): void {
    const signature = typeof block.signature === 'string' ? block.signature : undefined;
    if (typeof text !== 'string' && signature === undefined) return;
    const id = chunkText(state, open, 'reasoning', key, typeof text === 'string' ? text : '', out);
    if (signature !== undefined) open.signatures.set(id, signature);
  }

  function startTool(state: RunState, open: OpenChunkMessage, fields: Pick<OpenTool, 'index' | 'sourceId' | 'toolName' | 'custom'>, path: string, out: CanonicalEvent[]): OpenTool {
    let toolCallId = fields.sourceId;
    if (toolCallId === undefined) {
      toolCallId = context.mint('call');
      context.report({ code: 'minted', level: 'info', runId: state.envelope.runId, eventType: 'tool-input-start', path, message: `a streamed tool call without an id was given the id ${toolCallId}` });
    }
    const tool: OpenTool = { ...fields, toolCallId, args: [] };
    open.tools.push(tool);
    out.push({ type: 'tool-input-start', ...state.envelope, toolCallId, toolName: tool.toolName });
    return tool;
  }

  function chunkTools(state: RunState, open: OpenChunkMessage, chunks: unknown, out: CanonicalEvent[]): void {
    if (!Array.isArray(chunks)) return;
    for (const chunk of chunks) {
      if (!isRecord(chunk)) continue;
      const sourceId = typeof chunk.id === 'string' && chunk.id !== '' ? chunk.id : undefined;
      const index = typeof chunk.index === 'number' || typeof chunk.index === 'string' ? chunk.index : undefined;
      // A chunk without index and id continues the call before it (LangChain would append it as
      // a call of its own, without an id, hence invalid).
      let tool = index === undefined && sourceId === undefined ? open.lastTool : open.tools.find((open) => continues(open, index, sourceId));
      tool ??= startTool(state, open, { index, sourceId, toolName: typeof chunk.name === 'string' ? chunk.name : '', custom: false }, 'tool_call_chunks', out);
      tool.sourceId ??= sourceId;
      if (chunk.isCustomTool === true) tool.custom = true;
      open.lastTool = tool;
      if (typeof chunk.args === 'string' && chunk.args !== '') {
        tool.args.push(chunk.args);
        out.push({ type: 'tool-input-delta', ...state.envelope, toolCallId: tool.toolCallId, delta: chunk.args });
      }
    }
  }

  /** Calls that arrive whole in a chunk's `tool_calls` (read only when it has no `tool_call_chunks`, which they would repeat). */
  function chunkWholeToolCalls(state: RunState, open: OpenChunkMessage, calls: unknown, out: CanonicalEvent[]): void {
    if (!Array.isArray(calls)) return;
    for (const call of calls) {
      if (!isRecord(call)) continue;
      const sourceId = typeof call.id === 'string' && call.id !== '' ? call.id : undefined;
      if (sourceId !== undefined && open.tools.some((tool) => tool.sourceId === sourceId)) continue;
      const tool = startTool(state, open, { index: undefined, sourceId, toolName: typeof call.name === 'string' ? call.name : '', custom: false }, 'tool_calls', out);
      tool.whole = { args: call.args ?? {} };
    }
  }

  /** The tool call a streamed tool becomes, as `collapseToolCallChunks` of @langchain/core reads it. */
  function toolCallOf(state: RunState, tool: OpenTool): CanonicalEvent {
    const call = { type: 'tool-call' as const, ...state.envelope, toolCallId: tool.toolCallId, toolName: tool.toolName };
    if (tool.whole !== undefined) return { ...call, input: tool.whole.args };
    const text = tool.args.join('');
    if (tool.custom) return { ...call, input: { input: text } };
    const written = text.trim() === '' ? '{}' : text.trim();
    const input = parsePartialJson(written);
    // LangChain executes only object arguments of a call with an id; anything else is invalid.
    if (isRecord(input) && tool.sourceId !== undefined) return { ...call, input };
    context.report({
      code: 'approximated',
      level: 'warning',
      runId: state.envelope.runId,
      eventType: 'tool-call',
      path: 'tool_call_chunks',
      message: `the streamed tool call ${tool.toolCallId} is invalid (Malformed args.) as LangChain reads it; it is kept as a tool call whose input is the raw argument string`,
    });
    return { ...call, input: written, ext: { [formatName]: { invalid: true, error: 'Malformed args.' } } };
  }

  function closeChunk(state: RunState, out: CanonicalEvent[]): void {
    const open = state.chunk;
    if (open === undefined) return;
    state.chunk = undefined;
    if (openChunkRun === state) openChunkRun = undefined;
    const closing: CanonicalEvent[] = [];
    for (const id of open.text.values()) closing.push({ type: 'text-end', ...state.envelope, id });
    for (const id of open.reasoning.values()) {
      const signature = open.signatures.get(id);
      closing.push({ type: 'reasoning-end', ...state.envelope, id, ...(signature === undefined ? {} : { signature }) });
    }
    for (const tool of open.tools) closing.push(toolCallOf(state, tool));
    const end: CanonicalEvent = { type: 'step-end', ...state.envelope };
    if (open.usage !== undefined) end.usage = open.usage;
    if (open.finishReason !== undefined) end.finishReason = open.finishReason;
    closing.push(end);
    append(out, closing);
  }

  function closeOpenChunk(out: CanonicalEvent[]): void {
    if (openChunkRun !== undefined) closeChunk(openChunkRun, out);
  }

  /**
   * Reads one `AIMessageChunk`: a new message starts at a chunk with another id or with a lineage
   * (written on first chunks only).
   */
  function readChunk(record: MessageRecord, targetRunId: string | undefined, out: CanonicalEvent[]): void {
    const fields = record.fields;
    const lineage = lineageOf(fields);
    const id = typeof fields.id === 'string' ? fields.id : undefined;
    let state: RunState;
    if (targetRunId !== undefined) state = runs.get(targetRunId) ?? runOf({ runId: targetRunId }, undefined, out);
    else if (lineage !== undefined) state = lineageRun(lineage, out);
    else state = openChunkRun ?? anonymousRun(out);
    let open = state.chunk;
    if (open !== undefined && (lineage !== undefined || (id !== undefined && open.id !== undefined && id !== open.id))) {
      closeChunk(state, out);
      open = undefined;
    }
    const events: CanonicalEvent[] = [];
    if (open === undefined) {
      closeOpenChunk(out);
      open = openChunk(state, record, events);
    }
    const content = fields.content;
    if (typeof content === 'string') {
      if (content !== '') chunkText(state, open, 'text', '', content, events);
    } else if (Array.isArray(content)) {
      content.forEach((block, position) => {
        if (!isRecord(block)) return;
        const key = String(block.index ?? position);
        if (block.type === 'text' && typeof block.text === 'string') chunkText(state, open, 'text', key, block.text, events);
        else if (block.type === 'reasoning') chunkReasoning(state, open, key, block, block.reasoning, events);
        else if (block.type === 'thinking') chunkReasoning(state, open, key, block, block.thinking, events);
      });
    }
    if (Array.isArray(fields.tool_call_chunks) && fields.tool_call_chunks.length > 0) chunkTools(state, open, fields.tool_call_chunks, events);
    else chunkWholeToolCalls(state, open, fields.tool_calls, events);
    open.usage = addUsage(open.usage, usageOf(fields.usage_metadata));
    state.usage = addUsage(state.usage, usageOf(fields.usage_metadata));
    const metadata = isRecord(fields.response_metadata) ? fields.response_metadata : {};
    if (typeof metadata.finish_reason === 'string') open.finishReason = metadata.finish_reason;
    else if (typeof metadata.stop_reason === 'string') open.finishReason = metadata.stop_reason;
    append(out, events);
  }

  function endRun(state: RunState, out: CanonicalEvent[]): void {
    const info = state.info;
    const envelope = state.envelope;
    const status = info?.status ?? 'completed';
    if (info === undefined) {
      context.report({
        code: 'approximated',
        level: 'info',
        runId: envelope.runId,
        eventType: 'run-end',
        message: 'LangChain messages say nothing of how their run ended; the run was read as completed when the input ended',
      });
    }
    // As explode does: only run-end carries usage, so a run that did not complete keeps it on a step end.
    const usage = info === undefined ? state.usage : info.usage;
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

  const streamEvents = createStreamEventReader(context, {
    startRun(runId, name, input, out) {
      const envelope: Envelope = { runId };
      if (name !== undefined) envelope.actor = { kind: 'agent', name };
      runOf(envelope, undefined, out, undefined, input).endsAtFlush = false;
    },
    hasRun: (runId) => runs.has(runId),
    readChunk(record, runId, out) {
      readChunk(record, runId, out);
    },
    closeChunk(runId, out) {
      const state = runs.get(runId);
      if (state !== undefined) closeChunk(state, out);
    },
    readMessage(record, runId, out) {
      const state = runs.get(runId);
      if (state === undefined) return;
      closeChunk(state, out);
      const message = messageOf({ kind: record.kind, fields: record.fields, lineage: undefined, context, runId });
      explodeMessage(message, state.envelope, `m${state.messages++}`, out);
    },
    envelopeOf: (runId) => runs.get(runId)?.envelope ?? { runId },
    endRun(runId, output, out) {
      const state = runs.get(runId);
      if (state === undefined) return;
      closeChunk(state, out);
      runs.delete(runId);
      const end: CanonicalEvent = { type: 'run-end', ...state.envelope };
      if (output !== undefined) end.output = output;
      if (state.usage !== undefined) end.usage = state.usage;
      out.push(end);
    },
  });

  return {
    push(record) {
      const out: CanonicalEvent[] = [];
      if (isStreamEventRecord(record)) {
        streamEvents.push(record, out);
        return out;
      }
      const read = readMessageRecord(record);
      if (read === undefined) {
        context.report({ code: 'unknown-event', level: 'warning', message: 'not a LangChain message, chunk or streamEvents record; kept verbatim as a raw record' });
        const runId = openChunkRun?.envelope.runId ?? anonymousRunId ?? 'unknown';
        return [{ type: 'raw', runId, format: formatName, payload: record }];
      }
      if (read.kind === 'ai' && read.chunk && (read.form.form === 'constructor' || read.form.form === 'stored')) {
        readChunk(read, undefined, out);
        return out;
      }
      closeOpenChunk(out);
      if (!hasRole(read.kind)) readUnknownKind(record, read.kind, out);
      else readMessage(read, out);
      return out;
    },
    flush() {
      const out: CanonicalEvent[] = [];
      closeOpenChunk(out);
      streamEvents.flush(out);
      // Members end before their leader, as explode orders them.
      for (const state of [...runs.values()].reverse()) {
        closeChunk(state, out);
        if (state.endsAtFlush) endRun(state, out);
      }
      runs.clear();
      return out;
    },
  };
}
