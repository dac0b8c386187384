import type { CanonicalEvent, EventHandlers, EventOfType } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { Resolution } from '../../src/model/snapshot.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { writeCitations } from './citations.js';
import { blockTypes, contentFieldsOf, createEncoderCore, encodeWith, explodeInto, recordEncoder, sharedHandlers, sharedToolFields } from './encoder-core.js';
import { errorText, finishReasons, isErrorLike } from './finish.js';
import { type BridgeMetadata, bridgeDataType, tokenUsage, withOurKey } from './metadata.js';
import { streamFormatName } from './stream-events.js';
import { afterFinishKey } from './state.js';
import { deniedText, uiFormatName } from './ui-events.js';
import { createChunkWriter } from './writer.js';

/** The AI SDK major versions the UI encoder writes for. */
export type UiTarget = 'v5' | 'v6' | 'v7';

/** Options of the `ai-sdk-ui` encoder. */
export interface UiEncodeOptions {
  /** The AI SDK version of the consumer (default `v7`): chunks and fields it lacks are not written. */
  target?: UiTarget;
}

type Chunk = Record<string, unknown>;

/** The `tool-approval-response` chunk of an approval's resolution (the approval's id is the requirement's). */
function approvalResponseChunk(resolution: Resolution, fields: Chunk): Chunk {
  const chunk: Chunk = { ...fields, type: 'tool-approval-response', approvalId: resolution.requirementId, approved: resolution.approved };
  if (resolution.reason !== undefined) chunk.reason = resolution.reason;
  return chunk;
}

/** Chunk types each target lacks; such events are written another way or left out, and reported. */
const missingTypes: Record<UiTarget, ReadonlySet<string>> = {
  v5: new Set([
    'tool-approval-request',
    'tool-output-denied',
    'tool-approval-response',
    'custom',
    'reasoning-file',
    'steering-message',
    'reset-step',
  ]),
  v6: new Set(['tool-approval-response', 'custom', 'reasoning-file', 'steering-message', 'reset-step']),
  v7: new Set(),
};

/** Fields newer than a target, per chunk type: left out (a v5 finish reason goes into our metadata). */
const newerFields: Record<UiTarget, Record<string, readonly string[]>> = {
  v5: {
    finish: ['finishReason'],
    abort: ['reason'],
    'tool-input-start': ['providerMetadata', 'toolMetadata', 'title', 'inputEncoding'],
    'tool-input-available': ['providerMetadata', 'toolMetadata', 'title'],
    'tool-input-error': ['providerMetadata', 'toolMetadata', 'title'],
    'tool-output-available': ['providerMetadata', 'toolMetadata', 'preliminary'],
    'tool-output-error': ['providerMetadata', 'toolMetadata'],
    'text-end': ['citations'],
  },
  v6: {
    'tool-input-start': ['inputEncoding'],
    'text-end': ['citations'],
    'tool-approval-request': ['approvalDescriptor', 'inputSchemaInput', 'reason', 'isAutomatic'],
  },
  v7: {},
};

/** Whether a chunk is one a client of the target accepts as it is: its type and fields exist there. */
export function fitsTarget(record: unknown, target: UiTarget): boolean {
  if (!isRecord(record)) return true;
  const type = String(record.type);
  if (missingTypes[target].has(type)) return false;
  return (newerFields[target][type] ?? []).every((field) => !(field in record));
}

const v6Carriers = [
  ...blockTypes,
  'tool-input-start',
  'tool-input-available',
  'tool-input-error',
  'tool-output-available',
  'tool-output-error',
  'source-url',
  'source-document',
  'file',
];

/** Chunk types with a `providerMetadata` field our metadata can ride in, per target. */
const metadataCarriers: Record<UiTarget, ReadonlySet<string>> = {
  v5: new Set(blockTypes),
  v6: new Set(v6Carriers),
  v7: new Set([...v6Carriers, 'reasoning-file', 'custom', 'tool-approval-response']),
};

/**
 * Writes canonical events as `UIMessageChunk`s a `useChat` client accepts: `start` first, text
 * and reasoning blocks opened and closed with one id and closed before `finish-step`, tool parts
 * in start → deltas → available → output order, never `undefined` in `input`/`output`/`data`,
 * `abort` for a cancel, `error` for a failure. Of what chunks have no field for, only lineage,
 * usage and pauses are written (our key in the metadata of a part's first chunk and of
 * `finish`, our data part for members' run starts and ends); see the adapter README.
 */
export function createUiEncoder(context: AdapterContext, options: UiEncodeOptions = {}): Encoder {
  const target: UiTarget = options.target ?? 'v7';
  const reported = new Set<string>();
  const writer = createChunkWriter({
    attach(chunk, ours) {
      const type = String(chunk.type);
      if (type === 'start' || type === 'finish') {
        if (chunk.messageMetadata !== undefined && !isRecord(chunk.messageMetadata)) return false;
        chunk.messageMetadata = withOurKey(chunk.messageMetadata, ours);
        return true;
      }
      if (!metadataCarriers[target].has(type)) return false;
      chunk.providerMetadata = withOurKey(chunk.providerMetadata, ours);
      return true;
    },
    // useChat passes transient parts to onData only; a pause's part (with an id) stays in the message.
    carrier: (event, id) => (id === undefined ? { type: bridgeDataType, transient: true, data: { event } } : { type: bridgeDataType, id, data: { event } }),
  });

  function supported(type: string, event: CanonicalEvent): boolean {
    if (!missingTypes[target].has(type)) return true;
    if (!reported.has(type)) {
      reported.add(type);
      context.report({
        code: 'approximated',
        level: 'warning',
        eventType: event.type,
        runId: event.runId,
        message: `AI SDK ${target} has no "${type}" chunk; it was written as the nearest chunk ${target} has (a pause as a data-agent-event-bridge part) or left out`,
      });
    }
    return false;
  }

  function toolFields(event: CanonicalEvent): Chunk {
    if (event.ext?.[uiFormatName] !== undefined) return core.fields(event);
    const stream = event.ext?.[streamFormatName];
    // Tools of other frameworks are unknown to the client's static tool types: dynamic parts.
    if (stream === undefined) return { dynamic: true };
    const fields: Chunk = {};
    for (const key of sharedToolFields) if (stream[key] !== undefined) fields[key] = stream[key];
    return fields;
  }

  /** Fields of a content chunk: its own, or the ones a stream part shares with it (as `toUIMessageChunk` copies them). */
  function contentFields(event: CanonicalEvent): Chunk {
    return contentFieldsOf(core, event, streamFormatName, (stream) => {
      if (stream.type === 'custom' || stream.type === 'reasoning-file') return { type: stream.type };
      return stream.sourceType === 'document' ? { type: 'source-document' } : {};
    });
  }

  function toolCallChunk(event: EventOfType<'tool-call'>): Chunk {
    return { ...toolFields(event), type: 'tool-input-available', toolCallId: event.toolCallId, toolName: event.toolName, input: event.input ?? null };
  }
  /** Invalid calls (input, and the error the full stream's call part holds), until their tool-error writes one tool-input-error chunk. */
  const heldCalls = new Map<string, { input: unknown; error: unknown }>();

  /** An invalid call: read from a tool-input-error chunk, or marked invalid by the full stream. */
  function isInvalidCall(event: EventOfType<'tool-call'>): boolean {
    const ui = event.ext?.[uiFormatName];
    return ui === undefined ? event.ext?.[streamFormatName]?.invalid === true : ui.type === 'tool-input-error';
  }

  const core = createEncoderCore(context, {
    format: uiFormatName,
    writer,
    shape(chunk) {
      // Most chunk types have no newer fields: no list is made for them.
      const type = String(chunk.type);
      const newer = newerFields[target][type];
      if (newer !== undefined) {
        for (const field of newer) {
          if (!(field in chunk)) continue;
          delete chunk[field];
          // A v5 finish reason rides in our metadata (run-end); any other field is gone: said once.
          const kind = `${type}.${field}`;
          if (field === 'finishReason' || reported.has(kind)) continue;
          reported.add(kind);
          context.report({ code: 'dropped', level: 'warning', path: field, message: `AI SDK ${target} has no ${kind}; left out` });
        }
      }
      return chunk;
    },
    supported,
    blockFields: (event) => contentFields(event),
    block: (kind, phase, id, fields) => ({ ...fields, type: `${kind}-${phase}`, id }),
    toolCall: toolCallChunk,
    approval: (requirement) => ({
      ...(requirement.ext?.[uiFormatName] ?? {}),
      type: 'tool-approval-request',
      approvalId: requirement.id,
      toolCallId: requirement.toolCallId,
    }),
    approvable: (requirement) => requirement.kind === 'confirmation' && requirement.toolCallId !== undefined,
    pauseFinish: (finishReason) => ({ type: 'finish', finishReason }),
  });
  const { emit } = core;
  /** Metadata read from after the message's end (`finish`, `error`, `abort`): written after that end again. */
  let afterFinish: { chunk: Chunk; event: CanonicalEvent }[] = [];

  /** Writes the metadata held for after the message's end, once the root run's end is written. */
  function writeAfterEnd(event: CanonicalEvent): void {
    if (!core.isRoot(event)) return;
    for (const held of afterFinish) emit(held.chunk, held.event);
    afterFinish = [];
  }

  /** A member's run end, a resume without an approval chunk: compactly in our carrier. */
  function carry(event: CanonicalEvent): void {
    writer.carry(event);
  }

  /** Writes the `start` of a message: the run id as the message id, a parent run in our metadata. */
  function start(event: EventOfType<'run-start'>, fields: Chunk, named: boolean): void {
    const chunk: Chunk = { ...fields, type: 'start' };
    if (named) chunk.messageId = event.runId;
    const lineage: BridgeMetadata = event.parentRunId === undefined ? {} : { parentRunId: event.parentRunId, ...(event.actor === undefined ? {} : { actor: event.actor }) };
    emit(chunk, event, undefined, lineage);
  }

  const shared = sharedHandlers({ context, core, writer, format: uiFormatName, deltaKey: 'delta', contentFields, encode, start });
  const handlers: EventHandlers<void, void> = {
    ...shared,
    'run-cancel'(event) {
      shared['run-cancel'](event);
      writeAfterEnd(event);
    },
    'run-pause'(event) {
      shared['run-pause'](event);
      writeAfterEnd(event);
    },
    'run-end'(event) {
      if (!core.isRoot(event)) return carry(event);
      core.closeOpenBlocks(event);
      const chunk: Chunk = { ...core.fields(event), type: 'finish' };
      const usage = tokenUsage(event.usage);
      const ours: BridgeMetadata = usage === undefined ? {} : { usage };
      if (event.finishReason !== undefined) {
        const native = finishReasons.has(event.finishReason) && !(newerFields[target].finish ?? []).includes('finishReason');
        // A reason outside the AI SDK set, or any for v5 (v5.0.0 rejects the field), goes into our metadata.
        if (native) chunk.finishReason = event.finishReason;
        else ours.finishReason = event.finishReason;
      }
      emit(chunk, event, undefined, ours);
      writeAfterEnd(event);
      core.closeMessage();
    },
    'run-error'(event) {
      if (!core.isRoot(event)) return carry(event);
      core.cutOpenBlocks();
      emit({ ...core.fields(event), type: 'error', errorText: event.error.message }, event);
      writeAfterEnd(event);
      core.settle();
    },
    'run-resume'(event) {
      const fields = core.fields(event);
      const approvals = (event.resolutions ?? []).filter((resolution) => resolution.requirementId !== undefined && resolution.approved !== undefined);
      if (approvals.length > 0 && approvals.length === event.resolutions?.length && supported('tool-approval-response', event)) {
        // One chunk per verdict; the fields of the chunk it was read from (if any) on the first.
        approvals.forEach((resolution, index) => emit(approvalResponseChunk(resolution, index === 0 ? fields : {}), event));
        return;
      }
      if (fields.type === 'tool-approval-response' && supported('tool-approval-response', event)) {
        return emit({ ...fields, type: 'tool-approval-response' }, event);
      }
      carry(event);
    },
    'step-end'(event) {
      // A finish-step has no field for usage: one that closes nothing is not written.
      if (!core.endStep()) return;
      core.closeOpenBlocks(event);
      emit({ ...core.fields(event), type: 'finish-step' }, event);
    },
    'text-end'(event) {
      const fields = contentFields(event);
      if (event.citations !== undefined && fields.citations === undefined) {
        fields.citations = writeCitations(event.citations, () => context.mint('citation'));
      }
      core.closeBlock('text', event, fields);
    },
    'tool-input-start'(event) {
      core.toolParts.add(event.toolCallId);
      emit({ ...toolFields(event), type: 'tool-input-start', toolCallId: event.toolCallId, toolName: event.toolName }, event);
    },
    'tool-input-delta'(event) {
      if (!core.toolParts.has(event.toolCallId)) {
        context.report({
          code: 'dropped',
          level: 'warning',
          eventType: event.type,
          runId: event.runId,
          message: `tool input delta for "${event.toolCallId}" before its tool-input-start: a useChat client rejects it, so it was left out`,
        });
        return;
      }
      emit({ ...core.fields(event), type: 'tool-input-delta', toolCallId: event.toolCallId, inputTextDelta: event.delta }, event);
    },
    'tool-call'(event) {
      core.toolParts.add(event.toolCallId);
      if (isInvalidCall(event)) {
        // One tool-input-error chunk says an invalid call and its error: written when the error comes.
        heldCalls.set(event.toolCallId, { input: event.input, error: event.ext?.[streamFormatName]?.error });
        return;
      }
      emit(toolCallChunk(event), event);
    },
    'tool-result'(event) {
      core.ensureToolPart(event);
      const fields = toolFields(event);
      const stream = event.ext?.[streamFormatName];
      if (event.ext?.[uiFormatName] === undefined) {
        delete fields.title;
        if (stream?.preliminary !== undefined) fields.preliminary = stream.preliminary;
      }
      emit({ ...fields, type: 'tool-output-available', toolCallId: event.toolCallId, output: event.output ?? null }, event);
    },
    'tool-error'(event) {
      const fields = core.fields(event);
      const held = heldCalls.get(event.toolCallId);
      if (held !== undefined || fields.type === 'tool-input-error') {
        core.toolParts.add(event.toolCallId);
        heldCalls.delete(event.toolCallId);
        const own = fields.type === 'tool-input-error' ? fields : toolFields(event);
        // toUIMessageStream writes the call part's error; an Error JSON left without its message
        // (JSON.stringify drops it) says less than the tool-error's text.
        const error = typeof held?.error === 'string' || isErrorLike(held?.error) ? held.error : event.error;
        const chunk = { ...own, type: 'tool-input-error', toolCallId: event.toolCallId, toolName: event.toolName ?? 'unknown', input: held?.input ?? null, errorText: errorText(error) };
        return emit(chunk, event);
      }
      core.ensureToolPart(event);
      if ((fields.type === 'tool-output-denied' || event.error === deniedText) && supported('tool-output-denied', event)) {
        return emit({ ...fields, type: 'tool-output-denied', toolCallId: event.toolCallId }, event);
      }
      const shared = toolFields(event);
      delete shared.title;
      delete shared.type;
      emit({ ...shared, type: 'tool-output-error', toolCallId: event.toolCallId, errorText: errorText(event.error) }, event);
    },
    message(event) {
      if (explodeInto(event, context, encode)) return;
      const fields = core.fields(event);
      if (fields.type === 'steering-message' && supported('steering-message', event)) {
        return emit({ ...fields, type: 'steering-message', id: event.message.id ?? context.mint('message'), parts: steeringChunkParts(event) }, event);
      }
      // Input and system messages stay on the server.
      core.drop(event);
    },
    file(event) {
      const fields = contentFields(event);
      const type = fields.type === 'reasoning-file' && supported('reasoning-file', event) ? 'reasoning-file' : 'file';
      const url = event.url ?? (event.data === undefined ? '' : `data:${event.mediaType};base64,${event.data}`);
      emit({ ...fields, type, mediaType: event.mediaType, url }, event);
    },
    source(event) {
      const fields = contentFields(event);
      const sourceId = event.id ?? context.mint('source');
      if (fields.type !== 'source-document' && event.url !== undefined) {
        return emit({ ...fields, type: 'source-url', sourceId, url: event.url, ...(event.title === undefined ? {} : { title: event.title }) }, event);
      }
      emit({ mediaType: 'text/plain', ...fields, type: 'source-document', sourceId, title: event.title ?? '' }, event);
    },
    data(event) {
      const content = contentFields(event);
      if (content.type === 'custom' && supported('custom', event)) return emit({ ...content, type: 'custom', kind: event.name }, event);
      const fields = core.fields(event, [afterFinishKey]);
      if (fields.type === 'message-metadata') {
        const chunk: Chunk = { ...fields, type: 'message-metadata', messageMetadata: event.data ?? null };
        if (event.ext?.[uiFormatName]?.[afterFinishKey] === true && core.isRoot(event)) afterFinish.push({ chunk, event });
        else emit(chunk, event);
        return;
      }
      if (event.name === '' || `data-${event.name}`.startsWith(bridgeDataType) || fields.type !== undefined) return core.drop(event);
      const id = event.id === undefined ? {} : { id: event.id };
      emit({ ...fields, type: `data-${event.name}`, ...id, data: event.data ?? null, ...(event.transient === undefined ? {} : { transient: event.transient }) }, event);
    },
  };

  function encode(event: CanonicalEvent): void {
    encodeWith(core, handlers, event);
  }

  return recordEncoder(core, encode);
}

function steeringChunkParts(event: EventOfType<'message'>): Chunk[] {
  return event.message.parts.map((part) =>
    part.type === 'file'
      ? { type: 'file', mediaType: part.mediaType, url: part.url ?? '', ...(part.name === undefined ? {} : { filename: part.name }) }
      : { type: 'text', text: part.type === 'text' ? part.text : '' },
  );
}
