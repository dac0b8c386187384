import * as z from 'zod/mini';
// Each module-level schema is built in an arrow function called at once and marked
// `/* @__PURE__ */`: a bundler cannot know that a bare `z.object(...)` call has no side effects and
// keeps it, with zod's core, in every program that imports anything from the chunk it lands in
// (a useChat route that only dispatches events); a pure call it drops when nothing uses its value.
import { usageSchema } from './usage.js';

/** Fields only one format has, keyed by format name, kept for a lossless own round trip. */
export const extSchema = /* @__PURE__ */ (() => z.record(z.string(), z.record(z.string(), z.unknown())))();

/** Fields only one format has, keyed by format name. */
export type Ext = z.infer<typeof extSchema>;

/** Who produced an event or a run. */
export const actorSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.enum(['agent', 'team', 'user', 'tool', 'system', 'workflow']),
    id: z.optional(z.string()),
    name: z.optional(z.string()),
  }))();

/** Who produced an event or a run. */
export type Actor = z.infer<typeof actorSchema>;

/** A cited source. */
export const citationSchema = /* @__PURE__ */ (() =>
  z.object({
    url: z.optional(z.string()),
    title: z.optional(z.string()),
    id: z.optional(z.string()),
    text: z.optional(z.string()),
  }))();

/** A cited source. */
export type Citation = z.infer<typeof citationSchema>;

/** An error as the canonical model carries it. */
export const errorInfoSchema = /* @__PURE__ */ (() =>
  z.object({
    message: z.string(),
    type: z.optional(z.string()),
    id: z.optional(z.string()),
    data: z.optional(z.unknown()),
  }))();

/** An error as the canonical model carries it. */
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** What a paused run waits for (agno `RunRequirement`, AI SDK `tool-approval-request`, …). */
export const requirementSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    kind: z.enum(['confirmation', 'user-input', 'user-feedback', 'external-execution']),
    toolCallId: z.optional(z.string()),
    toolName: z.optional(z.string()),
    input: z.optional(z.unknown()),
    /** The schema of the input the user is asked for. */
    schema: z.optional(z.unknown()),
    note: z.optional(z.string()),
    ext: z.optional(extSchema),
  }))();

/** What a paused run waits for. */
export type Requirement = z.infer<typeof requirementSchema>;

/**
 * The answer to one requirement of a paused run, named by the requirement's id or its tool call:
 * a confirmation's verdict (`approved`, `reason`), user input (`values`, by field name), user
 * feedback (`answers`, selected option labels by question), or an external tool's `output`.
 */
export const resolutionSchema = /* @__PURE__ */ (() =>
  z.object({
    requirementId: z.optional(z.string()),
    toolCallId: z.optional(z.string()),
    approved: z.optional(z.boolean()),
    reason: z.optional(z.string()),
    values: z.optional(z.record(z.string(), z.unknown())),
    answers: z.optional(z.record(z.string(), z.array(z.string()))),
    output: z.optional(z.unknown()),
    isError: z.optional(z.boolean()),
  }))();

/** The answer to one requirement of a paused run. */
export type Resolution = z.infer<typeof resolutionSchema>;

const partExt = /* @__PURE__ */ (() => ({ ext: z.optional(extSchema) }))();

/** A message part: text, reasoning, a tool call or result, a file, a source or app data. */
export const partSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string(), citations: z.optional(z.array(citationSchema)), ...partExt }),
    z.object({ type: z.literal('reasoning'), text: z.string(), signature: z.optional(z.string()), ...partExt }),
    z.object({
      type: z.literal('tool-call'),
      toolCallId: z.string(),
      toolName: z.string(),
      input: z.unknown(),
      ...partExt,
    }),
    z.object({
      type: z.literal('tool-result'),
      toolCallId: z.string(),
      toolName: z.optional(z.string()),
      output: z.unknown(),
      isError: z.optional(z.boolean()),
      ...partExt,
    }),
    z.object({
      type: z.literal('file'),
      mediaType: z.string(),
      url: z.optional(z.string()),
      data: z.optional(z.string()),
      name: z.optional(z.string()),
      ...partExt,
    }),
    z.object({
      type: z.literal('source'),
      url: z.optional(z.string()),
      title: z.optional(z.string()),
      id: z.optional(z.string()),
      ...partExt,
    }),
    z.object({ type: z.literal('data'), name: z.string(), data: z.unknown(), id: z.optional(z.string()), ...partExt }),
  ]))();

/** A message part. */
export type Part = z.infer<typeof partSchema>;

/** The part of a given `type`. */
export type PartOfType<T extends Part['type']> = Extract<Part, { type: T }>;

/** One whole message of a conversation. */
export const messageSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.optional(z.string()),
    role: z.enum(['system', 'user', 'assistant', 'tool']),
    name: z.optional(z.string()),
    parts: z.array(partSchema),
    ext: z.optional(extSchema),
  }))();

/** One whole message of a conversation. */
export type Message = z.infer<typeof messageSchema>;

/** Where a run stands: a snapshot's status never claims more than the events said. */
export const runStatusSchema = /* @__PURE__ */ (() => z.enum(['running', 'completed', 'error', 'cancelled', 'paused']))();

/** Where a run stands. */
export type RunStatus = z.infer<typeof runStatusSchema>;

/** A run as a snapshot: the state the events of one run add up to. */
export interface Run {
  runId: string;
  parentRunId?: string;
  sessionId?: string;
  actor?: z.infer<typeof actorSchema>;
  /** Milliseconds since epoch of the run's start. */
  time?: number;
  status: RunStatus;
  model?: string;
  provider?: string;
  input?: unknown;
  messages: Message[];
  output?: unknown;
  usage?: z.infer<typeof usageSchema>;
  finishReason?: string;
  error?: ErrorInfo;
  /** Why a cancelled run was cancelled. */
  cancelReason?: string;
  requirements?: Requirement[];
  members: Run[];
  ext?: Ext;
}

/** A run as a snapshot; members are nested runs whose `parentRunId` is this run. */
export const runSchema: z.ZodMiniType<Run> = /* @__PURE__ */ (() =>
  z.lazy(() =>
    z.object({
      runId: z.string(),
      parentRunId: z.optional(z.string()),
      sessionId: z.optional(z.string()),
      actor: z.optional(actorSchema),
      time: z.optional(z.number()),
      status: runStatusSchema,
      model: z.optional(z.string()),
      provider: z.optional(z.string()),
      input: z.optional(z.unknown()),
      messages: z.array(messageSchema),
      output: z.optional(z.unknown()),
      usage: z.optional(usageSchema),
      finishReason: z.optional(z.string()),
      error: z.optional(errorInfoSchema),
      cancelReason: z.optional(z.string()),
      requirements: z.optional(z.array(requirementSchema)),
      members: z.array(runSchema),
      ext: z.optional(extSchema),
    }),
  ))();
