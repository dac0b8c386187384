import * as z from 'zod/mini';
// Each module-level schema is built in an arrow function called at once and marked
// `/* @__PURE__ */`: a bundler cannot know that a bare `z.object(...)` call has no side effects and
// keeps it, with zod's core, in every program that imports anything from the chunk it lands in
// (a useChat route that only dispatches events); a pure call it drops when nothing uses its value.
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
export const envelopeShape = /* @__PURE__ */ (() =>
  ({
    runId: z.string(),
    parentRunId: z.optional(z.string()),
    sessionId: z.optional(z.string()),
    actor: z.optional(actorSchema),
    /** Milliseconds since epoch. */
    time: z.optional(z.number()),
    ext: z.optional(extSchema),
  }))();

function event<T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...envelopeShape, ...shape });
}

const id = /* @__PURE__ */ (() => ({ id: z.string() }))();
const toolCallId = /* @__PURE__ */ (() => ({ toolCallId: z.string() }))();

/** Every canonical event schema, keyed by its `type`. */
export const eventSchemas = /* @__PURE__ */ (() =>
  ({
    'run-start': event('run-start', {
      model: z.optional(z.string()),
      provider: z.optional(z.string()),
      input: z.optional(z.unknown()),
      /**
       * The run was read from a stored snapshot (an agno `RunOutput`, a 1.x `RunResponse`, a
       * LangChain message list, a canonical runs document) rather than a stream: targets that have
       * an aggregate shape write one for it unless told otherwise (`shape: 'auto'`).
       */
      snapshot: z.optional(z.boolean()),
    }),
    'run-end': event('run-end', { output: z.optional(z.unknown()), usage: z.optional(usageSchema), finishReason: z.optional(z.string()) }),
    'run-error': event('run-error', { error: errorInfoSchema }),
    'run-cancel': event('run-cancel', { reason: z.optional(z.string()) }),
    'run-pause': event('run-pause', { requirements: z.array(requirementSchema) }),
    'run-resume': event('run-resume', { resolutions: z.optional(z.array(resolutionSchema)) }),
    'step-start': event('step-start', {
      model: z.optional(z.string()),
      provider: z.optional(z.string()),
      /** The id of the assistant message this step writes, where the source names it. */
      messageId: z.optional(z.string()),
    }),
    'step-end': event('step-end', { usage: z.optional(usageSchema), finishReason: z.optional(z.string()) }),
    'text-start': event('text-start', id),
    'text-delta': event('text-delta', { ...id, delta: z.string() }),
    'text-end': event('text-end', { ...id, citations: z.optional(z.array(citationSchema)) }),
    'reasoning-start': event('reasoning-start', id),
    'reasoning-delta': event('reasoning-delta', { ...id, delta: z.string() }),
    'reasoning-end': event('reasoning-end', { ...id, signature: z.optional(z.string()) }),
    'reasoning-step': event('reasoning-step', {
      title: z.optional(z.string()),
      reasoning: z.optional(z.string()),
      action: z.optional(z.string()),
      result: z.optional(z.string()),
      nextAction: z.optional(z.string()),
      confidence: z.optional(z.number()),
    }),
    'tool-input-start': event('tool-input-start', { ...toolCallId, toolName: z.string() }),
    'tool-input-delta': event('tool-input-delta', { ...toolCallId, delta: z.string() }),
    'tool-call': event('tool-call', { ...toolCallId, toolName: z.string(), input: z.unknown() }),
    'tool-result': event('tool-result', { ...toolCallId, toolName: z.optional(z.string()), output: z.unknown() }),
    'tool-error': event('tool-error', { ...toolCallId, toolName: z.optional(z.string()), error: z.unknown() }),
    message: event('message', { message: messageSchema }),
    'activity-start': event('activity-start', { name: z.string(), data: z.optional(z.unknown()) }),
    'activity-end': event('activity-end', { name: z.string(), data: z.optional(z.unknown()) }),
    file: event('file', {
      mediaType: z.string(),
      url: z.optional(z.string()),
      data: z.optional(z.string()),
      name: z.optional(z.string()),
    }),
    source: event('source', { url: z.optional(z.string()), title: z.optional(z.string()), id: z.optional(z.string()) }),
    state: event('state', { snapshot: z.optional(z.unknown()), delta: z.optional(z.unknown()) }),
    handoff: event('handoff', { to: z.string() }),
    // `id` names an item of app data that later events of the same name update (useChat reconciles
    // them into one part); `transient` data accompanies the run but is no part of its messages.
    data: event('data', { name: z.string(), data: z.unknown(), id: z.optional(z.string()), transient: z.optional(z.boolean()) }),
    raw: event('raw', { format: z.string(), payload: z.unknown() }),
  } as const))();

/** Every canonical event type, in the order of the model's documentation. */
export const eventTypes = /* @__PURE__ */ (() => Object.keys(eventSchemas) as EventType[])();

/** A canonical event type such as `text-delta`. */
export type EventType = keyof typeof eventSchemas;

/** Any canonical event. */
export const canonicalEventSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('type', [
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
  ]))();

/** Any canonical event. */
export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;

/** The canonical event of a given `type`. */
export type EventOfType<T extends EventType> = Extract<CanonicalEvent, { type: T }>;

/** The envelope fields shared by every event. */
export type Envelope = Pick<CanonicalEvent, 'runId' | 'parentRunId' | 'sessionId' | 'actor' | 'time' | 'ext'>;

// The handler map and its dispatch hold no schema: encoders import them without the event schemas.
export { dispatch, type EventHandlers } from './dispatch.js';
