// `agent-event-bridge/internal`: the kit the built-in adapters are written with, for writing a
// format of your own (`defineFormat` + `registerFormat` from the root). No semver promise: these
// follow the built-in adapters' needs and may change in a minor release.
export { envelopeShape } from './model/event.js';
export { dispatch, type EventHandlers } from './model/dispatch.js';
export { explodeMessage, isStreamable } from './model/explode.js';
export {
  createShapedEncoder,
  createSnapshotEncoder,
  createTextStream,
  isRecord,
  reportForeignRaw,
  residual,
  shapeOfRun,
  type ContentMode,
  type OutputShape,
  type TextStream,
} from './pipeline/adapter-kit.js';
export { applyJsonPatch, asJsonPatch, diffJson, sameJson, type JsonPatch } from './pipeline/json-patch.js';
export { createConcatenatedJsonReader } from './framing/concatenated-json.js';
export { createJsonValueReader } from './framing/json-value.js';
export { createJsonlReader } from './framing/jsonl.js';
export { createSseReader } from './framing/sse.js';
export { maxNestingDepth } from './framing/read-item.js';
export { rankFormats } from './detect.js';
