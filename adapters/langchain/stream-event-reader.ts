import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { sameJson } from '../../src/pipeline/json-patch.js';
import { type MessageRecord, type StreamEventRecord, formatName, readMessageRecord } from './schema.js';

/** What the stream-event reader asks of the decoder that owns the runs. */
export interface StreamEventHooks {
  startRun(runId: string, name: string | undefined, input: unknown, out: CanonicalEvent[]): void;
  hasRun(runId: string): boolean;
  readChunk(record: MessageRecord, runId: string, out: CanonicalEvent[]): void;
  closeChunk(runId: string, out: CanonicalEvent[]): void;
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

/**
 * Reads `streamEvents({version: 'v2'})` records (@langchain/core 1.x): the outermost chain is the
 * run, chat-model chunks its steps, tools its tool results. JS events carry no parent ids, so
 * everything inside the outermost chain belongs to its run; nested chains, prompts, parsers and
 * retrievers become activities.
 */
export function createStreamEventReader(context: AdapterContext, hooks: StreamEventHooks): StreamEventReader {
  let top: string | undefined;
  const streamed = new Set<string>();
  const tools = new Map<string, { name: string; input: unknown }>();
  const calls: ToolCallSeen[] = [];
  const reported = new Set<string>();

  function reportOnce(kind: string, message: string, runId: string): void {
    if (reported.has(kind)) return;
    reported.add(kind);
    context.report({ code: 'dropped', level: 'info', eventType: kind, runId, message });
  }

  function runIdFor(record: StreamEventRecord, out: CanonicalEvent[]): string {
    if (top === undefined) {
      top = record.run_id;
      hooks.startRun(record.run_id, record.name, record.data?.input, out);
    }
    return top;
  }

  function rememberCalls(output: unknown): void {
    const read = readMessageRecord(output);
    const toolCalls = read?.kind === 'ai' && Array.isArray(read.fields.tool_calls) ? read.fields.tool_calls : [];
    for (const call of toolCalls) {
      if (isRecord(call) && typeof call.id === 'string') calls.push({ id: call.id, name: String(call.name ?? ''), args: call.args, used: false });
    }
  }

  /** The tool call a tool run answers: JS tool events carry the call's arguments, not its id. */
  function callIdFor(name: string, input: unknown, runId: string): string {
    const seen = calls.find((call) => !call.used && call.name === name && sameJson(call.args, input)) ?? calls.find((call) => !call.used && call.name === name);
    if (seen !== undefined) {
      seen.used = true;
      return seen.id;
    }
    const id = context.mint('call');
    context.report({ code: 'minted', level: 'info', runId, eventType: 'tool-result', message: `the tool run of "${name}" matches no tool call the model made; it was given the id ${id}` });
    return id;
  }

  function toolEnd(record: StreamEventRecord, runId: string, out: CanonicalEvent[]): void {
    const tool = tools.get(record.run_id) ?? { name: record.name ?? '', input: record.data?.input };
    tools.delete(record.run_id);
    const envelope = hooks.envelopeOf(runId);
    const output = record.data?.output;
    const message = readMessageRecord(output);
    if (message?.kind === 'tool') {
      const toolCallId = typeof message.fields.tool_call_id === 'string' ? message.fields.tool_call_id : callIdFor(tool.name, tool.input, runId);
      const used = calls.find((call) => call.id === toolCallId);
      if (used !== undefined) used.used = true;
      if (message.fields.status === 'error') out.push({ type: 'tool-error', ...envelope, toolCallId, toolName: tool.name, error: message.fields.content });
      else out.push({ type: 'tool-result', ...envelope, toolCallId, toolName: tool.name, output: message.fields.content });
      return;
    }
    out.push({ type: 'tool-result', ...envelope, toolCallId: callIdFor(tool.name, tool.input, runId), toolName: tool.name, output });
  }

  function sideRun(record: StreamEventRecord, runId: string, phase: string, out: CanonicalEvent[]): void {
    const envelope = hooks.envelopeOf(runId);
    const name = `${record.event.slice(3, -phase.length - 1)}:${record.name ?? ''}`;
    if (phase === 'start') out.push({ type: 'activity-start', ...envelope, name });
    else if (phase === 'end') out.push({ type: 'activity-end', ...envelope, name });
    else reportOnce(record.event, `${record.event} records restate what their run returns at its end and were left out`, runId);
  }

  return {
    push(record, out) {
      const data = isRecord(record.data) ? record.data : {};
      switch (record.event) {
        case 'on_chain_start':
          if (top === undefined) runIdFor(record, out);
          else sideRun(record, top, 'start', out);
          return;
        case 'on_chain_end':
          if (record.run_id === top) {
            hooks.endRun(top, data.output, out);
            top = undefined;
            calls.length = 0;
          } else if (top !== undefined) sideRun(record, top, 'end', out);
          return;
        case 'on_chat_model_start':
          runIdFor(record, out);
          return;
        case 'on_chat_model_stream': {
          const runId = runIdFor(record, out);
          const chunk = readMessageRecord(data.chunk);
          if (chunk?.kind !== 'ai') break;
          streamed.add(record.run_id);
          hooks.readChunk(chunk, runId, out);
          return;
        }
        case 'on_chat_model_end': {
          const runId = runIdFor(record, out);
          rememberCalls(data.output);
          const message = readMessageRecord(data.output);
          if (streamed.delete(record.run_id)) hooks.closeChunk(runId, out);
          else if (message?.kind === 'ai') hooks.readMessage(message, runId, out);
          if (record.run_id === top) {
            hooks.endRun(top, undefined, out);
            top = undefined;
          }
          return;
        }
        case 'on_tool_start':
          runIdFor(record, out);
          tools.set(record.run_id, { name: record.name ?? '', input: data.input });
          return;
        case 'on_tool_end':
          toolEnd(record, runIdFor(record, out), out);
          return;
        case 'on_tool_error': {
          const runId = runIdFor(record, out);
          const tool = tools.get(record.run_id) ?? { name: record.name ?? '', input: data.input };
          tools.delete(record.run_id);
          out.push({ type: 'tool-error', ...hooks.envelopeOf(runId), toolCallId: callIdFor(tool.name, tool.input, runId), toolName: tool.name, error: data.error });
          return;
        }
        case 'on_custom_event': {
          const runId = runIdFor(record, out);
          out.push({ type: 'data', ...hooks.envelopeOf(runId), name: record.name ?? 'custom', data: record.data });
          return;
        }
        default: {
          const match = /^on_([a-z]+)_(start|end|stream)$/.exec(record.event);
          if (match !== null && sideRunTypes.has(match[1] ?? '')) {
            sideRun(record, runIdFor(record, out), match[2] ?? '', out);
            return;
          }
        }
      }
      const runId = top ?? record.run_id;
      context.report({ code: 'unknown-event', level: 'warning', eventType: record.event, runId, message: `the streamEvents record ${record.event} is not understood; kept verbatim as a raw record` });
      out.push({ type: 'raw', ...hooks.envelopeOf(runId), format: formatName, payload: record });
    },
    flush(out) {
      if (top !== undefined && hooks.hasRun(top)) hooks.closeChunk(top, out);
    },
  };
}
