import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type MessageRecord, holdsEscapeKeys, holdsObject } from './schema.js';

/** What the decoder reads of a `@langchain/core` message instance (a `Serializable`). */
interface MessageInstance {
  lc_serializable: true;
  lc_kwargs: Record<string, unknown>;
  readonly lc_id: string[];
}

function isMessageInstance(value: unknown): value is MessageInstance {
  return isRecord(value) && value.lc_serializable === true && isRecord(value.lc_kwargs);
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** What `Serializable.toJSON` renames in a key (`snakeCase`: capitals, separators, runs of underscores). */
const renamedInKey = /[^a-z0-9_]|__/;

/** The keys an `AIMessageChunk` is built with, which `toJSON` writes as they are (no test per key and chunk). */
const plainChunkKeys = new Set([
  'id',
  'name',
  'content',
  'tool_calls',
  'invalid_tool_calls',
  'tool_call_chunks',
  'usage_metadata',
  'additional_kwargs',
  'response_metadata',
]);

/** The kwargs `toJSON` writes (each `lc_kwargs` key, its value from the instance); undefined when it would rename a key. */
function kwargsOf(instance: MessageInstance): Record<string, unknown> | undefined {
  const own = instance as unknown as Record<string, unknown>;
  const given = instance.lc_kwargs;
  const kwargs: Record<string, unknown> = {};
  for (const key in given) {
    if (!plainChunkKeys.has(key) && renamedInKey.test(key)) return undefined;
    const field = key in own ? own[key] : given[key];
    if (field !== undefined) kwargs[key] = field;
  }
  return kwargs;
}

/** An `AIMessageChunk` instance read as the decoder reads its constructor JSON. */
export interface InstanceChunk {
  /** The constructor JSON the instance stands for (what a handler is given as the record). */
  record: { lc: 1; type: 'constructor'; id: string[]; kwargs: Record<string, unknown> };
  message: MessageRecord;
}

/**
 * An `AIMessageChunk` instance read off its fields as `toJSON` writes it (each `lc_kwargs` key,
 * its value from the instance), with the keys `JSON.stringify` drops left out, straight into the
 * message record the decoder reads. The values are the instance's own, not copies: every
 * streamed token would otherwise pay `toJSON` and a JSON round trip, more than the rest of its
 * conversion. Undefined for anything this shortcut would read differently (other classes, keys
 * `toJSON` renames, values it escapes): those take the JSON round trip of {@link recordOf}.
 */
export function instanceChunkOf(value: unknown): InstanceChunk | undefined {
  if (!isMessageInstance(value)) return undefined;
  const id = value.lc_id;
  if (id[id.length - 1] !== 'AIMessageChunk') return undefined;
  const kwargs = kwargsOf(value);
  if (kwargs === undefined || holdsEscapeKeys(kwargs)) return undefined;
  // The key order of what readMessageRecord gives for the same JSON: handlers see equal records.
  return { record: { lc: 1, type: 'constructor', id, kwargs }, message: { kind: 'ai', chunk: true, form: { form: 'constructor', id }, fields: kwargs } };
}

/**
 * A record as the LangChain decoder reads it when {@link instanceChunkOf} did not: `@langchain/core`
 * message instances (and streamEvents records holding them) as their JSON, streamEvents chunks
 * that are plain `AIMessageChunk`s read by their fields. JSON records are returned as they are.
 */
export function recordOf(record: unknown): unknown {
  if (isMessageInstance(record)) return asJson(record);
  if (!isRecord(record) || !isRecord(record.data)) return record;
  const { chunk } = record.data;
  if (record.event === 'on_chat_model_stream' && isMessageInstance(chunk)) {
    return { ...record, data: { ...record.data, chunk: instanceChunkOf(chunk)?.record ?? asJson(chunk) } };
  }
  // streamEvents inputs and outputs hold messages at any depth.
  return holdsObject(record.data, isMessageInstance) ? asJson(record) : record;
}
