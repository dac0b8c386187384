import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { maxNestingDepth } from '../../src/pipeline/nesting.js';

/** The registered name of the format, and the key of its `ext`. */
export const formatName = 'langchain';

/** A LangChain message kind: the JS `.type` of the message class (`generic` is Python's `chat`). */
export type MessageKind = 'human' | 'ai' | 'system' | 'tool' | 'generic' | 'function' | 'remove';

/** The fields of one message as LangChain serializes them: constructor kwargs, `toDict().data`. */
export type MessageFields = Record<string, unknown>;

/**
 * How a message record was (or is to be) serialized, so a LangChain → LangChain conversion
 * writes back the form it read.
 */
export type MessageForm =
  /** `JSON.stringify(message)`: `{lc: 1, type: 'constructor', id: [...namespace, ClassName], kwargs}`. */
  | { form: 'constructor'; id: string[]; plain?: true }
  /** `toDict()` / `mapChatMessagesToStoredMessages` / Python `message_to_dict`: `{type, data}`. */
  | { form: 'stored'; type: string; plain?: true }
  /** An OpenAI-style dict `{role, content, tool_calls?, tool_call_id?, name?}`. */
  | { form: 'openai'; role: string }
  /** A `[type, content]` tuple. */
  | { form: 'tuple'; type: string }
  /** The deprecated `{type, content, ...fields}` message-like object. */
  | { form: 'typed'; type: string };

/** A message record read into its kind, its fields and its form. */
export interface MessageRecord {
  kind: MessageKind;
  /** Whether the record is a chunk class (`AIMessageChunk`, Python type `AIMessageChunk`). */
  chunk: boolean;
  fields: MessageFields;
  form: MessageForm;
}

/** The JS class name of each kind. */
export const classNames: Record<MessageKind, string> = {
  human: 'HumanMessage',
  ai: 'AIMessage',
  system: 'SystemMessage',
  tool: 'ToolMessage',
  generic: 'ChatMessage',
  function: 'FunctionMessage',
  remove: 'RemoveMessage',
};

const kindOfClass = new Map<string, MessageKind>(
  Object.entries(classNames).flatMap(([kind, name]) => [
    [name, kind as MessageKind],
    [`${name}Chunk`, kind as MessageKind],
  ]),
);

/** The stored `type` values: JS `getType()`, plus Python's `chat` and `*MessageChunk` types. */
const kindOfStoredType = new Map<string, MessageKind>([
  ['human', 'human'],
  ['ai', 'ai'],
  ['system', 'system'],
  ['tool', 'tool'],
  ['generic', 'generic'],
  ['chat', 'generic'],
  ['function', 'function'],
  ['remove', 'remove'],
  ...[...kindOfClass].filter(([name]) => name.endsWith('Chunk')),
]);

/** Roles of OpenAI-style dicts and tuples (`coerceMessageLikeToMessage`). */
const kindOfRole = new Map<string, MessageKind>([
  ['user', 'human'],
  ['human', 'human'],
  ['assistant', 'ai'],
  ['ai', 'ai'],
  ['system', 'system'],
  ['developer', 'system'],
  ['tool', 'tool'],
]);

/** The JS constructor id of a kind: `['langchain_core', 'messages', ClassName]`. */
export function constructorId(kind: MessageKind, chunk = false): string[] {
  return ['langchain_core', 'messages', `${classNames[kind]}${chunk ? 'Chunk' : ''}`];
}

function isContent(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value);
}

const escapedKey = '__lc_escaped__';

function isEscaped(value: Record<string, unknown>): boolean {
  // Asked of every object a scan meets: the key list is built only for the few that hold the key.
  if (!(escapedKey in value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === escapedKey;
}

/**
 * Copies fields with every object at any depth that `replace` gives a replacement for replaced
 * (the fields object itself is not offered).
 */
function replaceObjects(fields: MessageFields, replace: (value: Record<string, unknown>) => unknown): MessageFields {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (!isRecord(value)) return value;
    return replace(value) ?? Object.fromEntries(Object.entries(value).map(([key, field]) => [key, copy(field)]));
  };
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, copy(field)]));
}

/**
 * Wraps every object value with an `lc` key as `{__lc_escaped__: value}`, as `Serializable.toJSON`
 * does (@langchain/core 1.x), so `load` does not take user data for a serialized object.
 */
export const escapeFields = (fields: MessageFields): MessageFields =>
  replaceObjects(fields, (value) => (escapesObject(value) ? { [escapedKey]: value } : undefined));

/** Undoes {@link escapeFields}: escaped values come back as they were. */
export const unescapeFields = (fields: MessageFields): MessageFields => replaceObjects(fields, (value) => (isEscaped(value) ? value[escapedKey] : undefined));

/**
 * Whether a value holds, at any depth (itself included), an object that `test` accepts. Past
 * `limit` levels (a reference cycle nests without end) it cannot tell and says it does, so that
 * callers take their careful route: `toJSON` and `JSON.stringify`, which bound their own walks.
 */
export function holdsObject(value: unknown, test: (value: Record<string, unknown>) => boolean, limit = maxNestingDepth): boolean {
  if (Array.isArray(value)) {
    if (limit === 0) return true;
    for (const item of value) if (holdsObject(item, test, limit - 1)) return true;
    return false;
  }
  if (!isRecord(value)) return false;
  if (test(value)) return true;
  if (limit === 0) return true;
  for (const key in value) if (holdsObject(value[key], test, limit - 1)) return true;
  return false;
}

/** Whether `toJSON` escapes an object: it has an `lc` key, or it looks escaped already. */
export const escapesObject = (object: Record<string, unknown>): boolean => 'lc' in object || isEscaped(object);

/** Whether a value holds, at any depth, an object with an `lc` key or an escaped value (which `toJSON` escapes). */
export const holdsEscapeKeys = (value: unknown): boolean => holdsObject(value, escapesObject);

/** Whether a form escapes `lc` keys: JS constructor JSON and `toDict`; Python's `model_dump` (with `data.type`) does not. */
function escapes(form: MessageForm, fields: MessageFields): boolean {
  if ((form.form === 'constructor' || form.form === 'stored') && form.plain === true) return false;
  return form.form === 'constructor' || (form.form === 'stored' && fields.type === undefined);
}

/**
 * Unescapes the fields of a form that escapes; fields that LangChain would have escaped
 * differently are kept as they are, and the form remembers not to escape them.
 */
function readEscaped(kind: MessageKind, chunk: boolean, form: MessageForm, raw: MessageFields): MessageRecord {
  // Without an `lc` or escaped key anywhere, escaping and unescaping are both the identity:
  // one read-only scan spares the two copies and the comparison (nearly every real record).
  if (!escapes(form, raw) || !holdsEscapeKeys(raw)) return { kind, chunk, form, fields: raw };
  const fields = unescapeFields(raw);
  return JSON.stringify(escapeFields(fields)) === JSON.stringify(raw) ? { kind, chunk, form, fields } : { kind, chunk, form: { ...form, plain: true } as MessageForm, fields: raw };
}

function allStrings(values: readonly unknown[]): boolean {
  for (const value of values) if (typeof value !== 'string') return false;
  return true;
}

/**
 * Reads one record in any serialized message form, or returns undefined when it is none.
 * Fields are the record's own objects, not copies.
 */
export function readMessageRecord(record: unknown): MessageRecord | undefined {
  if (Array.isArray(record)) {
    const [type, content] = record as unknown[];
    const kind = typeof type === 'string' ? kindOfRole.get(type) : undefined;
    if (record.length !== 2 || kind === undefined || kind === 'tool' || !isContent(content)) return undefined;
    return { kind, chunk: false, fields: { content }, form: { form: 'tuple', type: type as string } };
  }
  if (!isRecord(record)) return undefined;
  if (record.lc === 1 && record.type === 'constructor' && Array.isArray(record.id) && isRecord(record.kwargs)) {
    const id = record.id as unknown[];
    const name = id[id.length - 1];
    const kind = typeof name === 'string' ? kindOfClass.get(name) : undefined;
    if (kind === undefined || !allStrings(id)) return undefined;
    return readEscaped(kind, (name as string).endsWith('Chunk'), { form: 'constructor', id: id as string[] }, record.kwargs);
  }
  if (typeof record.type === 'string' && isRecord(record.data) && Object.keys(record).length === 2) {
    const kind = kindOfStoredType.get(record.type);
    if (kind === undefined) return undefined;
    return readEscaped(kind, record.type.endsWith('Chunk'), { form: 'stored', type: record.type }, record.data);
  }
  // OpenAI assistant messages with tool calls have `content: null`.
  if (typeof record.role === 'string' && (isContent(record.content) || record.content === null) && !('type' in record)) {
    const kind = kindOfRole.get(record.role);
    if (kind === undefined) return undefined;
    const { role: _role, ...fields } = record;
    return { kind, chunk: false, fields, form: { form: 'openai', role: record.role } };
  }
  if (typeof record.type === 'string' && isContent(record.content) && !('role' in record)) {
    const kind = kindOfRole.get(record.type);
    if (kind === undefined) return undefined;
    const { type: _type, ...fields } = record;
    return { kind, chunk: false, fields, form: { form: 'typed', type: record.type } };
  }
  return undefined;
}

/** Writes fields back in a form, escaped as the form is. */
export function writeMessageRecord(unescaped: MessageFields, form: MessageForm): unknown {
  // Escaping copies every value: fields with nothing to escape (nearly all) are written as they are.
  const fields = escapes(form, unescaped) && holdsEscapeKeys(unescaped) ? escapeFields(unescaped) : unescaped;
  switch (form.form) {
    case 'constructor':
      return { lc: 1, type: 'constructor', id: form.id, kwargs: fields };
    case 'stored':
      // Python's message_to_dict names the message by its `type` field (`AIMessageChunk`, `chat` …),
      // which messages_from_dict checks against the class; JavaScript's toDict data has no `type`.
      return { type: typeof fields.type === 'string' ? fields.type : form.type, data: fields };
    case 'openai':
      return { role: form.role, ...fields };
    case 'tuple':
      return [form.type, fields.content];
    case 'typed':
      return { type: form.type, ...fields };
  }
}

/** Whether a record is a `streamEvents` v2 event (`{event: 'on_…', run_id, data}`). */
export function isStreamEventRecord(record: unknown): record is StreamEventRecord {
  return isRecord(record) && typeof record.event === 'string' && record.event.startsWith('on_') && typeof record.run_id === 'string';
}

/** One `streamEvents({version: 'v2'})` record as JSON. */
export interface StreamEventRecord {
  event: string;
  name?: string;
  run_id: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  data?: { input?: unknown; output?: unknown; chunk?: unknown; error?: unknown };
}

/** The key in `response_metadata` under which written messages keep their run lineage. */
export const lineageKey = 'agent_event_bridge';
