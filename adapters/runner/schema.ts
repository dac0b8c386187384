import { z } from 'zod';

/** The `EventType` values of the unified `Event` (langchain_adk 0.3.3 – 0.3.14, orxhestra). */
export const runnerEventTypes = ['user_message', 'agent_message', 'tool_response', 'agent_start', 'agent_end'] as const;

/** One of {@link runnerEventTypes}. */
export type RunnerEventType = (typeof runnerEventTypes)[number];

/** The `type` values only the typed event classes of langchain_adk 0.1 – 0.3.2 had. */
export const legacyEventTypes = ['thought', 'action', 'observation', 'final_answer', 'tool_call', 'tool_result', 'error'] as const;

/** One of {@link legacyEventTypes}. */
export type LegacyEventType = (typeof legacyEventTypes)[number];

const metadata = { metadata: z.record(z.string(), z.unknown()).optional() };

/** `TextPart`. */
export const textPartSchema = z.looseObject({ type: z.literal('text').optional(), text: z.string(), ...metadata });

/** `DataPart`: structured output; `data` must be a dict. */
export const dataPartSchema = z.looseObject({ type: z.literal('data').optional(), data: z.record(z.string(), z.unknown()), ...metadata });

/** `FilePart`; the library never creates one, the model allows it. */
export const filePartSchema = z.looseObject({
  type: z.literal('file'),
  uri: z.string().nullable().optional(),
  inline_bytes: z.string().nullable().optional(),
  mime_type: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  ...metadata,
});

/** `ToolCallPart`: one tool call request. */
export const toolCallPartSchema = z.looseObject({
  type: z.literal('tool_call').optional(),
  tool_call_id: z.string(),
  tool_name: z.string(),
  args: z.record(z.string(), z.unknown()).optional(),
  ...metadata,
});

/** `ToolResponsePart`: a tool's result, always a string, and its error. */
export const toolResponsePartSchema = z.looseObject({
  type: z.literal('tool_response').optional(),
  tool_call_id: z.string(),
  tool_name: z.string(),
  result: z.string().optional(),
  error: z.string().nullable().optional(),
  ...metadata,
});

/** orxhestra's `ThinkingPart` (after the rename; langchain_adk cannot parse it). */
export const thinkingPartSchema = z.looseObject({ type: z.literal('thinking'), thinking: z.string(), ...metadata });

/** The schema of each part type, by the type `partType` tells. */
export const partSchemas: Record<string, z.ZodType> = {
  text: textPartSchema,
  data: dataPartSchema,
  file: filePartSchema,
  tool_call: toolCallPartSchema,
  tool_response: toolResponsePartSchema,
  thinking: thinkingPartSchema,
};

/** The envelope every Runner record has, current and legacy; checked at the boundary. */
export const runnerEnvelopeSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string(),
  timestamp: z.number().optional(),
  invocation_id: z.string().optional(),
  session_id: z.string().nullable().optional(),
  author: z.string().optional(),
  agent_name: z.string().nullable().optional(),
  branch: z.string().optional(),
  partial: z.boolean().nullable().optional(),
  turn_complete: z.boolean().optional(),
  content: z.unknown().optional(),
  actions: z.unknown().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  llm_response: z.unknown().optional(),
});

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
