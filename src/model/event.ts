import { z } from 'zod';
import {
  actorSchema,
  citationSchema,
  errorInfoSchema,
  extSchema,
  messageSchema,
  requirementSchema,
  resolutionSchema,
} from './snapshot.js';
import { usageSchema } from './usage.js';

/** Fields every canonical event carries. */
export const envelopeShape = {
  runId: z.string(),
  parentRunId: z.string().optional(),
  sessionId: z.string().optional(),
  actor: actorSchema.optional(),
  /** Milliseconds since epoch. */
  time: z.number().optional(),
  ext: extSchema.optional(),
};

function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...envelopeShape, ...shape });
}

const id = { id: z.string() };
const toolCallId = { toolCallId: z.string() };

/** Every canonical event schema, keyed by its `type`. */
export const eventSchemas = {
  'run-start': event('run-start', {
    model: z.string().optional(),
    provider: z.string().optional(),
    input: z.unknown().optional(),
    /**
     * The run was read from a stored snapshot (an agno `RunOutput`, a 1.x `RunResponse`, a
     * LangChain message list, a canonical runs document) rather than a stream: targets that have
     * an aggregate shape write one for it unless told otherwise (`shape: 'auto'`).
     */
    snapshot: z.boolean().optional(),
  }),
  'run-end': event('run-end', { output: z.unknown().optional(), usage: usageSchema.optional(), finishReason: z.string().optional() }),
  'run-error': event('run-error', { error: errorInfoSchema }),
  'run-cancel': event('run-cancel', { reason: z.string().optional() }),
  'run-pause': event('run-pause', { requirements: z.array(requirementSchema) }),
  'run-resume': event('run-resume', { resolutions: z.array(resolutionSchema).optional() }),
  'step-start': event('step-start', {
    model: z.string().optional(),
    provider: z.string().optional(),
    /** The id of the assistant message this step writes, where the source names it. */
    messageId: z.string().optional(),
  }),
  'step-end': event('step-end', { usage: usageSchema.optional(), finishReason: z.string().optional() }),
  'text-start': event('text-start', id),
  'text-delta': event('text-delta', { ...id, delta: z.string() }),
  'text-end': event('text-end', { ...id, citations: z.array(citationSchema).optional() }),
  'reasoning-start': event('reasoning-start', id),
  'reasoning-delta': event('reasoning-delta', { ...id, delta: z.string() }),
  'reasoning-end': event('reasoning-end', { ...id, signature: z.string().optional() }),
  'reasoning-step': event('reasoning-step', {
    title: z.string().optional(),
    reasoning: z.string().optional(),
    action: z.string().optional(),
    result: z.string().optional(),
    nextAction: z.string().optional(),
    confidence: z.number().optional(),
  }),
  'tool-input-start': event('tool-input-start', { ...toolCallId, toolName: z.string() }),
  'tool-input-delta': event('tool-input-delta', { ...toolCallId, delta: z.string() }),
  'tool-call': event('tool-call', { ...toolCallId, toolName: z.string(), input: z.unknown() }),
  'tool-result': event('tool-result', { ...toolCallId, toolName: z.string().optional(), output: z.unknown() }),
  'tool-error': event('tool-error', { ...toolCallId, toolName: z.string().optional(), error: z.unknown() }),
  message: event('message', { message: messageSchema }),
  'activity-start': event('activity-start', { name: z.string(), data: z.unknown().optional() }),
  'activity-end': event('activity-end', { name: z.string(), data: z.unknown().optional() }),
  file: event('file', {
    mediaType: z.string(),
    url: z.string().optional(),
    data: z.string().optional(),
    name: z.string().optional(),
  }),
  source: event('source', { url: z.string().optional(), title: z.string().optional(), id: z.string().optional() }),
  state: event('state', { snapshot: z.unknown().optional(), delta: z.unknown().optional() }),
  handoff: event('handoff', { to: z.string() }),
  data: event('data', { name: z.string(), data: z.unknown() }),
  raw: event('raw', { format: z.string(), payload: z.unknown() }),
} as const;

/** Every canonical event type, in the order of the model's documentation. */
export const eventTypes = Object.keys(eventSchemas) as EventType[];

/** A canonical event type such as `text-delta`. */
export type EventType = keyof typeof eventSchemas;

/** Any canonical event. */
export const canonicalEventSchema = z.discriminatedUnion('type', [
  eventSchemas['run-start'],
  eventSchemas['run-end'],
  eventSchemas['run-error'],
  eventSchemas['run-cancel'],
  eventSchemas['run-pause'],
  eventSchemas['run-resume'],
  eventSchemas['step-start'],
  eventSchemas['step-end'],
  eventSchemas['text-start'],
  eventSchemas['text-delta'],
  eventSchemas['text-end'],
  eventSchemas['reasoning-start'],
  eventSchemas['reasoning-delta'],
  eventSchemas['reasoning-end'],
  eventSchemas['reasoning-step'],
  eventSchemas['tool-input-start'],
  eventSchemas['tool-input-delta'],
  eventSchemas['tool-call'],
  eventSchemas['tool-result'],
  eventSchemas['tool-error'],
  eventSchemas.message,
  eventSchemas['activity-start'],
  eventSchemas['activity-end'],
  eventSchemas.file,
  eventSchemas.source,
  eventSchemas.state,
  eventSchemas.handoff,
  eventSchemas.data,
  eventSchemas.raw,
]);

/** Any canonical event. */
export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;

/** The canonical event of a given `type`. */
export type EventOfType<T extends EventType> = Extract<CanonicalEvent, { type: T }>;

/** The envelope fields shared by every event. */
export type Envelope = Pick<CanonicalEvent, 'runId' | 'parentRunId' | 'sessionId' | 'actor' | 'time' | 'ext'>;

/**
 * A map with one handler for every canonical event type: the compiler proves coverage.
 * @typeParam R what each handler returns.
 * @typeParam C a context passed to every handler.
 */
export type EventHandlers<R, C = void> = {
  [T in EventType]: (event: EventOfType<T>, context: C) => R;
};

/** Calls the handler of an event's type. */
export function dispatch<R, C>(handlers: EventHandlers<R, C>, event: CanonicalEvent, context: C): R {
  const handler = handlers[event.type] as (event: CanonicalEvent, context: C) => R;
  return handler(event, context);
}
