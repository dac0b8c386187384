import * as z from 'zod/mini';

/** The `EventType` values of the unified `Event` (langchain_adk 0.3.3 – 0.3.14, orxhestra). */
export const runnerEventTypes = ['user_message', 'agent_message', 'tool_response', 'agent_start', 'agent_end'] as const;

/** One of {@link runnerEventTypes}. */
export type RunnerEventType = (typeof runnerEventTypes)[number];

/** The `type` values only the typed event classes of langchain_adk 0.1 – 0.3.2 had. */
export const legacyEventTypes = ['thought', 'action', 'observation', 'final_answer', 'tool_call', 'tool_result', 'error'] as const;

/** One of {@link legacyEventTypes}. */
export type LegacyEventType = (typeof legacyEventTypes)[number];

const metadata = { metadata: z.optional(z.record(z.string(), z.unknown())) };

/** `TextPart`. */
export const textPartSchema = z.looseObject({ type: z.optional(z.literal('text')), text: z.string(), ...metadata });

/** `DataPart`: structured output; `data` must be a dict. */
export const dataPartSchema = z.looseObject({ type: z.optional(z.literal('data')), data: z.record(z.string(), z.unknown()), ...metadata });

/** `FilePart`; the library never creates one, the model allows it. */
export const filePartSchema = z.looseObject({
  type: z.literal('file'),
  uri: z.optional(z.nullable(z.string())),
  inline_bytes: z.optional(z.nullable(z.string())),
  mime_type: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
  ...metadata,
});

/** `ToolCallPart`: one tool call request. */
export const toolCallPartSchema = z.looseObject({
  type: z.optional(z.literal('tool_call')),
  tool_call_id: z.string(),
  tool_name: z.string(),
  args: z.optional(z.record(z.string(), z.unknown())),
  ...metadata,
});

/** `ToolResponsePart`: a tool's result, always a string, and its error. */
export const toolResponsePartSchema = z.looseObject({
  type: z.optional(z.literal('tool_response')),
  tool_call_id: z.string(),
  tool_name: z.string(),
  result: z.optional(z.string()),
  error: z.optional(z.nullable(z.string())),
  ...metadata,
});

/** orxhestra's `ThinkingPart` (after the rename; langchain_adk cannot parse it). */
export const thinkingPartSchema = z.looseObject({ type: z.literal('thinking'), thinking: z.string(), ...metadata });

/** The schema of each part type, by the type `partType` tells. */
export const partSchemas: Record<string, z.ZodMiniType> = {
  text: textPartSchema,
  data: dataPartSchema,
  file: filePartSchema,
  tool_call: toolCallPartSchema,
  tool_response: toolResponsePartSchema,
  thinking: thinkingPartSchema,
};

/** The envelope every Runner record has, current and legacy; checked at the boundary. */
export const runnerEnvelopeSchema = z.looseObject({
  id: z.optional(z.string()),
  type: z.string(),
  timestamp: z.optional(z.number()),
  invocation_id: z.optional(z.string()),
  session_id: z.optional(z.nullable(z.string())),
  author: z.optional(z.string()),
  agent_name: z.optional(z.nullable(z.string())),
  branch: z.optional(z.string()),
  partial: z.optional(z.nullable(z.boolean())),
  turn_complete: z.optional(z.boolean()),
  content: z.optional(z.unknown()),
  actions: z.optional(z.unknown()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  llm_response: z.optional(z.unknown()),
});

/*
 * Hand-written checks equal to the schemas above, for the hot path: zod's looseObject copies
 * every key of what it checks, which costs more than the record's JSON.parse. The schemas stay
 * the definition; what these refuse goes through them to be described (a property test holds
 * the two equal).
 */

type Check = (value: unknown) => boolean;

const absent = (value: unknown): boolean => value === undefined;
const isString: Check = (value) => typeof value === 'string';
/** What `z.record(z.string(), z.unknown())` takes: a plain object. */
const isPlainRecord: Check = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};
const optional =
  (check: Check): Check =>
  (value) =>
    absent(value) || check(value);
const nullish =
  (check: Check): Check =>
  (value) =>
    value === undefined || value === null || check(value);
const literal =
  (expected: string): Check =>
  (value) =>
    value === expected;

/** Whether `value` is a plain object whose listed keys pass their checks (other keys are free). */
function fitsShape(value: unknown, shape: Record<string, Check>): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key in shape) if (!(shape[key] as Check)(record[key])) return false;
  return true;
}

const metadataCheck = { metadata: optional(isPlainRecord) };

/** The shapes of {@link partSchemas}, by part type. */
const partShapes: Record<string, Record<string, Check>> = {
  text: { type: optional(literal('text')), text: isString, ...metadataCheck },
  data: { type: optional(literal('data')), data: isPlainRecord, ...metadataCheck },
  file: { type: literal('file'), uri: nullish(isString), inline_bytes: nullish(isString), mime_type: nullish(isString), name: nullish(isString), ...metadataCheck },
  tool_call: { type: optional(literal('tool_call')), tool_call_id: isString, tool_name: isString, args: optional(isPlainRecord), ...metadataCheck },
  tool_response: {
    type: optional(literal('tool_response')),
    tool_call_id: isString,
    tool_name: isString,
    result: optional(isString),
    error: nullish(isString),
    ...metadataCheck,
  },
  thinking: { type: literal('thinking'), thinking: isString, ...metadataCheck },
};

/** Whether `part` passes the schema of its type in {@link partSchemas} (false for a type it has none for). */
export function fitsPart(type: string, part: unknown): boolean {
  const shape = Object.hasOwn(partShapes, type) ? partShapes[type] : undefined;
  return shape !== undefined && fitsShape(part, shape);
}

/** What `z.optional(z.string())` takes. */
function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** What `z.optional(z.nullable(z.string()))` takes. */
function nullishString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/**
 * Whether `record` passes {@link runnerEnvelopeSchema}. Written out field by field rather than as
 * a table of checks like the parts: it runs once per record, and calling a check through a table
 * entry per field cost about as much as the rest of the record's decoding of the envelope.
 */
export function fitsRunnerEnvelope(record: unknown): boolean {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const { id, type, timestamp, invocation_id, session_id, author, agent_name, branch, partial, turn_complete, metadata } = record as Record<string, unknown>;
  return (
    optionalString(id) &&
    typeof type === 'string' &&
    (timestamp === undefined || (typeof timestamp === 'number' && Number.isFinite(timestamp))) &&
    optionalString(invocation_id) &&
    nullishString(session_id) &&
    optionalString(author) &&
    nullishString(agent_name) &&
    optionalString(branch) &&
    (partial === undefined || partial === null || typeof partial === 'boolean') &&
    (turn_complete === undefined || typeof turn_complete === 'boolean') &&
    (metadata === undefined || isPlainRecord(metadata))
  );
}

/** A part of `Content.parts` as written. */
export type RunnerPart = Record<string, unknown> & { type: string; metadata: Record<string, unknown> };

/** The default `EventActions` of langchain_adk 0.3.x, in declaration order. */
export function defaultActions(): Record<string, unknown> {
  return {
    state_delta: {},
    transfer_to_agent: null,
    escalate: null,
    skip_summarization: null,
    end_of_agent: null,
    compaction: null,
  };
}
