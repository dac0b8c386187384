import { z } from 'zod';
import { usageSchema } from './usage.js';

/** Fields only one format has, keyed by format name, kept for a lossless own round trip. */
export const extSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** Fields only one format has, keyed by format name. */
export type Ext = z.infer<typeof extSchema>;

/** Who produced an event or a run. */
export const actorSchema = z.object({
  kind: z.enum(['agent', 'team', 'user', 'tool', 'system', 'workflow']),
  id: z.string().optional(),
  name: z.string().optional(),
});

/** Who produced an event or a run. */
export type Actor = z.infer<typeof actorSchema>;

/** A cited source. */
export const citationSchema = z.object({
  url: z.string().optional(),
  title: z.string().optional(),
  id: z.string().optional(),
  text: z.string().optional(),
});

/** A cited source. */
export type Citation = z.infer<typeof citationSchema>;

/** An error as the canonical model carries it. */
export const errorInfoSchema = z.object({
  message: z.string(),
  type: z.string().optional(),
  id: z.string().optional(),
  data: z.unknown().optional(),
});

/** An error as the canonical model carries it. */
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** What a paused run waits for (agno `RunRequirement`, AI SDK `tool-approval-request`, …). */
export const requirementSchema = z.object({
  id: z.string(),
  kind: z.enum(['confirmation', 'user-input', 'user-feedback', 'external-execution']),
  toolCallId: z.string().optional(),
  toolName: z.string().optional(),
  input: z.unknown().optional(),
  /** The schema of the input the user is asked for. */
  schema: z.unknown().optional(),
  note: z.string().optional(),
  ext: extSchema.optional(),
});

/** What a paused run waits for. */
export type Requirement = z.infer<typeof requirementSchema>;

/**
 * The answer to one requirement of a paused run, named by the requirement's id or its tool call:
 * a confirmation's verdict (`approved`, `reason`), user input (`values`, by field name), user
 * feedback (`answers`, selected option labels by question), or an external tool's `output`.
 */
export const resolutionSchema = z.object({
  requirementId: z.string().optional(),
  toolCallId: z.string().optional(),
  approved: z.boolean().optional(),
  reason: z.string().optional(),
  values: z.record(z.string(), z.unknown()).optional(),
  answers: z.record(z.string(), z.array(z.string())).optional(),
  output: z.unknown().optional(),
  isError: z.boolean().optional(),
});

/** The answer to one requirement of a paused run. */
export type Resolution = z.infer<typeof resolutionSchema>;

const partExt = { ext: extSchema.optional() };

/** A message part: text, reasoning, a tool call or result, a file, a source or app data. */
export const partSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string(), citations: z.array(citationSchema).optional(), ...partExt }),
  z.object({ type: z.literal('reasoning'), text: z.string(), signature: z.string().optional(), ...partExt }),
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
    toolName: z.string().optional(),
    output: z.unknown(),
    isError: z.boolean().optional(),
    ...partExt,
  }),
  z.object({
    type: z.literal('file'),
    mediaType: z.string(),
    url: z.string().optional(),
    data: z.string().optional(),
    name: z.string().optional(),
    ...partExt,
  }),
  z.object({
    type: z.literal('source'),
    url: z.string().optional(),
    title: z.string().optional(),
    id: z.string().optional(),
    ...partExt,
  }),
  z.object({ type: z.literal('data'), name: z.string(), data: z.unknown(), ...partExt }),
]);

/** A message part. */
export type Part = z.infer<typeof partSchema>;

/** The part of a given `type`. */
export type PartOfType<T extends Part['type']> = Extract<Part, { type: T }>;

/** One whole message of a conversation. */
export const messageSchema = z.object({
  id: z.string().optional(),
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  name: z.string().optional(),
  parts: z.array(partSchema),
  ext: extSchema.optional(),
});

/** One whole message of a conversation. */
export type Message = z.infer<typeof messageSchema>;

/** Where a run stands: a snapshot's status never claims more than the events said. */
export const runStatusSchema = z.enum(['running', 'completed', 'error', 'cancelled', 'paused']);

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
export const runSchema: z.ZodType<Run> = z.lazy(() =>
  z.object({
    runId: z.string(),
    parentRunId: z.string().optional(),
    sessionId: z.string().optional(),
    actor: actorSchema.optional(),
    time: z.number().optional(),
    status: runStatusSchema,
    model: z.string().optional(),
    provider: z.string().optional(),
    input: z.unknown().optional(),
    messages: z.array(messageSchema),
    output: z.unknown().optional(),
    usage: usageSchema.optional(),
    finishReason: z.string().optional(),
    error: errorInfoSchema.optional(),
    cancelReason: z.string().optional(),
    requirements: z.array(requirementSchema).optional(),
    members: z.array(runSchema),
    ext: extSchema.optional(),
  }),
);
