// The root entry's converting functions: the pipeline's own, with names and `auto` resolving
// among every registered format. The pipeline itself knows only the formats it is given, so that
// `agent-event-bridge/ai-sdk` and the adapter subpaths bundle only the formats a program uses.
import { choose, rankFormats, type RecordDetection } from './detect.js';
import * as pipeline from './pipeline/convert.js';
import type { ConvertOptions } from './pipeline/convert.js';
import * as core from './pipeline/converter.js';
import type {
  CanonicalDecoder,
  CanonicalEncoder,
  Converter,
  ConverterOptions,
  DecoderOptions,
  EncoderOptions,
  ReaderReference,
  WriterReference,
  PipelineOptions,
} from './pipeline/converter.js';
import { listFormats } from './registry.js';
import { carryingAutoReading } from './pipeline/format.js';
import { carryingRootFollowUps } from './pipeline/root-options.js';
import { watchEdits } from './pipeline/source.js';
import type { CanonicalEvent } from './model/event.js';

/**
 * The options with `formats` defaulting to every registered format, carrying the `auto` reading
 * (formats written as plain objects carry none of their own) and what the converter core
 * follows for them only (what `relay` leaves behind, events handed to the caller).
 */
function registered<Options extends PipelineOptions>(options: Options): Options {
  return carryingRootFollowUps(carryingAutoReading(options.formats === undefined ? { ...options, formats: listFormats() } : { ...options }));
}

/**
 * Creates the synchronous converter every surface wraps: decode each record, encode each event.
 * `from` and `to` take registered format names (`from: 'agno'`) or formats.
 * @throws ConversionError for unknown format names.
 */
export function createConverter<From extends ReaderReference | 'auto' = 'auto', To extends WriterReference = WriterReference>(
  options: ConverterOptions<From, To>,
): Converter {
  return core.createConverter(registered(options));
}

/**
 * Creates a decoder from a registered format (or `auto`: every registered format) to canonical events.
 * @throws ConversionError for an unknown format name.
 */
export function createDecoder<From extends ReaderReference | 'auto' = 'auto'>(options: DecoderOptions<From> = {}): CanonicalDecoder {
  const decoder = core.createDecoder(registered(options));
  // Its events reach the caller as objects, who may edit them before an encoder meets them.
  const watched = (events: CanonicalEvent[]): CanonicalEvent[] => {
    for (const event of events) watchEdits(event);
    return events;
  };
  return {
    push: (record, position) => watched(decoder.push(record, position)),
    flush: () => watched(decoder.flush()),
    openRuns: () => decoder.openRuns(),
    get issues() {
      return decoder.issues;
    },
    get stats() {
      return decoder.stats;
    },
  };
}

/**
 * Creates an encoder from canonical events to a registered format. A `raw` event of the
 * same format is written back verbatim; the adapter decides (and reports) for others.
 * @throws ConversionError for an unknown format name.
 */
export function createEncoder<To extends WriterReference>(options: EncoderOptions<To>): CanonicalEncoder {
  return core.createEncoder(registered(options));
}

/**
 * Converts records from one format to another through the canonical model.
 * An array converts synchronously; an async iterable or a `ReadableStream` converts lazily,
 * record by record, and keeps the consumer's pace.
 * @param input parsed records (objects), not text: see `framing` to read JSONL or SSE.
 */
export const convert: typeof pipeline.convert = ((input: readonly unknown[], options: ConvertOptions) =>
  pipeline.convert(input, registered(options))) as typeof pipeline.convert;

/**
 * A readable/writable pair that converts parsed records from one format to another; use it with
 * `pipeThrough` like a `TransformStream` (see `ConvertStream` for what a failing source gives).
 */
export const createConvertStream: typeof pipeline.createConvertStream = ((options: ConvertOptions) =>
  pipeline.createConvertStream(registered(options))) as typeof pipeline.createConvertStream;

/**
 * Picks the registered format of one record on its own fields, near-ties going to the format of
 * the neighbouring record. Streams settle ambiguous records better: `createDecoder({from: 'auto'})`
 * also waits for the decisive records of the same run.
 * @param previous the format of the neighbouring record, which wins ties.
 */
export function detectRecord(record: unknown, previous?: string): RecordDetection | undefined {
  return choose(rankFormats(record, listFormats()), previous);
}
