export { createConcatenatedJsonReader } from './concatenated-json.js';
export { createJsonValueReader } from './json-value.js';
export { createJsonlReader } from './jsonl.js';
export { maxNestingDepth, type ReadItem, type RecordReader } from './read-item.js';
export { createRecordReader, inputFramings, readAll, sniffFraming, type InputFraming } from './record-reader.js';
export { createRecordWriter, outputFramings, type OutputFraming, type RecordWriter } from './record-writer.js';
export { createSseReader } from './sse.js';
