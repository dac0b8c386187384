// The public API: converting, the formats, detection, framing, and the canonical model.
// The kit for writing a format of your own is `agent-event-bridge/internal` (src/internal.ts).
export { canonicalVersion, type CanonicalVersion } from './model/version.js';
export { addUsage, usageSchema, type Usage } from './model/usage.js';
export { issueSchema } from './model/issue-schema.js';
export {
  ConversionError,
  describeIssue,
  issueCodes,
  issueLevels,
  type Issue,
  type IssueCode,
  type IssueInput,
  type IssueLevel,
} from './model/issue.js';
export {
  actorSchema,
  citationSchema,
  errorInfoSchema,
  extSchema,
  messageSchema,
  partSchema,
  requirementSchema,
  resolutionSchema,
  runSchema,
  runStatusSchema,
  type Actor,
  type Citation,
  type ErrorInfo,
  type Ext,
  type Message,
  type Part,
  type PartOfType,
  type Requirement,
  type Resolution,
  type Run,
  type RunStatus,
} from './model/snapshot.js';
export {
  canonicalEventSchema,
  eventSchemas,
  eventTypes,
  type CanonicalEvent,
  type Envelope,
  type EventOfType,
  type EventType,
} from './model/event.js';
export { accumulate, createAccumulator, type Accumulator, type AccumulateOptions } from './model/accumulate.js';
export { explode, type ExplodeOptions } from './model/explode.js';
export { createVerifier, verify, type Verifier, type VerifierOptions } from './model/verify.js';
export type {
  AdapterContext,
  AnyFormat,
  AnyReader,
  AnyWriter,
  Decoder,
  Detection,
  Encoder,
  FormatDefinition,
  FormatDescription,
  FormatReader,
  FormatWriter,
  LossDeclaration,
  SseFrame,
} from './pipeline/format.js';
export { composeFormat, defineFormat, defineReader, defineWriter } from './pipeline/format.js';
export { convert, createConverter, createConvertStream, createDecoder, createEncoder, detectRecord } from './registered.js';
export {
  type CanonicalDecoder,
  type CanonicalEncoder,
  type ConversionStats,
  type Converter,
  type ConverterOptions,
  type DecodeOptionsFor,
  type DecoderOptions,
  type EncodeOptionsFor,
  type EncoderOptions,
  type FormatReference,
  type OpenRun,
  type PipelineOptions,
  type ReaderReference,
  type RecordPosition,
  type WriterReference,
} from './pipeline/converter.js';
export type { ConvertOptions, ConvertResult, ConvertStream, ConvertedIterable } from './pipeline/convert.js';
export {
  getFormat,
  listFormats,
  registerFormat,
  type DecodeOptionsOf,
  type EncodeOptionsOf,
  type FormatName,
  type FormatRegistry,
  type TargetOf,
} from './registry.js';
export type { ReadItem, RecordReader, RecordReaderOptions } from './framing/read-item.js';
export { createRecordReader, inputFramings, readAll, sniffFraming, type InputFraming } from './framing/record-reader.js';
export { createRecordWriter, outputFramings, type OutputFraming, type RecordWriter, type RecordWriterOptions } from './framing/record-writer.js';
export type { RecordDetection } from './detect.js';
