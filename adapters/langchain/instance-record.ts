import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { maxNestingDepth } from '../../src/pipeline/nesting.js';
import { type MessageRecord, escapesObject, holdsEscapeKeys, holdsObject } from './schema.js';

/** What the decoder reads of a `@langchain/core` message instance (a `Serializable`). */
interface MessageInstance {
  lc_serializable: true;
  lc_kwargs: Record<string, unknown>;
  readonly lc_id: string[];
}

export function isMessageInstance(value: unknown): value is MessageInstance {
  return isRecord(value) && value.lc_serializable === true && isRecord(value.lc_kwargs);
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** What `Serializable.toJSON` renames in a key (`snakeCase`: capitals, separators, runs of underscores). */
const renamedInKey = /[^a-z0-9_]|__/;

/**
 * Whether an object has a `toJSON` (a Date, a nested message): `toJSON` of a message copies it
 * key by key (a Date becomes `{}`) or keeps it for `JSON.stringify`, which this reading would not
 * tell apart.
 */
const hasOwnToJson = (object: Record<string, unknown>): boolean => typeof object.toJSON === 'function';

/** Whether `toJSON` writes an object other than as it stands: it escapes it, or the object has a `toJSON` of its own. */
const readsOtherwise = (object: Record<string, unknown>): boolean => escapesObject(object) || hasOwnToJson(object);

/** The fields of a message instance, and of its `lc_kwargs`, by name. */
type Fields = Record<string, unknown>;

/**
 * The kwargs `toJSON` writes (each `lc_kwargs` key, its value from the instance); undefined when
 * it would rename a key, escape a value or copy an object with a `toJSON` of its own. The keys an `AIMessageChunk` is built with, which `toJSON` writes as they
 * are, each have their own named read and store: one `own[key]` read and `kwargs[key]` store for
 * every key would see many names at one site, which V8 then looks up the slow way (about ten times
 * what the rest of reading a chunk costs).
 */
function kwargsOf(instance: MessageInstance): Fields | undefined {
  const own = instance as unknown as Fields;
  const given = instance.lc_kwargs;
  const kwargs: Fields = {};
  let field: unknown;
  let unusual = false;
  for (const key in given) {
    switch (key) {
      case 'id':
        field = 'id' in own ? own.id : given.id;
        if (field !== undefined) kwargs.id = field;
        break;
      case 'name':
        field = 'name' in own ? own.name : given.name;
        if (field !== undefined) kwargs.name = field;
        break;
      case 'content':
        field = 'content' in own ? own.content : given.content;
        if (field !== undefined) kwargs.content = field;
        break;
      case 'tool_calls':
        field = 'tool_calls' in own ? own.tool_calls : given.tool_calls;
        if (field !== undefined) kwargs.tool_calls = field;
        break;
      case 'invalid_tool_calls':
        field = 'invalid_tool_calls' in own ? own.invalid_tool_calls : given.invalid_tool_calls;
        if (field !== undefined) kwargs.invalid_tool_calls = field;
        break;
      case 'tool_call_chunks':
        field = 'tool_call_chunks' in own ? own.tool_call_chunks : given.tool_call_chunks;
        if (field !== undefined) kwargs.tool_call_chunks = field;
        break;
      case 'usage_metadata':
        field = 'usage_metadata' in own ? own.usage_metadata : given.usage_metadata;
        if (field !== undefined) kwargs.usage_metadata = field;
        break;
      case 'additional_kwargs':
        field = 'additional_kwargs' in own ? own.additional_kwargs : given.additional_kwargs;
        if (field !== undefined) kwargs.additional_kwargs = field;
        break;
      case 'response_metadata':
        field = 'response_metadata' in own ? own.response_metadata : given.response_metadata;
        if (field !== undefined) kwargs.response_metadata = field;
        break;
      default:
        if (renamedInKey.test(key)) return undefined;
        field = key in own ? own[key] : given[key];
        if (field !== undefined) kwargs[key] = field;
        unusual = true;
    }
    if (typeof field === 'object' && field !== null && holdsObject(field, readsOtherwise)) return undefined;
  }
  // Another key could make the kwargs themselves look like what toJSON escapes.
  return unusual && holdsEscapeKeys(kwargs) ? undefined : kwargs;
}

/** The constructor JSON `toJSON` gives for a message instance. */
interface ConstructorRecord {
  lc: 1;
  type: 'constructor';
  id: string[];
  kwargs: Record<string, unknown>;
}

/**
 * The `@langchain/core` message classes whose `toJSON` is its first step alone (each `lc_kwargs`
 * key, its value from the instance: no aliases that rename, attributes or secrets), as of
 * `@langchain/core` 1.x. A class of another name (a subclass of the user's) takes `toJSON`.
 */
const plainMessageClasses = new Set(['AIMessage', 'AIMessageChunk', 'HumanMessage', 'HumanMessageChunk', 'SystemMessage', 'SystemMessageChunk', 'ToolMessage', 'ToolMessageChunk']);

/** The constructor JSON of a message instance read off its fields, when its class is `className` or one `accepts`. */
function constructorRecordOf(value: unknown, accepts: (className: string | undefined) => boolean): ConstructorRecord | undefined {
  if (!isMessageInstance(value)) return undefined;
  const id = value.lc_id;
  if (!accepts(id[id.length - 1])) return undefined;
  const kwargs = kwargsOf(value);
  return kwargs === undefined ? undefined : { lc: 1, type: 'constructor', id, kwargs };
}

const isChunkClass = (className: string | undefined): boolean => className === 'AIMessageChunk';
const isPlainMessageClass = (className: string | undefined): boolean => className !== undefined && plainMessageClasses.has(className);

/** An `AIMessageChunk` instance read as the decoder reads its constructor JSON. */
export interface InstanceChunk {
  /** The constructor JSON the instance stands for (what a handler is given as the record). */
  record: ConstructorRecord;
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
  const record = constructorRecordOf(value, isChunkClass);
  // The key order of what readMessageRecord gives for the same JSON: handlers see equal records.
  return record === undefined ? undefined : { record, message: { kind: 'ai', chunk: true, form: { form: 'constructor', id: record.id }, fields: record.kwargs } };
}

/**
 * `value` with each message instance in it (at any depth of its arrays and plain objects) given as
 * its constructor JSON where {@link constructorRecordOf} reads it, for `JSON.stringify`: the same
 * text as the instances would give through `toJSON`, without `toJSON`'s copies, alias lookups
 * along the prototype chain and key conversions. Only the plain objects and arrays on the way to
 * an instance are copied; any other object is left to `JSON.stringify`.
 */
/** An object `JSON.stringify` writes by its own keys, which a spread copies alike (not a Date, a Map or a boxed string). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof value.toJSON !== 'function';
}

function withMessageRecords(value: unknown, limit = maxNestingDepth): unknown {
  if (isMessageInstance(value)) return constructorRecordOf(value, isPlainMessageClass) ?? value;
  // Deeper down (or round a cycle) JSON.stringify writes the instances through their toJSON.
  if (limit === 0) return value;
  if (Array.isArray(value)) {
    if (!holdsObject(value, isMessageInstance)) return value;
    return value.map((item: unknown) => withMessageRecords(item, limit - 1));
  }
  if (!isPlainObject(value) || !holdsObject(value, isMessageInstance)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const key in copy) copy[key] = withMessageRecords(copy[key], limit - 1);
  return copy;
}

/**
 * A record as the LangChain decoder reads it when {@link instanceChunkOf} did not: `@langchain/core`
 * message instances (and streamEvents records holding them) as their JSON, streamEvents chunks
 * that are plain `AIMessageChunk`s read by their fields. JSON records are returned as they are.
 */
export function recordOf(record: unknown): unknown {
  if (isMessageInstance(record)) return asJson(withMessageRecords(record));
  if (!isRecord(record) || !isRecord(record.data)) return record;
  const { chunk } = record.data;
  if (record.event === 'on_chat_model_stream' && isMessageInstance(chunk)) {
    return { ...record, data: { ...record.data, chunk: instanceChunkOf(chunk)?.record ?? asJson(chunk) } };
  }
  // streamEvents inputs and outputs hold messages at any depth.
  return holdsObject(record.data, isMessageInstance) ? asJson(withMessageRecords(record)) : record;
}
