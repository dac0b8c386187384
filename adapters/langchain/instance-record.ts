import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { holdsEscapeKeys, holdsObject } from './schema.js';

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

/**
 * The constructor JSON of an `AIMessageChunk` instance, read off its fields as `toJSON` does
 * (each `lc_kwargs` key, its value from the instance), with the keys `JSON.stringify` drops left
 * out. The values are the instance's own, not copies: every streamed token would otherwise pay
 * `toJSON` and a JSON round trip, more than the rest of its conversion. Anything this shortcut
 * would write differently (other classes, keys `toJSON` renames, values it escapes) takes the
 * JSON round trip.
 */
function chunkRecordOf(instance: MessageInstance): unknown {
  const id = instance.lc_id;
  if (id.at(-1) !== 'AIMessageChunk') return asJson(instance);
  const own = instance as unknown as Record<string, unknown>;
  const kwargs: Record<string, unknown> = {};
  for (const key in instance.lc_kwargs) {
    if (renamedInKey.test(key)) return asJson(instance);
    const value = key in own ? own[key] : instance.lc_kwargs[key];
    if (value !== undefined) kwargs[key] = value;
  }
  return holdsEscapeKeys(kwargs) ? asJson(instance) : { lc: 1, type: 'constructor', id, kwargs };
}

/**
 * A record as the LangChain decoder reads it: `@langchain/core` message instances (and
 * streamEvents records holding them) as their JSON, `AIMessageChunk`s read by their fields.
 * JSON records are returned as they are.
 */
export function recordOf(record: unknown): unknown {
  if (isMessageInstance(record)) return chunkRecordOf(record);
  if (!isRecord(record) || !isRecord(record.data)) return record;
  const { chunk } = record.data;
  if (record.event === 'on_chat_model_stream' && isMessageInstance(chunk)) return { ...record, data: { ...record.data, chunk: chunkRecordOf(chunk) } };
  // streamEvents inputs and outputs hold messages at any depth.
  return holdsObject(record.data, isMessageInstance) ? asJson(record) : record;
}
