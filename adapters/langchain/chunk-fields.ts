import type { CanonicalEvent } from '../../src/model/event.js';
import type { MessageFields } from './schema.js';
import { usageMetadataOf } from './usage-metadata.js';

/** Per-message state while building chunks: tool-call indexes in order of first appearance. */
export interface ChunkBuildState {
  messageId: string | undefined;
  toolIndex: Map<string, number>;
  /** Index of the content block reasoning deltas go to. */
  reasoningIndex: Map<string, number>;
}

/** A fresh {@link ChunkBuildState} for one AI message. */
export function createChunkBuildState(messageId: string | undefined): ChunkBuildState {
  return { messageId, toolIndex: new Map(), reasoningIndex: new Map() };
}

type ToolCallChunk = { index: number; id?: string; name?: string; args: string; type: 'tool_call_chunk' };

function parsedArgs(text: string): unknown {
  try {
    return JSON.parse(text === '' ? '{}' : text);
  } catch {
    return undefined;
  }
}

function indexOf(state: ChunkBuildState, toolCallId: string): number {
  let index = state.toolIndex.get(toolCallId);
  if (index === undefined) {
    index = state.toolIndex.size;
    state.toolIndex.set(toolCallId, index);
  }
  return index;
}

/**
 * The kwargs of one `AIMessageChunk` carrying a group of canonical events of one step: text
 * deltas as string content, reasoning deltas as indexed `reasoning` blocks, streamed tool input
 * as `tool_call_chunks` keyed by index (id and name on the first chunk only, as providers send
 * them), step usage as `usage_metadata`. `tool_calls` / `invalid_tool_calls` are what the
 * `AIMessageChunk` constructor derives from the chunk's own tool_call_chunks.
 */
export function chunkFieldsOf(events: readonly CanonicalEvent[], state: ChunkBuildState): MessageFields {
  let text = '';
  const blocks: unknown[] = [];
  const toolChunks: ToolCallChunk[] = [];
  let usage: MessageFields['usage_metadata'];

  function toolChunk(toolCallId: string): ToolCallChunk {
    const index = indexOf(state, toolCallId);
    let chunk = toolChunks.find((each) => each.index === index);
    if (chunk === undefined) {
      chunk = { index, args: '', type: 'tool_call_chunk' };
      toolChunks.push(chunk);
    }
    return chunk;
  }

  for (const event of events) {
    switch (event.type) {
      case 'text-delta':
        text += event.delta;
        break;
      case 'reasoning-delta': {
        let index = state.reasoningIndex.get(event.id);
        if (index === undefined) {
          index = state.reasoningIndex.size;
          state.reasoningIndex.set(event.id, index);
        }
        blocks.push({ type: 'reasoning', reasoning: event.delta, index });
        break;
      }
      case 'tool-input-start': {
        const chunk = toolChunk(event.toolCallId);
        chunk.id = event.toolCallId;
        chunk.name = event.toolName;
        break;
      }
      case 'tool-input-delta':
        toolChunk(event.toolCallId).args += event.delta;
        break;
      case 'tool-call':
        if (!state.toolIndex.has(event.toolCallId)) {
          const chunk = toolChunk(event.toolCallId);
          chunk.id = event.toolCallId;
          chunk.name = event.toolName;
          chunk.args = JSON.stringify(event.input ?? {});
        }
        break;
      case 'step-end':
        if (event.usage !== undefined) usage = usageMetadataOf(event.usage);
        break;
      default:
        break;
    }
  }

  const fields: MessageFields = {};
  if (blocks.length === 0) fields.content = text;
  else fields.content = text === '' ? blocks : [...blocks, { type: 'text', text, index: blocks.length }];
  fields.tool_call_chunks = toolChunks.map(({ index, id, name, args, type }) => ({
    index,
    ...(id === undefined ? {} : { id }),
    ...(name === undefined ? {} : { name }),
    args,
    type,
  }));
  const calls: unknown[] = [];
  const invalid: unknown[] = [];
  for (const chunk of toolChunks) {
    const args = parsedArgs(chunk.args.trim());
    if (chunk.id !== undefined) {
      calls.push({ name: chunk.name ?? '', args: typeof args === 'object' && args !== null && !Array.isArray(args) ? args : {}, id: chunk.id, type: 'tool_call' });
    } else {
      invalid.push({ name: chunk.name ?? '', args: chunk.args.trim(), error: 'Malformed args.', type: 'invalid_tool_call' });
    }
  }
  fields.tool_calls = calls;
  fields.invalid_tool_calls = invalid;
  fields.additional_kwargs = {};
  fields.response_metadata = {};
  if (state.messageId !== undefined) fields.id = state.messageId;
  if (usage !== undefined) fields.usage_metadata = usage;
  return fields;
}

function contributes(event: CanonicalEvent, started: ReadonlySet<string>): boolean {
  switch (event.type) {
    case 'text-delta':
    case 'reasoning-delta':
    case 'tool-input-start':
      return true;
    case 'tool-input-delta':
      return event.delta !== '';
    case 'tool-call':
      return !started.has(event.toolCallId);
    case 'step-end':
      return event.usage !== undefined;
    default:
      return false;
  }
}

/**
 * Splits the events of one step into chunks when the source named no boundaries: one chunk per
 * event that adds something; starts, ends and finished tool calls ride with their neighbours.
 */
export function groupStep(events: readonly CanonicalEvent[]): CanonicalEvent[][] {
  const groups: CanonicalEvent[][] = [];
  const started = new Set<string>();
  let current: CanonicalEvent[] = [];
  let adds = false;
  for (const event of events) {
    const contributing = contributes(event, started);
    if (contributing && adds) {
      groups.push(current);
      current = [];
      adds = false;
    }
    current.push(event);
    adds ||= contributing;
    if (event.type === 'tool-input-start') started.add(event.toolCallId);
  }
  const last = groups.at(-1);
  if (!adds && last !== undefined) last.push(...current);
  else groups.push(current);
  return groups;
}
