import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import { sameJson } from '../../src/pipeline/json-patch.js';
import type { ErrorInfo, Part, Requirement } from '../../src/model/snapshot.js';
import { isRecord, ownEntry, residual } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { splitCitations } from './citations.js';
import { errorText, isErrorLike } from './finish.js';
import { readUsage, writeUsage } from './language-model-usage.js';
import { type BridgeMetadata, readMetadata, withoutOurKey } from './metadata.js';
import { type StreamState, ask, blockEnvelope, extOf, finishesFailedRun, rootEnvelope, sayPauseAsking, sayPauses, toolEnvelope, text } from './state.js';
import { approvalResolution, deniedText } from './ui-events.js';

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

/** Both kinds of ai 4 block, made once: every part of a stream passes through {@link closeLegacyBlocks}. */
const legacyKinds: readonly ('text' | 'reasoning')[] = ['text', 'reasoning'];

/** Closes ai 4 text or reasoning blocks, which have no end of their own: another kind of part ends them. */
function closeLegacyBlocks(state: StreamState, events: CanonicalEvent[], kinds: readonly ('text' | 'reasoning')[] = legacyKinds): CanonicalEvent[] {
  // Streams of ai 5 and later open no such block: their events pass as they are, nothing made for them.
  if (!state.blocks.has(legacyBlockIds.text) && !state.blocks.has(legacyBlockIds.reasoning)) return events;
  const closing: CanonicalEvent[] = [];
  for (const kind of kinds) {
    const id = legacyBlockIds[kind];
    if (state.blocks.has(id)) closing.push({ type: `${kind}-end`, ...blockEnvelope(state, id), id } as CanonicalEvent);
  }
  return closing.length === 0 ? events : [...closing, ...events];
}

function legacyDelta(state: StreamState, kind: 'text' | 'reasoning', delta: string): CanonicalEvent[] {
  const id = legacyBlockIds[kind];
  const events: CanonicalEvent[] = closeLegacyBlocks(state, [], [kind === 'text' ? 'reasoning' : 'text']);
  if (!state.blocks.has(id)) events.push({ type: `${kind}-start`, ...rootEnvelope(state), id } as CanonicalEvent);
  events.push({ type: `${kind}-delta`, ...blockEnvelope(state, id), id, delta } as CanonicalEvent);
  return events;
}

/**
 * Reads one `TextStreamPart` of the type it is registered under into canonical events;
 * module-level, with the reader's state (what came before in the stream) as argument. The
 * reader closes open ai 4 blocks before the events, applies our metadata to the last of them
 * and tracks them after the handler.
 * @param context the conversion's context, to report an issue or mint an id.
 */
export type TextStreamPartHandler = (state: StreamState, part: StreamPart, context: AdapterContext) => CanonicalEvent[];

/**
 * The part types the full-stream reader dispatches on: those of ai 5 to 7 and the ai 4 names
 * (`step-start`, `step-finish`, `reasoning`, `tool-call-streaming-start`, `tool-call-delta`,
 * `reasoning-signature`, `redacted-reasoning`).
 */
export type TextStreamPartType =
  | 'start'
  | 'start-step'
  | 'step-start'
  | 'finish-step'
  | 'step-finish'
  | 'text-start'
  | 'text-delta'
  | 'text-end'
  | 'reasoning-start'
  | 'reasoning-delta'
  | 'reasoning-end'
  | 'reasoning'
  | 'tool-input-start'
  | 'tool-call-streaming-start'
  | 'tool-input-delta'
  | 'tool-call-delta'
  | 'tool-input-end'
  | 'tool-call'
  | 'tool-result'
  | 'tool-error'
  | 'tool-output-denied'
  | 'tool-approval-request'
  | 'tool-approval-response'
  | 'source'
  | 'file'
  | 'reasoning-file'
  | 'custom'
  | 'steering-message'
  | 'abort'
  | 'error'
  | 'finish'
  | 'ping'
  | 'raw'
  | 'reasoning-signature'
  | 'redacted-reasoning';

/** Handlers by full-stream part type. */
export type TextStreamPartHandlers = Readonly<Record<TextStreamPartType, TextStreamPartHandler>>;

const readStart: TextStreamPartHandler = (_state, part) => [{ type: 'run-start', runId: '', ...ext(part, ['type']) }];

// ai 4 named it step-start and gave the message id.
const readStepStart: TextStreamPartHandler = (state, part) => {
  const messageId = typeof part.messageId === 'string' ? { messageId: part.messageId } : {};
  const known = part.type === 'start-step' ? ['type'] : ['type', 'messageId'];
  return [{ type: 'step-start', ...rootEnvelope(state), ...messageId, ...ext(part, known) }];
};

const readStepFinish: TextStreamPartHandler = (state, part) => {
  const { usage, kept } = usageFields(part.usage, 'usage');
  const finishReason = typeof part.finishReason === 'string' ? { finishReason: part.finishReason } : {};
  const known = part.type === 'finish-step' ? ['type', 'usage', 'finishReason'] : ['usage', 'finishReason'];
  return [{ type: 'step-end', ...rootEnvelope(state), ...(usage === undefined ? {} : { usage }), ...finishReason, ...ext(part, known, kept) }];
};

/** `text-start` and `reasoning-start`. */
const readBlockStart: TextStreamPartHandler = (state, part) => [
  { type: part.type === 'text-start' ? 'text-start' : 'reasoning-start', ...rootEnvelope(state), id: text(part.id), ...ext(part, ['type', 'id']) },
];

/** `text-delta` and `reasoning-delta`; ai 4's text-delta carries `textDelta` and no block id. */
const readBlockDelta: TextStreamPartHandler = (state, part) => {
  const type = part.type === 'text-delta' ? 'text-delta' : 'reasoning-delta';
  if (type === 'text-delta' && typeof part.textDelta === 'string') return legacyDelta(state, 'text', part.textDelta);
  const id = text(part.id);
  return [{ type, ...blockEnvelope(state, id), id, delta: text(part.text), ...ext(part, ['type', 'id', 'text']) }];
};

const readLegacyReasoning: TextStreamPartHandler = (state, part) => legacyDelta(state, 'reasoning', text(part.textDelta ?? part.text));

const readTextEnd: TextStreamPartHandler = (state, part) => {
  const id = text(part.id);
  const { citations, original } = splitCitations(part.citations);
  return [
    {
      type: 'text-end',
      ...blockEnvelope(state, id),
      id,
      ...(citations === undefined ? {} : { citations }),
      ...ext(part, ['type', 'id', 'citations'], original === undefined ? {} : { citations: original }),
    },
  ];
};

const readReasoningEnd: TextStreamPartHandler = (state, part) => {
  const id = text(part.id);
  return [{ type: 'reasoning-end', ...blockEnvelope(state, id), id, ...ext(part, ['type', 'id']) }];
};

const readToolInputStart: TextStreamPartHandler = (state, part) => {
  const id = text(part.id);
  return [{ type: 'tool-input-start', ...toolEnvelope(state, id), toolCallId: id, toolName: text(part.toolName), ...toolExt(part, ['type', 'id', 'toolName']) }];
};

const readToolCallStreamingStart: TextStreamPartHandler = (state, part) => {
  const toolCallId = text(part.toolCallId);
  return [{ type: 'tool-input-start', ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(part.toolName), ...toolExt({}, []) }];
};

const readToolInputDelta: TextStreamPartHandler = (state, part) => {
  const id = text(part.id);
  return [{ type: 'tool-input-delta', ...toolEnvelope(state, id), toolCallId: id, delta: text(part.delta), ...ext(part, ['type', 'id', 'delta']) }];
};

const readToolCallDelta: TextStreamPartHandler = (state, part) => {
  const toolCallId = text(part.toolCallId);
  return [{ type: 'tool-input-delta', ...toolEnvelope(state, toolCallId), toolCallId, delta: text(part.argsTextDelta) }];
};

// Canonical tool input has no end: the tool-call that follows closes it, and writing puts it back.
const readToolInputEnd: TextStreamPartHandler = () => [];

const readToolCall: TextStreamPartHandler = (state, part) => {
  const toolCallId = text(part.toolCallId);
  const input = 'args' in part && !('input' in part) ? part.args : part.input;
  return [
    {
      type: 'tool-call',
      ...toolEnvelope(state, toolCallId),
      toolCallId,
      toolName: text(part.toolName),
      input,
      ...toolExt(part, ['type', 'toolCallId', 'toolName', 'input', 'args']),
    },
  ];
};

const readToolResult: TextStreamPartHandler = (state, part) => {
  const toolCallId = text(part.toolCallId);
  const legacy = 'result' in part && !('output' in part);
  const input = legacy ? part.args : part.input;
  const known = ['type', 'toolCallId', 'toolName', 'output', 'result', 'args', 'input'];
  const kept = sameJson(input, state.tools.get(toolCallId)?.input) || legacy ? {} : { input };
  return [
    {
      type: 'tool-result',
      ...toolEnvelope(state, toolCallId),
      toolCallId,
      toolName: text(part.toolName),
      output: legacy ? part.result : part.output,
      ...toolExt(part, known, kept),
    },
  ];
};

const readToolError: TextStreamPartHandler = (state, part) => {
  const toolCallId = text(part.toolCallId);
  const kept = sameJson(part.input, state.tools.get(toolCallId)?.input) ? {} : { input: part.input };
  return [
    {
      type: 'tool-error',
      ...toolEnvelope(state, toolCallId),
      toolCallId,
      toolName: text(part.toolName),
      error: part.error,
      ...toolExt(part, ['type', 'toolCallId', 'toolName', 'error', 'input'], kept),
    },
  ];
};

const readToolOutputDenied: TextStreamPartHandler = (state, part) => {
  const toolCallId = text(part.toolCallId);
  return [{ type: 'tool-error', ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(part.toolName), error: deniedText, ...ext(part, ['toolCallId', 'toolName']) }];
};

// streamText asks for each approval as its call comes, then stops at `finish`: the run pauses once,
// there, waiting for all of them (agno writes one RunPaused per pause).
const readToolApprovalRequest: TextStreamPartHandler = (state, part) => {
  const requirement = toolCallRequirement(part);
  ask(state, toolEnvelope(state, requirement.toolCallId ?? ''), requirement);
  return [];
};

// The verdict becomes the run's resolution (the approval's id is the requirement's, as the request
// read above made it), so other targets receive it; the part stays whole in ext for this format.
// A verdict in the stream that asked for it answers a pause said first.
const readToolApprovalResponse: TextStreamPartHandler = (state, part) => {
  const call = isRecord(part.toolCall) ? part.toolCall : {};
  const { resolution } = approvalResolution(part);
  return [
    ...sayPauseAsking(state, text(part.approvalId), streamFormatName),
    { type: 'run-resume', ...toolEnvelope(state, text(call.toolCallId)), ...(resolution === undefined ? {} : { resolutions: [resolution] }), ...ext(part, []) },
  ];
};

// ai 4 wrapped the source in `source`.
const readSource: TextStreamPartHandler = (state, part) => [sourceEvent(isRecord(part.source) ? { ...part.source, type: 'source' } : part, rootEnvelope(state))];

const readFile: TextStreamPartHandler = (state, part) => [fileEvent(part, rootEnvelope(state))];

const readCustom: TextStreamPartHandler = (state, part) => [{ type: 'data', ...rootEnvelope(state), name: text(part.kind), data: null, ...ext(part, ['kind']) }];

const readSteeringMessage: TextStreamPartHandler = (state, part) => [
  {
    type: 'message',
    ...rootEnvelope(state),
    message: { id: text(part.id), role: 'user', parts: userParts(part.message) },
    ...ext(part, ['id']),
  },
];

const readAbort: TextStreamPartHandler = (state, part) => [
  { type: 'run-cancel', ...rootEnvelope(state), ...(typeof part.reason === 'string' ? { reason: part.reason } : {}), ...ext(part, ['type', 'reason']) },
];

const readErrorPart: TextStreamPartHandler = (state, part) => {
  const { error, kept } = readError(part.error);
  return [{ type: 'run-error', ...rootEnvelope(state), error, ...ext(part, ['type', 'error'], kept) }];
};

const readFinish: TextStreamPartHandler = (state, part) => {
  const root = rootEnvelope(state);
  const pauses = sayPauses(state, ext(part, []));
  // The finish of a run that waits: its pause (said here, or earlier by our carrier) keeps it paused.
  if (pauses.at(-1)?.runId === root.runId || state.pending.has(root.runId)) return pauses;
  const { usage, kept } = usageFields(part.totalUsage ?? part.usage, 'totalUsage' in part ? 'totalUsage' : 'usage');
  // A failed run has no run-end to hold the total: a total beside the steps' usage stays raw (reported by other formats).
  if (finishesFailedRun(state, root.runId)) return usage === undefined ? pauses : [...pauses, { type: 'raw', ...root, format: streamFormatName, payload: part }];
  const finishReason = typeof part.finishReason === 'string' ? { finishReason: part.finishReason } : {};
  return [
    ...pauses,
    {
      type: 'run-end',
      ...root,
      ...(usage === undefined ? {} : { usage }),
      ...finishReason,
      ...ext(part, ['type', 'finishReason', 'totalUsage', 'usage'], kept),
    },
  ];
};

/** Parts with no canonical meaning (keep-alives, provider chunks, ai 4 signatures) stay raw. */
const readRaw: TextStreamPartHandler = (state, part) => [{ type: 'raw', ...rootEnvelope(state), format: streamFormatName, payload: part }];

/**
 * The default handlers by full-stream part type. Exported so that a handler given in the
 * `handlers` decode option can wrap the default one of its type.
 */
export const textStreamPartHandlers: TextStreamPartHandlers = {
  start: readStart,
  'start-step': readStepStart,
  'step-start': readStepStart,
  'finish-step': readStepFinish,
  'step-finish': readStepFinish,
  'text-start': readBlockStart,
  'text-delta': readBlockDelta,
  'text-end': readTextEnd,
  'reasoning-start': readBlockStart,
  'reasoning-delta': readBlockDelta,
  'reasoning-end': readReasoningEnd,
  reasoning: readLegacyReasoning,
  'tool-input-start': readToolInputStart,
  'tool-call-streaming-start': readToolCallStreamingStart,
  'tool-input-delta': readToolInputDelta,
  'tool-call-delta': readToolCallDelta,
  'tool-input-end': readToolInputEnd,
  'tool-call': readToolCall,
  'tool-result': readToolResult,
  'tool-error': readToolError,
  'tool-output-denied': readToolOutputDenied,
  'tool-approval-request': readToolApprovalRequest,
  'tool-approval-response': readToolApprovalResponse,
  source: readSource,
  file: readFile,
  'reasoning-file': readFile,
  custom: readCustom,
  'steering-message': readSteeringMessage,
  abort: readAbort,
  error: readErrorPart,
  finish: readFinish,
  ping: readRaw,
  raw: readRaw,
  'reasoning-signature': readRaw,
  'redacted-reasoning': readRaw,
};

/**
 * What one `TextStreamPart` (as JSON) says, given what came before (our metadata aside): the
 * events of the handler of its type. Reads the ai 4 names (`textDelta`, `args`, `result`,
 * `step-finish`, …) too.
 * @param handlers the handlers by part type, the defaults with the decode option over them.
 * @returns undefined for a part type no handler reads.
 */
export function readStreamPart(part: StreamPart, state: StreamState, context: AdapterContext, handlers: TextStreamPartHandlers): CanonicalEvent[] | undefined {
  const events = ownEntry(handlers, text(part.type))?.(state, part, context);
  // ai 4 content continues its open block; any other part ends it.
  const legacyContent = part.type === 'reasoning' || (part.type === 'text-delta' && typeof part.textDelta === 'string');
  return events === undefined || legacyContent ? events : closeLegacyBlocks(state, events);
}
