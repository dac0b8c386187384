import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import type { Part, Requirement } from '../../src/model/snapshot.js';
import { isRecord, residual } from '../../src/pipeline/adapter-kit.js';
import { splitCitations } from './citations.js';
import { type BridgeMetadata, readMetadata, withoutOurKey } from './metadata.js';
import { type StreamState, blockEnvelope, extOf, finishesFailedRun, rootEnvelope, toolEnvelope } from './state.js';

/** The registered name of the UI message stream format. */
export const uiFormatName = 'ai-sdk-ui';

/** The text a denied tool execution becomes in canonical `tool-error.error`. */
export const deniedText = 'the tool execution was denied';

type Chunk = Record<string, unknown>;

/**
 * The fields of a chunk no canonical field holds, with our key taken out of its metadata.
 * @param known the chunk's fields that canonical fields hold.
 */
export function chunkResidual(chunk: Chunk, known: readonly string[]): Record<string, unknown> | undefined {
  const rest = residual(chunk, new Set(known));
  if (rest === undefined) return undefined;
  for (const key of ['providerMetadata', 'messageMetadata']) {
    if (!(key in rest)) continue;
    const others = withoutOurKey(rest[key]);
    if (others === undefined) delete rest[key];
    else rest[key] = others;
  }
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** Our metadata in a chunk's `providerMetadata` or `messageMetadata`, if any. */
export function chunkMetadata(chunk: Chunk): BridgeMetadata | undefined {
  return readMetadata(chunk.providerMetadata) ?? readMetadata(chunk.messageMetadata);
}

function ext(chunk: Chunk, known: readonly string[]) {
  return extOf(uiFormatName, chunkResidual(chunk, known));
}

/**
 * `ext` of a tool chunk: present even when empty, so that writing knows the part came from an
 * AI SDK stream and keeps its `dynamic` as it was (parts of other frameworks become dynamic).
 */
function toolExt(chunk: Chunk, known: readonly string[]) {
  return { ext: { [uiFormatName]: chunkResidual(chunk, known) ?? {} } };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function knownToolName(state: StreamState, toolCallId: string): { toolName?: string } {
  const toolName = state.tools.get(toolCallId)?.toolName;
  return toolName === undefined ? {} : { toolName };
}

function requirementOf(state: StreamState, chunk: Chunk): Requirement {
  const toolCallId = text(chunk.toolCallId);
  const requirement: Requirement = { id: text(chunk.approvalId), kind: 'confirmation', toolCallId };
  const tool = state.tools.get(toolCallId);
  if (tool !== undefined) {
    requirement.toolName = tool.toolName;
    if (tool.input !== undefined) requirement.input = tool.input;
  }
  const rest = chunkResidual(chunk, ['type', 'approvalId', 'toolCallId']);
  if (rest !== undefined) requirement.ext = { [uiFormatName]: rest };
  return requirement;
}

function pausedRunOf(state: StreamState, approvalId: string): Envelope | undefined {
  for (const requirements of state.pending.values()) {
    const found = requirements.find((requirement) => requirement.id === approvalId);
    if (found?.toolCallId !== undefined) return toolEnvelope(state, found.toolCallId);
  }
  return undefined;
}

function steeringParts(value: unknown): Part[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((part): Part => {
    if (part.type === 'file') {
      const file: Part = { type: 'file', mediaType: text(part.mediaType), url: text(part.url) };
      if (typeof part.filename === 'string') file.name = part.filename;
      return file;
    }
    return { type: 'text', text: text(part.text) };
  });
}

/**
 * What one UI message chunk says, given what came before (our metadata aside).
 * @returns undefined for a chunk type this library does not know.
 */
export function readUiChunk(chunk: Chunk, state: StreamState): CanonicalEvent[] | undefined {
  const type = text(chunk.type);
  const root = rootEnvelope(state);
  const id = text(chunk.id);
  const toolCallId = text(chunk.toolCallId);
  switch (type) {
    case 'start':
      // The message id names the run: one run per message (an empty one is minted by the decoder).
      return [{ type: 'run-start', runId: text(chunk.messageId), ...ext(chunk, ['type', 'messageId']) }];
    case 'start-step':
      return [{ type: 'step-start', ...root, ...ext(chunk, ['type']) }];
    case 'finish-step':
      return [{ type: 'step-end', ...root, ...ext(chunk, ['type']) }];
    case 'text-start':
    case 'reasoning-start':
      return [{ type, ...root, id, ...ext(chunk, ['type', 'id']) }];
    case 'text-delta':
    case 'reasoning-delta':
      return [{ type, ...blockEnvelope(state, id), id, delta: text(chunk.delta), ...ext(chunk, ['type', 'id', 'delta']) }];
    case 'text-end': {
      const { citations, original } = splitCitations(chunk.citations);
      const rest = chunkResidual(chunk, ['type', 'id', 'citations']);
      const kept = original === undefined ? rest : { ...rest, citations: original };
      return [{ type, ...blockEnvelope(state, id), id, ...(citations === undefined ? {} : { citations }), ...extOf(uiFormatName, kept) }];
    }
    case 'reasoning-end':
      return [{ type, ...blockEnvelope(state, id), id, ...ext(chunk, ['type', 'id']) }];
    case 'tool-input-start':
      return [
        { type, ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(chunk.toolName), ...toolExt(chunk, ['type', 'toolCallId', 'toolName']) },
      ];
    case 'tool-input-delta':
      return [
        {
          type,
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          delta: text(chunk.inputTextDelta),
          ...ext(chunk, ['type', 'toolCallId', 'inputTextDelta']),
        },
      ];
    case 'tool-input-available':
      return [
        {
          type: 'tool-call',
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          toolName: text(chunk.toolName),
          input: chunk.input,
          ...toolExt(chunk, ['type', 'toolCallId', 'toolName', 'input']),
        },
      ];
    case 'tool-input-error': {
      // One chunk for an invalid call: the call the model made, with the input it sent (the raw
      // text when it was no JSON), and its error, as streamText's full stream says them.
      const envelope = toolEnvelope(state, toolCallId);
      const toolName = text(chunk.toolName);
      return [
        { type: 'tool-call', ...envelope, toolCallId, toolName, input: chunk.input ?? null, ext: { [uiFormatName]: { type } } },
        { type: 'tool-error', ...envelope, toolCallId, toolName, error: text(chunk.errorText), ...toolExt(chunk, ['toolCallId', 'toolName', 'errorText', 'input']) },
      ];
    }
    case 'tool-output-available':
      return [
        {
          type: 'tool-result',
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          ...knownToolName(state, toolCallId),
          output: chunk.output,
          ...toolExt(chunk, ['type', 'toolCallId', 'output']),
        },
      ];
    case 'tool-output-error':
      return [
        {
          type: 'tool-error',
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          ...knownToolName(state, toolCallId),
          error: text(chunk.errorText),
          ...toolExt(chunk, ['type', 'toolCallId', 'errorText']),
        },
      ];
    case 'tool-output-denied':
      return [
        {
          type: 'tool-error',
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          ...knownToolName(state, toolCallId),
          error: deniedText,
          ...ext(chunk, ['toolCallId']),
        },
      ];
    case 'tool-approval-request': {
      const envelope = toolEnvelope(state, toolCallId);
      const earlier = state.pending.get(envelope.runId) ?? [];
      return [{ type: 'run-pause', ...envelope, requirements: [...earlier, requirementOf(state, chunk)] }];
    }
    case 'tool-approval-response':
      return [{ type: 'run-resume', ...(pausedRunOf(state, text(chunk.approvalId)) ?? root), ...ext(chunk, []) }];
    case 'source-url':
      return [
        {
          type: 'source',
          ...root,
          id: text(chunk.sourceId),
          url: text(chunk.url),
          ...(typeof chunk.title === 'string' ? { title: chunk.title } : {}),
          ...ext(chunk, ['type', 'sourceId', 'url', 'title']),
        },
      ];
    case 'source-document':
      return [{ type: 'source', ...root, id: text(chunk.sourceId), title: text(chunk.title), ...ext(chunk, ['sourceId', 'title']) }];
    case 'file':
      return [{ type: 'file', ...root, mediaType: text(chunk.mediaType), url: text(chunk.url), ...ext(chunk, ['type', 'mediaType', 'url']) }];
    case 'reasoning-file':
      return [{ type: 'file', ...root, mediaType: text(chunk.mediaType), url: text(chunk.url), ...ext(chunk, ['mediaType', 'url']) }];
    case 'custom':
      return [{ type: 'data', ...root, name: text(chunk.kind), data: null, ...ext(chunk, ['kind']) }];
    case 'steering-message':
      return [
        {
          type: 'message',
          ...root,
          message: { id, role: 'user', parts: steeringParts(chunk.parts) },
          ...ext(chunk, ['id', 'parts']),
        },
      ];
    case 'message-metadata': {
      return [{ type: 'data', ...root, name: 'message-metadata', data: withoutOurKey(chunk.messageMetadata) ?? null, ...ext(chunk, ['messageMetadata']) }];
    }
    case 'reset-step':
      return [{ type: 'raw', ...root, format: uiFormatName, payload: chunk }];
    case 'abort':
      return [{ type: 'run-cancel', ...root, ...(typeof chunk.reason === 'string' ? { reason: chunk.reason } : {}), ...ext(chunk, ['type', 'reason']) }];
    case 'error':
      return [{ type: 'run-error', ...root, error: { message: text(chunk.errorText) }, ...ext(chunk, ['type', 'errorText']) }];
    case 'finish': {
      const pending = state.pending.get(root.runId);
      if (pending !== undefined) {
        // The AI SDK ends a turn that waits for approvals with `finish`: the run stays paused.
        return [{ type: 'run-pause', ...root, requirements: pending, ...ext(chunk, []) }];
      }
      if (finishesFailedRun(state, root.runId)) return [];
      return [
        {
          type: 'run-end',
          ...root,
          ...(typeof chunk.finishReason === 'string' ? { finishReason: chunk.finishReason } : {}),
          ...ext(chunk, ['type', 'finishReason']),
        },
      ];
    }
    default:
      if (type.startsWith('data-')) {
        return [{ type: 'data', ...root, name: type.slice('data-'.length), data: chunk.data, ...ext(chunk, ['type', 'data']) }];
      }
      return undefined;
  }
}
