import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type Detection, type RelayCarrier, composeFormat, defineReader, defineWriter } from '../../src/pipeline/format.js';
import { bridgeDataType, bridgeKey, relayDataType } from './metadata.js';
import { streamDecodeOptionsSchema, streamEncodeOptionsSchema, uiDecodeOptionsSchema, uiEncodeOptionsSchema } from './options.js';
import { type StreamDecodeOptions, createStreamDecoder } from './stream-decoder.js';
import { type StreamEncodeOptions, createStreamEncoder } from './stream-encoder.js';
import { type UiDecodeOptions, createUiDecoder } from './ui-decoder.js';
import { type UiEncodeOptions, createUiEncoder, fitsTarget } from './ui-encoder.js';

/** The groups and count a relaying record holds; undefined when the value is not a carrier. */
function relayCarrier(value: unknown): RelayCarrier | undefined {
  if (!isRecord(value) || !Array.isArray(value.groups) || typeof value.covers !== 'number') return undefined;
  const groups = value.groups.filter(isRecord).map((group) => ({ format: String(group.format), records: Array.isArray(group.records) ? group.records : [] }));
  return { groups, covers: value.covers };
}

/** Chunk types only UI message streams have. */
const uiOnlyTypes = new Set([
  'tool-input-available',
  'tool-input-error',
  'tool-output-available',
  'tool-output-error',
  'source-url',
  'source-document',
  'message-metadata',
  'reset-step',
]);

/** Types UI chunks share with stream parts: told apart by their fields, else a tie. */
/**
 * AI SDK chunks carry no run id; the parts of one block share its `id` (or `toolCallId`), so a
 * block's ambiguous `text-start` is settled by its `text-delta`, which only one format writes.
 */
function withBlockStream(detection: Detection | undefined, record: Record<string, unknown>): Detection | undefined {
  if (detection === undefined) return undefined;
  const block = typeof record.id === 'string' ? record.id : typeof record.toolCallId === 'string' ? record.toolCallId : undefined;
  const withStream = block === undefined ? detection : { ...detection, stream: `ai-sdk block ${block}` };
  if (record.type === 'start') return { ...withStream, boundary: 'open' };
  if (record.type === 'finish' || record.type === 'abort') return { ...withStream, boundary: 'close' };
  return withStream;
}

/** UI message streams exist since ai 5, so every UI chunk names that range. */
function detectUi(record: unknown): Detection | undefined {
  if (!isRecord(record)) return undefined;
  const detection = detectUiRecord(record);
  return withBlockStream(detection === undefined ? undefined : { version: '5-7', ...detection }, record);
}

function detectUiRecord(record: Record<string, unknown>): Detection | undefined {
  if (!isRecord(record) || typeof record.type !== 'string' || 'runId' in record) return undefined;
  const type = record.type;
  if (type === bridgeDataType || type === relayDataType) return { confidence: 1, version: '5-7' };
  if (uiOnlyTypes.has(type)) return { confidence: 0.95, version: '5-7' };
  if (type.startsWith('data-')) return { confidence: 0.9, version: '5-7' };
  if (type === 'text-delta' || type === 'reasoning-delta') return typeof record.delta === 'string' ? { confidence: 0.9, version: '5-7' } : undefined;
  // The full-stream part of this name carries the tool's name; the UI chunk only its call id.
  if (type === 'tool-output-denied') return typeof record.toolCallId === 'string' && !('toolName' in record) ? { confidence: 0.95 } : undefined;
  if (type === 'tool-approval-response') return typeof record.approvalId === 'string' && !('toolCall' in record) ? { confidence: 0.8 } : undefined;
  if (type.startsWith('tool-')) return typeof record.toolCallId === 'string' && !('toolCall' in record) && !('id' in record) ? { confidence: 0.7 } : undefined;
  if (type === 'error') return typeof record.errorText === 'string' ? { confidence: 0.95 } : undefined;
  if (type === 'file' || type === 'reasoning-file') return typeof record.url === 'string' ? { confidence: 0.9 } : undefined;
  if (type === 'start') return 'messageId' in record || 'messageMetadata' in record ? { confidence: 0.9 } : { confidence: 0.6 };
  if (type === 'finish') return 'totalUsage' in record || 'usage' in record ? undefined : { confidence: 0.9 };
  if (type === 'start-step') return 'request' in record || 'warnings' in record ? undefined : { confidence: 0.9 };
  if (type === 'finish-step') return 'usage' in record || 'response' in record ? undefined : { confidence: 0.9 };
  if (type === 'steering-message') return Array.isArray(record.parts) ? { confidence: 0.9 } : undefined;
  if (['text-start', 'text-end', 'reasoning-start', 'reasoning-end', 'abort', 'custom'].includes(type)) return { confidence: 0.6 };
  return undefined;
}

/**
 * Reads UI message streams (`from: aiSdkUiReader`): the decoder of {@link aiSdkUiFormat} without
 * its encoder, detection or documentation.
 */
export const aiSdkUiReader = /* @__PURE__ */ defineReader<UiDecodeOptions>({
  name: 'ai-sdk-ui',
  createDecoder: createUiDecoder,
  options: { decode: uiDecodeOptionsSchema },
  relay: { unwrap: (record) => (isRecord(record) && record.type === relayDataType ? relayCarrier(record.data) : undefined) },
});

/**
 * Writes UI message streams (`to: aiSdkUiWriter`): the encoder of {@link aiSdkUiFormat} without
 * its decoder, detection or documentation; what `toUIMessageStreamResponse` uses.
 */
export const aiSdkUiWriter = /* @__PURE__ */ defineWriter<UiEncodeOptions>({
  name: 'ai-sdk-ui',
  createEncoder: createUiEncoder,
  options: { encode: uiEncodeOptionsSchema },
  // A chunk read from a newer stream is written back as it is only for a client that has it.
  sourceFits: (record, options) => fitsTarget(record, options?.target ?? 'v7'),
  relay: { wrap: (carrier, records) => [{ type: relayDataType, transient: true, data: { groups: carrier.groups, covers: carrier.covers } }, ...records] },
  sseFrame: (record) => ({ data: JSON.stringify(record) }),
  sseDone: true,
  sseHeaders: {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-vercel-ai-ui-message-stream': 'v1',
    'x-accel-buffering': 'no',
  },
});

/** Vercel AI SDK `UIMessageChunk` streams: what `useChat` reads. */
export const aiSdkUiFormat = /* @__PURE__ */ composeFormat(aiSdkUiReader, aiSdkUiWriter, {
  title: 'Vercel AI SDK UI message stream (UIMessageChunk, the useChat wire format)',
  versions: { read: 'ai 5, 6, 7', write: 'ai 7 (target v5 / v6 on request)' },
  detect: detectUi,
  losses: [
    {
      what: 'activities, state, handoffs, reasoning steps, input and system messages, data named agent-event-bridge',
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'reported once per event type; relay carries their source records',
    },
    {
      what: "time, session, model, provider, run output, step usage, the message run's actor, other formats' ext",
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'not written (the adapter README lists what is: run id as messageId, members\' lineage, run usage, pauses); relay carries the source records',
    },
    {
      what: 'chunk types and fields newer than the target (approvals and denials for v5; custom, reasoning files, steering, approval responses, citations for v6)',
      direction: 'encode',
      code: 'approximated',
      level: 'warning',
      note: 'written as the nearest chunk the target has (a pause as a data-agent-event-bridge part that persists, one per run) or left out, and reported',
    },
    {
      what: 'fields newer than the target on a chunk it has (citations for v5 and v6; tool metadata, titles, provider metadata of tools for v5; approval reasons for v6)',
      direction: 'encode',
      code: 'dropped',
      level: 'warning',
      note: 'left out, once per chunk type and field (a v5 finish reason rides in the agent-event-bridge metadata)',
    },
    {
      what: 'text or reasoning still open at a step end or finish',
      direction: 'encode',
      code: 'invalid-sequence',
      level: 'info',
      note: 'closed first (clients before ai 7.0.79 reset open parts at finish-step); later deltas open a new block. Text an error or an abort cut is left open, never ended: useChat shows it streaming, as streamText leaves it',
    },
    { what: 'tool input deltas before their tool-input-start', direction: 'encode', code: 'dropped', level: 'warning' },
    {
      what: 'run ids of AI SDK streams without a messageId',
      direction: 'decode',
      code: 'minted',
      level: 'info',
      note: 'one run id per start chunk, from the conversion counter',
    },
    { what: 'reset-step', direction: 'decode', code: 'dropped', level: 'info', note: 'kept as a raw ai-sdk-ui record; other targets report it' },
  ],
});

/** Types only full-stream parts have (ai 5 – 7, and the ai 4 names). */
const streamOnlyTypes = new Set([
  'tool-input-end',
  'tool-result',
  'tool-error',
  'source',
  'ping',
  'raw',
  'step-finish',
  'tool-call-streaming-start',
  'tool-call-delta',
  'reasoning',
  'reasoning-signature',
  'redacted-reasoning',
]);

function detectStream(record: unknown): Detection | undefined {
  return isRecord(record) ? withBlockStream(detectStreamRecord(record), record) : undefined;
}

function detectStreamRecord(record: Record<string, unknown>): Detection | undefined {
  if (!isRecord(record) || typeof record.type !== 'string' || 'runId' in record) return undefined;
  const type = record.type;
  if ('textDelta' in record || 'argsTextDelta' in record || type === 'step-finish') return { confidence: 0.95, version: '4' };
  if (streamOnlyTypes.has(type)) return { confidence: 0.9, version: '5-7' };
  if (type === 'text-delta' || type === 'reasoning-delta') return typeof record.text === 'string' ? { confidence: 0.9, version: '5-7' } : undefined;
  if (type === 'tool-call') return 'input' in record || 'args' in record ? { confidence: 0.9 } : undefined;
  if (type === 'tool-output-denied') return typeof record.toolName === 'string' ? { confidence: 0.9, version: '5-7' } : undefined;
  // Stream tool-input parts name their call `id`; the UI chunks of the same name use `toolCallId`.
  if (type.startsWith('tool-input-')) return typeof record.id === 'string' ? { confidence: 0.9 } : undefined;
  if (type.startsWith('tool-')) return typeof record.id === 'string' || 'toolCall' in record ? { confidence: 0.9 } : typeof record.toolName === 'string' ? { confidence: 0.6 } : undefined;
  if (type === 'error') return 'error' in record ? { confidence: 0.9 } : undefined;
  if (type === 'file' || type === 'reasoning-file') return isRecord(record.file) ? { confidence: 0.9 } : undefined;
  // ai 5 – 7 always write totalUsage on finish (ai 4 wrote usage): without either it is a UI chunk.
  if (type === 'finish') return 'totalUsage' in record ? { confidence: 0.9, version: '5-7' } : 'usage' in record ? { confidence: 0.9, version: '4' } : undefined;
  // ai 5 – 7 always write request and warnings on start-step, response and usage on finish-step:
  // the bare forms are UI chunks.
  // ai 4 named them step-start and step-finish.
  if (type === 'start-step' || type === 'step-start') return 'request' in record || 'warnings' in record ? { confidence: 0.9, version: type === 'start-step' ? '5-7' : '4' } : undefined;
  if (type === 'finish-step') return 'usage' in record || 'response' in record ? { confidence: 0.9, version: '5-7' } : undefined;
  if (type === 'steering-message') return isRecord(record.message) ? { confidence: 0.9 } : undefined;
  if (['start', 'text-start', 'text-end', 'reasoning-start', 'reasoning-end', 'abort', 'custom'].includes(type)) return { confidence: 0.6 };
  return undefined;
}

/**
 * Reads full streams (`from: aiSdkStreamReader`): the decoder of {@link aiSdkStreamFormat}
 * without its encoder, detection or documentation.
 */
export const aiSdkStreamReader = /* @__PURE__ */ defineReader<StreamDecodeOptions>({
  name: 'ai-sdk-stream',
  createDecoder: createStreamDecoder,
  options: { decode: streamDecodeOptionsSchema },
  relay: {
    unwrap(record) {
      if (!isRecord(record) || record.type !== 'raw' || !isRecord(record.rawValue)) return undefined;
      const ours = record.rawValue[bridgeKey];
      return isRecord(ours) ? relayCarrier(ours.relay) : undefined;
    },
  },
});

/**
 * Writes full streams (`to: aiSdkStreamWriter`): the encoder of {@link aiSdkStreamFormat}
 * without its decoder, detection or documentation.
 */
export const aiSdkStreamWriter = /* @__PURE__ */ defineWriter<StreamEncodeOptions>({
  name: 'ai-sdk-stream',
  createEncoder: createStreamEncoder,
  options: { encode: streamEncodeOptionsSchema },
  relay: {
    wrap: (carrier, records) => [{ type: 'raw', rawValue: { [bridgeKey]: { relay: { groups: carrier.groups, covers: carrier.covers } } } }, ...records],
  },
});

/** Vercel AI SDK `TextStreamPart` streams (`streamText().stream`, `fullStream`) as JSON records. */
export const aiSdkStreamFormat = /* @__PURE__ */ composeFormat(aiSdkStreamReader, aiSdkStreamWriter, {
  title: 'Vercel AI SDK full stream (TextStreamPart of streamText().stream)',
  versions: { read: 'ai 4 (names), 5, 6, 7', write: 'ai 7' },
  detect: detectStream,
  losses: [
    {
      what: 'activities, state, handoffs, reasoning steps, input and system messages, data other than custom parts',
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'reported once per event type; relay carries their source records',
    },
    {
      what: "time, session, model, provider, run output, the message run's actor, other formats' ext",
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'not written (the adapter README lists what is: the run id in a raw part, members\' lineage, pauses); relay carries the source records',
    },
    {
      what: 'the type (error name) of a run error',
      direction: 'encode',
      code: 'dropped',
      level: 'info',
      note: 'the error part holds the message text, which toUIMessageStream shows as it is (a plain {name, message} object would reach the client as JSON text)',
    },
    {
      what: 'finish reasons outside the AI SDK set, absent usage',
      direction: 'encode',
      code: 'approximated',
      level: 'info',
      note: 'written as "other" and empty usage (required fields)',
    },
    {
      what: 'text or reasoning still open at a step end or finish',
      direction: 'encode',
      code: 'invalid-sequence',
      level: 'info',
      note: 'closed first; later deltas open a new block. Text an error or an abort cut is left open, never ended, as streamText leaves it',
    },
    {
      what: 'the totalUsage of a finish right after an error (streamText closes a failed run so)',
      direction: 'decode',
      code: 'dropped',
      level: 'info',
      note: 'the finish ends no run (the error did); a finish holding usage is kept as a raw ai-sdk-stream record, which other targets report',
    },
    { what: 'run ids of AI SDK streams (there are none)', direction: 'decode', code: 'minted', level: 'info' },
    {
      what: 'tool-input-end',
      direction: 'decode',
      code: 'approximated',
      level: 'info',
      note: 'no canonical event: the encoder writes it back before the tool-call (where streamText puts it)',
    },
    { what: 'ping, raw (rawChunks), ai 4 reasoning-signature / redacted-reasoning', direction: 'decode', code: 'dropped', level: 'info', note: 'kept as raw ai-sdk-stream records' },
  ],
});
