import type { CanonicalEvent, EventHandlers, EventOfType } from '../../src/model/event.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { writeCitations } from './citations.js';
import { blockTypes, contentFieldsOf, createEncoderCore, encodeWith, explodeInto, recordEncoder, sharedHandlers, sharedToolFields } from './encoder-core.js';
import { finishReasons } from './finish.js';
import { writeUsage } from './language-model-usage.js';
import { type Usage, addUsage } from '../../src/model/usage.js';
import { type BridgeMetadata, bridgeKey, withOurKey } from './metadata.js';
import { streamDefaults, streamFormatName } from './stream-events.js';
import { deniedText, uiFormatName } from './ui-events.js';
import { createChunkWriter } from './writer.js';

/** Options of the `ai-sdk-stream` encoder. */
export interface StreamEncodeOptions {}

type Part = Record<string, unknown>;

/** Part types with a `providerMetadata` field our metadata can ride in. */
const metadataCarriers = new Set([
  ...blockTypes,
  'tool-input-start',
  'tool-input-delta',
  'tool-call',
  'tool-result',
  'tool-error',
  'source',
  'file',
  'reasoning-file',
  'custom',
  'finish-step',
]);

/**
 * Writes canonical events as ai 7 `TextStreamPart`s (JSON): `start`, steps with usage on
 * `finish-step`, `finish` with `totalUsage` and `finishReason`, `abort` for a cancel, `error`
 * for a failure. Of what parts have no field for, only lineage and pauses are written: our key
 * in the `providerMetadata` of a member's first part of a block or tool call, and `raw` parts
 * (`rawValue["agent-event-bridge"]`, which `toUIMessageStream` ignores) for the run of a message
 * and members' run starts and ends; see the adapter README.
 */
export function createStreamEncoder(context: AdapterContext, _options: StreamEncodeOptions = {}): Encoder {
  const writer = createChunkWriter({
    attach(part, ours) {
      if (!metadataCarriers.has(String(part.type))) return false;
      part.providerMetadata = withOurKey(part.providerMetadata, ours);
      return true;
    },
    carrier: (event) => ({ type: 'raw', rawValue: { [bridgeKey]: { event } } }),
  });
  /** The usage of the current message's steps, for the total of a paused run's finish. */
  let stepsUsage: Usage | undefined;
  /** Tool calls whose input streamed and still needs its tool-input-end. */
  const inputOpen = new Set<string>();

  function toolFields(event: CanonicalEvent): Part {
    if (event.ext?.[streamFormatName] !== undefined) return core.fields(event);
    const ui = event.ext?.[uiFormatName];
    const fields: Part = {};
    if (ui !== undefined) for (const key of sharedToolFields) if (ui[key] !== undefined) fields[key] = ui[key];
    return fields;
  }

  function contentFields(event: CanonicalEvent): Part {
    return contentFieldsOf(core, event, uiFormatName, (ui) => {
      if (ui.type === 'custom' || ui.type === 'reasoning-file') return { type: ui.type };
      return ui.type === 'source-document' ? { sourceType: 'document' } : {};
    });
  }

  function toolCallPart(event: EventOfType<'tool-call'>): Part {
    // The call of a UI tool-input-error chunk is an invalid call of the full stream.
    const invalid = event.ext?.[uiFormatName]?.type === 'tool-input-error' ? { invalid: true } : {};
    return { ...toolFields(event), type: 'tool-call', toolCallId: event.toolCallId, toolName: event.toolName, input: event.input, ...invalid };
  }

  const core = createEncoderCore(context, {
    format: streamFormatName,
    writer,
    // Fields the part type requires get empty values where the event says nothing (reading leaves those out).
    shape: (part) => ({ ...structuredClone(streamDefaults[String(part.type)] ?? {}), ...part }),
    supported: () => true,
    block: (kind, phase, id, fields) => ({ ...fields, type: `${kind}-${phase}`, id }),
    toolCall: toolCallPart,
    approval(requirement) {
      const own = { ...(requirement.ext?.[streamFormatName] ?? {}) };
      const call = (own.toolCall as Part | undefined) ?? {};
      delete own.toolCall;
      return {
        ...own,
        type: 'tool-approval-request',
        approvalId: requirement.id,
        toolCall: { ...call, type: 'tool-call', toolCallId: requirement.toolCallId, toolName: requirement.toolName ?? '', input: requirement.input ?? null },
      };
    },
    approvable: (requirement) => requirement.kind === 'confirmation' && requirement.toolCallId !== undefined,
    // streamText's total is the sum of its steps' usage.
    pauseFinish: (finishReason) => ({ type: 'finish', finishReason, totalUsage: writeUsage(stepsUsage) }),
  });
  const { emit } = core;

  /** A member's run end, a resume without an approval part: compactly in our raw part. */
  function carry(event: CanonicalEvent): void {
    writer.carry(event);
  }

  /** Writes the `start` of a message, after a raw part naming its run (stream parts name none). */
  function start(event: EventOfType<'run-start'>, fields: Part, named: boolean): void {
    stepsUsage = undefined;
    if (named || event.parentRunId !== undefined) {
      const lineage: BridgeMetadata = { ...(named ? { runId: event.runId } : {}), ...(event.parentRunId === undefined ? {} : { parentRunId: event.parentRunId }) };
      writer.write({ type: 'raw', rawValue: { [bridgeKey]: lineage } });
    }
    emit({ ...fields, type: 'start' }, event);
  }


  /** Canonical tool input has no end: the part is written back before what follows the input. */
  function toolInputEnd(event: CanonicalEvent & { toolCallId: string }): void {
    if (inputOpen.delete(event.toolCallId)) writer.write({ type: 'tool-input-end', id: event.toolCallId });
  }

  const trackedInput = (toolCallId: string): unknown => writer.state.tools.get(toolCallId)?.input ?? null;

  /** `finishReason` is required on steps and finish: values outside the AI SDK set become `other`. */
  const finishReasonOf = (reason: string | undefined) => (reason !== undefined && finishReasons.has(reason) ? reason : 'other');

  const handlers: EventHandlers<void, void> = {
    ...sharedHandlers({ context, core, writer, format: streamFormatName, deltaKey: 'text', contentFields, encode, start }),
    'run-end'(event) {
      if (!core.isRoot(event)) return carry(event);
      core.closeOpenBlocks(event);
      emit({ totalUsage: writeUsage(event.usage), ...core.fields(event), type: 'finish', finishReason: finishReasonOf(event.finishReason) }, event);
      core.closeMessage();
    },
    'run-error'(event) {
      if (!core.isRoot(event)) return carry(event);
      core.cutOpenBlocks();
      if (event.error.type !== undefined) {
        context.report({
          code: 'dropped',
          level: 'info',
          eventType: 'run-error',
          runId: event.runId,
          message: `the error type "${event.error.type}" was left out: the error part holds the message, which toUIMessageStream shows as it is`,
        });
      }
      emit({ error: event.error.message, ...core.fields(event), type: 'error' }, event);
      core.settle();
    },
    'run-resume'(event) {
      const fields = core.fields(event);
      if (fields.type === 'tool-approval-response') return emit({ ...fields, type: 'tool-approval-response' }, event);
      carry(event);
    },
    'step-end'(event) {
      // A step end that closes nothing still says usage (a run that did not complete keeps it on one).
      core.endStep();
      stepsUsage = addUsage(stepsUsage, event.usage);
      core.closeOpenBlocks(event);
      const fields = { usage: writeUsage(event.usage), finishReason: finishReasonOf(event.finishReason), ...core.fields(event) };
      emit({ ...fields, type: 'finish-step' }, event);
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
      inputOpen.add(event.toolCallId);
      emit({ ...toolFields(event), type: 'tool-input-start', id: event.toolCallId, toolName: event.toolName }, event);
    },
    'tool-input-delta'(event) {
      emit({ ...core.fields(event), type: 'tool-input-delta', id: event.toolCallId, delta: event.delta }, event);
    },
    'tool-call'(event) {
      toolInputEnd(event);
      core.toolParts.add(event.toolCallId);
      emit(toolCallPart(event), event);
    },
    'tool-result'(event) {
      toolInputEnd(event);
      core.ensureToolPart(event);
      emit(
        { input: trackedInput(event.toolCallId), ...toolFields(event), type: 'tool-result', toolCallId: event.toolCallId, toolName: event.toolName ?? '', output: event.output },
        event,
      );
    },
    'tool-error'(event) {
      toolInputEnd(event);
      core.ensureToolPart(event);
      const fields = core.fields(event);
      if (fields.type === 'tool-output-denied' || event.error === deniedText) {
        return emit({ ...fields, type: 'tool-output-denied', toolCallId: event.toolCallId, toolName: event.toolName ?? '' }, event);
      }
      emit(
        { input: trackedInput(event.toolCallId), ...toolFields(event), type: 'tool-error', toolCallId: event.toolCallId, toolName: event.toolName ?? '', error: event.error },
        event,
      );
    },
    message(event) {
      if (explodeInto(event, context, encode)) return;
      const fields = core.fields(event);
      if (fields.type === 'steering-message') return emit({ ...fields, type: 'steering-message', id: event.message.id ?? context.mint('message') }, event);
      // Input and system messages stay on the server.
      core.drop(event);
    },
    file(event) {
      const fields = contentFields(event);
      const type = fields.type === 'reasoning-file' ? 'reasoning-file' : 'file';
      const own = (fields.file as Part | undefined) ?? {};
      const key = fields.fileKey === 'base64Data' ? 'base64Data' : 'base64';
      delete fields.file;
      delete fields.fileKey;
      emit({ ...fields, type, file: { ...own, [key]: event.data ?? '', mediaType: event.mediaType } }, event);
    },
    source(event) {
      const fields = contentFields(event);
      const sourceType = event.url === undefined || fields.sourceType === 'document' ? 'document' : 'url';
      const document = sourceType === 'document' ? { mediaType: 'text/plain', title: event.title ?? '' } : {};
      emit(
        {
          sourceType,
          ...document,
          ...fields,
          type: 'source',
          id: event.id ?? context.mint('source'),
          ...(event.url === undefined ? {} : { url: event.url }),
          ...(event.title === undefined ? {} : { title: event.title }),
        },
        event,
      );
    },
    data(event) {
      const fields = contentFields(event);
      if (fields.type === 'custom') return emit({ ...fields, type: 'custom', kind: event.name }, event);
      core.drop(event);
    },
  };

  function encode(event: CanonicalEvent): void {
    encodeWith(core, handlers, event);
  }

  return recordEncoder(core, encode, (toolCallIds) => {
    for (const toolCallId of toolCallIds) inputOpen.delete(toolCallId);
  });
}
