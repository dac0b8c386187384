export * from './model/index.js';
export type {
  AdapterContext,
  AnyFormat,
  Decoder,
  Detection,
  Encoder,
  FormatDefinition,
  LossDeclaration,
  SseFrame,
} from './pipeline/format.js';
export { defineFormat } from './pipeline/format.js';
export {
  createSnapshotEncoder,
  createTextStream,
  isRecord,
  reportForeignRaw,
  residual,
  type ContentMode,
  type TextStream,
} from './pipeline/adapter-kit.js';
export { applyJsonPatch, asJsonPatch, diffJson, sameJson, type JsonPatch } from './pipeline/json-patch.js';
export {
  createConverter,
  createDecoder,
  createEncoder,
  type CanonicalDecoder,
  type CanonicalEncoder,
  type ConversionStats,
  type Converter,
  type ConverterOptions,
  type DecoderOptions,
  type EncoderOptions,
  type PipelineOptions,
  type RecordPosition,
} from './pipeline/converter.js';
export { convert, createConvertStream, type ConvertOptions, type ConvertResult, type ConvertedIterable } from './pipeline/convert.js';
export { getFormat, listFormats, registerFormat } from './registry.js';
export * from './framing/index.js';
export { detectRecord, rankFormats, type RecordDetection } from './detect.js';
