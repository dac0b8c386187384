import type { CanonicalEvent, Envelope } from '../../src/model/event.js';
import type { Part, Requirement, Resolution } from '../../src/model/snapshot.js';
import { isRecord, ownEntry, residual } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { splitCitations } from './citations.js';
import { type BridgeMetadata, readMetadata, withoutOurKey } from './metadata.js';
import { type StreamState, ask, blockEnvelope, extOf, finishesFailedRun, rootEnvelope, sayPauseAsking, sayPauses, toolEnvelope, text } from './state.js';
import { envelopeOf } from '../../src/model/explode.js';

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

/** The tool name of a call read earlier, for chunks that do not repeat it. */
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
 * Reads one UI message chunk of the type it is registered under into canonical events;
 * module-level, with the reader's state (what came before in the stream) as argument. The
 * reader applies our metadata to the last event and tracks the events after the handler.
 * @param context the conversion's context, to report an issue or mint an id.
 */
export type UIMessageChunkHandler = (state: StreamState, chunk: Chunk, context: AdapterContext) => CanonicalEvent[];

/** The chunk types the UI message stream reader dispatches on; `data-*` stands for every data part. */
export type UIMessageChunkType =
  | 'start'
  | 'start-step'
  | 'finish-step'
  | 'text-start'
  | 'text-delta'
  | 'text-end'
  | 'reasoning-start'
  | 'reasoning-delta'
  | 'reasoning-end'
  | 'tool-input-start'
  | 'tool-input-delta'
  | 'tool-input-available'
  | 'tool-input-error'
  | 'tool-output-available'
  | 'tool-output-error'
  | 'tool-output-denied'
  | 'tool-approval-request'
  | 'tool-approval-response'
  | 'source-url'
  | 'source-document'
  | 'file'
  | 'reasoning-file'
  | 'custom'
  | 'steering-message'
  | 'message-metadata'
  | 'reset-step'
  | 'abort'
  | 'error'
  | 'finish'
  | 'data-*';

/** Handlers by UI message chunk type. */
export type UIMessageChunkHandlers = Readonly<Record<UIMessageChunkType, UIMessageChunkHandler>>;

// The message id names the run: one run per message (an empty one is minted by the decoder).
const readStart: UIMessageChunkHandler = (_state, chunk) => [{ type: 'run-start', runId: text(chunk.messageId), ...ext(chunk, ['type', 'messageId']) }];

const readStartStep: UIMessageChunkHandler = (state, chunk) => [{ type: 'step-start', ...rootEnvelope(state), ...ext(chunk, ['type']) }];

const readFinishStep: UIMessageChunkHandler = (state, chunk) => [{ type: 'step-end', ...rootEnvelope(state), ...ext(chunk, ['type']) }];

/** `text-start` and `reasoning-start`. */
const readBlockStart: UIMessageChunkHandler = (state, chunk) => [
  { type: chunk.type === 'text-start' ? 'text-start' : 'reasoning-start', ...rootEnvelope(state), id: text(chunk.id), ...ext(chunk, ['type', 'id']) },
];

/** `text-delta` and `reasoning-delta`. */
const readBlockDelta: UIMessageChunkHandler = (state, chunk) => {
  const id = text(chunk.id);
  return [{ type: chunk.type === 'text-delta' ? 'text-delta' : 'reasoning-delta', ...blockEnvelope(state, id), id, delta: text(chunk.delta), ...ext(chunk, ['type', 'id', 'delta']) }];
};

const readTextEnd: UIMessageChunkHandler = (state, chunk) => {
  const id = text(chunk.id);
  const { citations, original } = splitCitations(chunk.citations);
  const rest = chunkResidual(chunk, ['type', 'id', 'citations']);
  const kept = original === undefined ? rest : { ...rest, citations: original };
  return [{ type: 'text-end', ...blockEnvelope(state, id), id, ...(citations === undefined ? {} : { citations }), ...extOf(uiFormatName, kept) }];
};

const readReasoningEnd: UIMessageChunkHandler = (state, chunk) => {
  const id = text(chunk.id);
  return [{ type: 'reasoning-end', ...blockEnvelope(state, id), id, ...ext(chunk, ['type', 'id']) }];
};

const readToolInputStart: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
  return [{ type: 'tool-input-start', ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(chunk.toolName), ...toolExt(chunk, ['type', 'toolCallId', 'toolName']) }];
};

const readToolInputDelta: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
  return [{ type: 'tool-input-delta', ...toolEnvelope(state, toolCallId), toolCallId, delta: text(chunk.inputTextDelta), ...ext(chunk, ['type', 'toolCallId', 'inputTextDelta']) }];
};

const readToolInputAvailable: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
  return [
    { type: 'tool-call', ...toolEnvelope(state, toolCallId), toolCallId, toolName: text(chunk.toolName), input: chunk.input, ...toolExt(chunk, ['type', 'toolCallId', 'toolName', 'input']) },
  ];
};

/**
 * One chunk for an invalid call: the call the model made, with the input it sent (the raw text
 * when it was no JSON), and its error, as streamText's full stream says them.
 */
const readToolInputError: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
  const envelope = toolEnvelope(state, toolCallId);
  const toolName = text(chunk.toolName);
  return [
    { type: 'tool-call', ...envelope, toolCallId, toolName, input: chunk.input ?? null, ext: { [uiFormatName]: { type: 'tool-input-error' } } },
    { type: 'tool-error', ...envelope, toolCallId, toolName, error: text(chunk.errorText), ...toolExt(chunk, ['toolCallId', 'toolName', 'errorText', 'input']) },
  ];
};

const readToolOutputAvailable: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
  return [
    { type: 'tool-result', ...toolEnvelope(state, toolCallId), toolCallId, ...knownToolName(state, toolCallId), output: chunk.output, ...toolExt(chunk, ['type', 'toolCallId', 'output']) },
  ];
};

const readToolOutputError: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
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
};

const readToolOutputDenied: UIMessageChunkHandler = (state, chunk) => {
  const toolCallId = text(chunk.toolCallId);
  return [{ type: 'tool-error', ...toolEnvelope(state, toolCallId), toolCallId, ...knownToolName(state, toolCallId), error: deniedText, ...ext(chunk, ['toolCallId']) }];
};

// As in the full stream, the run pauses once, at `finish`, waiting for every approval it asked for.
const readToolApprovalRequest: UIMessageChunkHandler = (state, chunk) => {
  ask(state, toolEnvelope(state, text(chunk.toolCallId)), requirementOf(state, chunk));
  return [];
};

/**
 * The canonical resolution a `tool-approval-response` says (the approval's id as the requirement's,
 * the verdict and its reason), and the chunk fields it holds; none when the chunk has no verdict.
 */
export function approvalResolution(chunk: Chunk): { resolution: Resolution | undefined; known: string[] } {
  if (typeof chunk.approvalId !== 'string' || typeof chunk.approved !== 'boolean') return { resolution: undefined, known: [] };
  const resolution: Resolution = { requirementId: chunk.approvalId, approved: chunk.approved };
  if (typeof chunk.reason === 'string') resolution.reason = chunk.reason;
  return { resolution, known: ['approvalId', 'approved', ...(resolution.reason === undefined ? [] : ['reason'])] };
}

const readToolApprovalResponse: UIMessageChunkHandler = (state, chunk) => {
  const { resolution, known } = approvalResolution(chunk);
  // A verdict in the stream that asked for it answers a pause said first.
  const said = sayPauseAsking(state, text(chunk.approvalId), uiFormatName);
  const envelope = said[0] === undefined ? (pausedRunOf(state, text(chunk.approvalId)) ?? rootEnvelope(state)) : envelopeOf(said[0]);
  return [...said, { type: 'run-resume', ...envelope, ...(resolution === undefined ? {} : { resolutions: [resolution] }), ...ext(chunk, known) }];
};

const readSourceUrl: UIMessageChunkHandler = (state, chunk) => [
  {
    type: 'source',
    ...rootEnvelope(state),
    id: text(chunk.sourceId),
    url: text(chunk.url),
    ...(typeof chunk.title === 'string' ? { title: chunk.title } : {}),
    ...ext(chunk, ['type', 'sourceId', 'url', 'title']),
  },
];

const readSourceDocument: UIMessageChunkHandler = (state, chunk) => [
  { type: 'source', ...rootEnvelope(state), id: text(chunk.sourceId), title: text(chunk.title), ...ext(chunk, ['sourceId', 'title']) },
];

/** `file` and `reasoning-file`, whose type stays in ext. */
const readFile: UIMessageChunkHandler = (state, chunk) => [
  { type: 'file', ...rootEnvelope(state), mediaType: text(chunk.mediaType), url: text(chunk.url), ...ext(chunk, chunk.type === 'file' ? ['type', 'mediaType', 'url'] : ['mediaType', 'url']) },
];

const readCustom: UIMessageChunkHandler = (state, chunk) => [{ type: 'data', ...rootEnvelope(state), name: text(chunk.kind), data: null, ...ext(chunk, ['kind']) }];

const readSteeringMessage: UIMessageChunkHandler = (state, chunk) => [
  {
    type: 'message',
    ...rootEnvelope(state),
    message: { id: text(chunk.id), role: 'user', parts: steeringParts(chunk.parts) },
    ...ext(chunk, ['id', 'parts']),
  },
];

const readMessageMetadata: UIMessageChunkHandler = (state, chunk) => [
  { type: 'data', ...rootEnvelope(state), name: 'message-metadata', data: withoutOurKey(chunk.messageMetadata) ?? null, ...ext(chunk, ['messageMetadata']) },
];

const readResetStep: UIMessageChunkHandler = (state, chunk) => [{ type: 'raw', ...rootEnvelope(state), format: uiFormatName, payload: chunk }];

const readAbort: UIMessageChunkHandler = (state, chunk) => [
  { type: 'run-cancel', ...rootEnvelope(state), ...(typeof chunk.reason === 'string' ? { reason: chunk.reason } : {}), ...ext(chunk, ['type', 'reason']) },
];

const readErrorChunk: UIMessageChunkHandler = (state, chunk) => [
  { type: 'run-error', ...rootEnvelope(state), error: { message: text(chunk.errorText) }, ...ext(chunk, ['type', 'errorText']) },
];

const readFinish: UIMessageChunkHandler = (state, chunk) => {
  const root = rootEnvelope(state);
  // The AI SDK ends a turn that waits for approvals with `finish`: the run pauses there, once (or
  // stays paused where our carrier said its pause).
  const pauses = sayPauses(state, ext(chunk, []));
  if (pauses.at(-1)?.runId === root.runId || state.pending.has(root.runId)) return pauses;
  if (finishesFailedRun(state, root.runId)) return pauses;
  return [
    ...pauses,
    {
      type: 'run-end',
      ...root,
      ...(typeof chunk.finishReason === 'string' ? { finishReason: chunk.finishReason } : {}),
      ...ext(chunk, ['type', 'finishReason']),
    },
  ];
};

/** The `id` that updates a data part and its `transient` flag, where they have their types. */
export function dataPartFlags(part: Record<string, unknown>): { id?: string; transient?: boolean } {
  return {
    ...(typeof part.id === 'string' ? { id: part.id } : {}),
    ...(typeof part.transient === 'boolean' ? { transient: part.transient } : {}),
  };
}

/** A `data-<name>` part: data named after its type, with the id that updates it and its transient flag. */
const readData: UIMessageChunkHandler = (state, chunk) => {
  const flags = dataPartFlags(chunk);
  return [{ type: 'data', ...rootEnvelope(state), name: text(chunk.type).slice('data-'.length), data: chunk.data, ...flags, ...ext(chunk, ['type', 'data', ...Object.keys(flags)]) }];
};

/**
 * The default handlers by UI message chunk type. Exported so that a handler given in the
 * `handlers` decode option can wrap the default one of its type.
 */
export const uiMessageChunkHandlers: UIMessageChunkHandlers = {
  start: readStart,
  'start-step': readStartStep,
  'finish-step': readFinishStep,
  'text-start': readBlockStart,
  'text-delta': readBlockDelta,
  'text-end': readTextEnd,
  'reasoning-start': readBlockStart,
  'reasoning-delta': readBlockDelta,
  'reasoning-end': readReasoningEnd,
  'tool-input-start': readToolInputStart,
  'tool-input-delta': readToolInputDelta,
  'tool-input-available': readToolInputAvailable,
  'tool-input-error': readToolInputError,
  'tool-output-available': readToolOutputAvailable,
  'tool-output-error': readToolOutputError,
  'tool-output-denied': readToolOutputDenied,
  'tool-approval-request': readToolApprovalRequest,
  'tool-approval-response': readToolApprovalResponse,
  'source-url': readSourceUrl,
  'source-document': readSourceDocument,
  file: readFile,
  'reasoning-file': readFile,
  custom: readCustom,
  'steering-message': readSteeringMessage,
  'message-metadata': readMessageMetadata,
  'reset-step': readResetStep,
  abort: readAbort,
  error: readErrorChunk,
  finish: readFinish,
  'data-*': readData,
};

/**
 * What one UI message chunk says, given what came before (our metadata aside): the events of
 * the handler of its type (`data-*` for any data part).
 * @param handlers the handlers by chunk type, the defaults with the decode option over them.
 * @returns undefined for a chunk type no handler reads.
 */
export function readUiChunk(chunk: Chunk, state: StreamState, context: AdapterContext, handlers: UIMessageChunkHandlers): CanonicalEvent[] | undefined {
  const type = text(chunk.type);
  const handler = ownEntry(handlers, type) ?? (type.startsWith('data-') ? handlers['data-*'] : undefined);
  return handler?.(state, chunk, context);
}
