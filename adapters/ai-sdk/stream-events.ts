import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { sameJson } from '../../src/pipeline/json-patch.js';
import type { ErrorInfo, Part, Requirement } from '../../src/model/snapshot.js';
import { isRecord, residual } from '../../src/pipeline/adapter-kit.js';
import { splitCitations } from './citations.js';
import { errorText, isErrorLike } from './finish.js';
import { readUsage, writeUsage } from './language-model-usage.js';
import { type BridgeMetadata, readMetadata, withoutOurKey } from './metadata.js';
import { type StreamState, blockEnvelope, extOf, finishesFailedRun, rootEnvelope, toolEnvelope } from './state.js';
import { deniedText } from './ui-events.js';

/** The registered name of the full-stream format. */
export const streamFormatName = 'ai-sdk-stream';

/** Block ids given to ai 4 text and reasoning, which had none. */
export const legacyBlockIds = { text: 'ai4-text', reasoning: 'ai4-reasoning' } as const;

/** Values an encoder writes where the event says nothing; reading leaves them out of `ext`. */
export const streamDefaults: Record<string, Record<string, unknown>> = {
  'start-step': { request: {}, warnings: [] },
  'finish-step': { response: {}, performance: {} },
};

type StreamPart = Record<string, unknown>;

/** The fields of a part no canonical field holds, our key taken out of its provider metadata. */
function partResidual(part: StreamPart, known: readonly string[]): Record<string, unknown> | undefined {
  const rest = residual(part, new Set(known));
  if (rest === undefined) return undefined;
  if ('providerMetadata' in rest) {
    const others = withoutOurKey(rest.providerMetadata);
    if (others === undefined) delete rest.providerMetadata;
    else rest.providerMetadata = others;
  }
  // ai 4 named the step start step-start; its request and warnings default the same.
  const defaults = streamDefaults[part.type === 'step-start' ? 'start-step' : String(part.type)] ?? {};
  for (const [key, value] of Object.entries(defaults)) if (sameJson(rest[key], value)) delete rest[key];
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** Our metadata in a stream part's `providerMetadata`, if any. */
export function partMetadata(part: StreamPart): BridgeMetadata | undefined {
  return readMetadata(part.providerMetadata);
}

function ext(part: StreamPart, known: readonly string[], kept: Record<string, unknown> = {}) {
  const rest = { ...partResidual(part, known), ...kept };
  return extOf(streamFormatName, rest);
}

/**
 * `ext` of a tool part: present even when empty, so that writing UI chunks knows the call came
 * from an AI SDK stream and keeps its `dynamic` as it was.
 */
function toolExt(part: StreamPart, known: readonly string[], kept: Record<string, unknown> = {}) {
  return { ext: { [streamFormatName]: { ...partResidual(part, known), ...kept } } };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Canonical error info from an AI SDK `error` value, and the value itself when reading lost something. */
export function readError(value: unknown): { error: ErrorInfo; kept: Record<string, unknown> } {
  const error: ErrorInfo = { message: errorText(value) };
  if (isErrorLike(value) && typeof value.name === 'string') error.type = value.name;
  return { error, kept: sameJson(writeError(error), value) ? {} : { error: value } };
}

/** The value an `error` part gets for canonical error info: a `{name, message}` object or the message. */
export function writeError(error: ErrorInfo): unknown {
  return error.type === undefined ? error.message : { name: error.type, message: error.message };
}

function usageFields(value: unknown, key: string): { usage?: ReturnType<typeof readUsage>; kept: Record<string, unknown> } {
  const usage = readUsage(value);
  const kept = sameJson(writeUsage(usage), value) ? {} : { [key]: value };
  return usage === undefined ? { kept } : { usage, kept };
}

function sourceEvent(part: StreamPart, root: Envelope): CanonicalEvent {
  const known = ['type', 'id', 'title', ...(part.sourceType === 'url' ? ['url', 'sourceType'] : [])];
  return {
    type: 'source',
    ...root,
    id: text(part.id),
    ...(typeof part.url === 'string' ? { url: part.url } : {}),
    ...(typeof part.title === 'string' ? { title: part.title } : {}),
    ...ext(part, known),
  };
}

function fileOf(part: StreamPart): { mediaType: string; data: string } {
  const file = isRecord(part.file) ? part.file : {};
  return { mediaType: text(file.mediaType), data: text(file.base64 ?? file.base64Data) };
}

function fileEvent(part: StreamPart, root: Envelope): CanonicalEvent {
  const file = isRecord(part.file) ? part.file : {};
  const fileRest = residual(file, new Set(['mediaType', 'base64', 'base64Data']));
  const kept: Record<string, unknown> = fileRest === undefined ? {} : { file: fileRest };
  if ('base64Data' in file) kept.fileKey = 'base64Data';
  const known = part.type === 'file' ? ['type', 'file'] : ['file'];
  return { type: 'file', ...root, ...fileOf(part), ...ext(part, known, kept) };
}

function userParts(message: unknown): Part[] {
  const content = isRecord(message) ? message.content : undefined;
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  return content.filter(isRecord).map((part): Part => ({ type: 'text', text: text(part.text) }));
}

function toolCallRequirement(part: StreamPart): Requirement {
  const call = isRecord(part.toolCall) ? part.toolCall : {};
  const requirement: Requirement = { id: text(part.approvalId), kind: 'confirmation', toolCallId: text(call.toolCallId) };
  requirement.toolName = text(call.toolName);
  if (call.input !== undefined) requirement.input = call.input;
  const rest = partResidual(part, ['type', 'approvalId', 'toolCall']) ?? {};
  const callRest = residual(call, new Set(['type', 'toolCallId', 'toolName', 'input']));
  if (callRest !== undefined) rest.toolCall = callRest;
  if (Object.keys(rest).length > 0) requirement.ext = { [streamFormatName]: rest };
  return requirement;
}

/** Closes ai 4 text or reasoning blocks, which have no end of their own: another kind of part ends them. */
function closeLegacyBlocks(state: StreamState, events: CanonicalEvent[], kinds: readonly ('text' | 'reasoning')[] = ['text', 'reasoning']): CanonicalEvent[] {
  const closing: CanonicalEvent[] = [];
  for (const kind of kinds) {
    const id = legacyBlockIds[kind];
    if (state.blocks.has(id)) closing.push({ type: `${kind}-end`, ...blockEnvelope(state, id), id } as CanonicalEvent);
  }
  return [...closing, ...events];
}

function legacyDelta(state: StreamState, kind: 'text' | 'reasoning', delta: string): CanonicalEvent[] {
  const id = legacyBlockIds[kind];
  const events: CanonicalEvent[] = closeLegacyBlocks(state, [], [kind === 'text' ? 'reasoning' : 'text']);
  if (!state.blocks.has(id)) events.push({ type: `${kind}-start`, ...rootEnvelope(state), id } as CanonicalEvent);
  events.push({ type: `${kind}-delta`, ...blockEnvelope(state, id), id, delta } as CanonicalEvent);
  return events;
}

/**
 * What one `TextStreamPart` (as JSON) says, given what came before (our metadata aside). Reads
 * the ai 4 names (`textDelta`, `args`, `result`, `step-finish`, …) too.
 * @returns undefined for a part type this library does not know.
 */
export function readStreamPart(part: StreamPart, state: StreamState): CanonicalEvent[] | undefined {
  const events = readPart(part, state);
  const legacyContent = part.type === 'reasoning' || (part.type === 'text-delta' && typeof part.textDelta === 'string');
  return events === undefined || legacyContent ? events : closeLegacyBlocks(state, events);
}

function readPart(part: StreamPart, state: StreamState): CanonicalEvent[] | undefined {
  const type = text(part.type);
  const root = rootEnvelope(state);
  const id = text(part.id);
  const toolCallId = text(part.toolCallId);
  switch (type) {
    case 'start':
      return [{ type: 'run-start', runId: '', ...ext(part, ['type']) }];
    case 'start-step':
    case 'step-start': {
      // ai 4 named it step-start and gave the message id.
      const messageId = typeof part.messageId === 'string' ? { messageId: part.messageId } : {};
      const known = type === 'start-step' ? ['type'] : ['type', 'messageId'];
      return [{ type: 'step-start', ...root, ...messageId, ...ext(part, known) }];
    }
    case 'finish-step':
    case 'step-finish': {
      const { usage, kept } = usageFields(part.usage, 'usage');
      const finishReason = typeof part.finishReason === 'string' ? { finishReason: part.finishReason } : {};
      const known = type === 'finish-step' ? ['type', 'usage', 'finishReason'] : ['usage', 'finishReason'];
      const event: CanonicalEvent = { type: 'step-end', ...root, ...(usage === undefined ? {} : { usage }), ...finishReason, ...ext(part, known, kept) };
      return [event];
    }
    case 'text-start':
    case 'reasoning-start':
      return [{ type, ...root, id, ...ext(part, ['type', 'id']) }];
    case 'text-delta':
    case 'reasoning-delta':
      if (typeof part.textDelta === 'string' && type === 'text-delta') return legacyDelta(state, 'text', part.textDelta);
      return [{ type, ...blockEnvelope(state, id), id, delta: text(part.text), ...ext(part, ['type', 'id', 'text']) }];
    case 'reasoning':
      return legacyDelta(state, 'reasoning', text(part.textDelta ?? part.text));
    case 'text-end': {
      const { citations, original } = splitCitations(part.citations);
      return [
        {
          type,
          ...blockEnvelope(state, id),
          id,
          ...(citations === undefined ? {} : { citations }),
          ...ext(part, ['type', 'id', 'citations'], original === undefined ? {} : { citations: original }),
        },
      ];
    }
    case 'reasoning-end':
      return [{ type, ...blockEnvelope(state, id), id, ...ext(part, ['type', 'id']) }];
    case 'tool-input-start':
      return [{ type, ...toolEnvelope(state, id), toolCallId: id, toolName: text(part.toolName), ...toolExt(part, ['type', 'id', 'toolName']) }];
    case 'tool-call-streaming-start':
      return [{ type: 'tool-input-start', ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(part.toolName), ...toolExt({}, []) }];
    case 'tool-input-delta':
      return [{ type, ...toolEnvelope(state, id), toolCallId: id, delta: text(part.delta), ...ext(part, ['type', 'id', 'delta']) }];
    case 'tool-call-delta':
      return [{ type: 'tool-input-delta', ...toolEnvelope(state, toolCallId), toolCallId, delta: text(part.argsTextDelta) }];
    case 'tool-input-end':
      // Canonical tool input has no end: the tool-call that follows closes it, and writing puts it back.
      return [];
    case 'tool-call': {
      const input = 'args' in part && !('input' in part) ? part.args : part.input;
      return [
        {
          type,
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          toolName: text(part.toolName),
          input,
          ...toolExt(part, ['type', 'toolCallId', 'toolName', 'input', 'args']),
        },
      ];
    }
    case 'tool-result': {
      const legacy = 'result' in part && !('output' in part);
      const input = legacy ? part.args : part.input;
      const known = ['type', 'toolCallId', 'toolName', 'output', 'result', 'args', 'input'];
      const kept = sameJson(input, state.tools.get(toolCallId)?.input) || legacy ? {} : { input };
      return [
        {
          type,
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          toolName: text(part.toolName),
          output: legacy ? part.result : part.output,
          ...toolExt(part, known, kept),
        },
      ];
    }
    case 'tool-error': {
      const kept = sameJson(part.input, state.tools.get(toolCallId)?.input) ? {} : { input: part.input };
      return [
        {
          type,
          ...toolEnvelope(state, toolCallId),
          toolCallId,
          toolName: text(part.toolName),
          error: part.error,
          ...toolExt(part, ['type', 'toolCallId', 'toolName', 'error', 'input'], kept),
        },
      ];
    }
    case 'tool-output-denied':
      return [{ type: 'tool-error', ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(part.toolName), error: deniedText, ...ext(part, ['toolCallId', 'toolName']) }];
    case 'tool-approval-request': {
      const requirement = toolCallRequirement(part);
      const envelope = toolEnvelope(state, requirement.toolCallId ?? '');
      return [{ type: 'run-pause', ...envelope, requirements: [...(state.pending.get(envelope.runId) ?? []), requirement] }];
    }
    case 'tool-approval-response': {
      const call = isRecord(part.toolCall) ? part.toolCall : {};
      return [{ type: 'run-resume', ...toolEnvelope(state, text(call.toolCallId)), ...ext(part, []) }];
    }
    case 'source':
      if (isRecord(part.source)) return [sourceEvent({ ...part.source, type: 'source' }, root)];
      return [sourceEvent(part, root)];
    case 'file':
    case 'reasoning-file':
      return [fileEvent(part, root)];
    case 'custom':
      return [{ type: 'data', ...root, name: text(part.kind), data: null, ...ext(part, ['kind']) }];
    case 'steering-message':
      return [
        {
          type: 'message',
          ...root,
          message: { id, role: 'user', parts: userParts(part.message) },
          ...ext(part, ['id']),
        },
      ];
    case 'abort':
      return [{ type: 'run-cancel', ...root, ...(typeof part.reason === 'string' ? { reason: part.reason } : {}), ...ext(part, ['type', 'reason']) }];
    case 'error': {
      const { error, kept } = readError(part.error);
      return [{ type: 'run-error', ...root, error, ...ext(part, ['type', 'error'], kept) }];
    }
    case 'finish': {
      const pending = state.pending.get(root.runId);
      if (pending !== undefined) return [{ type: 'run-pause', ...root, requirements: pending, ...ext(part, []) }];
      const { usage, kept } = usageFields(part.totalUsage ?? part.usage, 'totalUsage' in part ? 'totalUsage' : 'usage');
      // A failed run has no run-end to hold the total: a total beside the steps' usage stays raw (reported by other formats).
      if (finishesFailedRun(state, root.runId)) return usage === undefined ? [] : [{ type: 'raw', ...root, format: streamFormatName, payload: part }];
      const finishReason = typeof part.finishReason === 'string' ? { finishReason: part.finishReason } : {};
      return [
        {
          type: 'run-end',
          ...root,
          ...(usage === undefined ? {} : { usage }),
          ...finishReason,
          ...ext(part, ['type', 'finishReason', 'totalUsage', 'usage'], kept),
        },
      ];
    }
    case 'ping':
    case 'raw':
    case 'reasoning-signature':
    case 'redacted-reasoning':
      return [{ type: 'raw', ...root, format: streamFormatName, payload: part }];
    default:
      return undefined;
  }
}
