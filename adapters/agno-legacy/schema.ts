import * as z from 'zod/mini';

/** The format name under which this adapter is registered and keeps its `ext` residuals. */
export const legacyFormatName = 'agno-legacy';

/** The two 1.x wire eras: A = 1.0 – 1.5 (aggregate chunks), B = 1.6 – 1.8 (event classes). */
export type LegacyEra = 'A' | 'B';

/** What a 1.x record means, whatever its era and whether a team or an agent wrote it. */
export type LegacyKind =
  | 'run-started'
  | 'content'
  | 'intermediate-content'
  | 'run-completed'
  | 'run-error'
  | 'run-cancelled'
  | 'run-paused'
  | 'run-continued'
  | 'tool-call-started'
  | 'tool-call-completed'
  | 'reasoning-started'
  | 'reasoning-step'
  | 'reasoning-completed'
  | 'memory-update-started'
  | 'memory-update-completed'
  | 'updating-memory'
  | 'parser-model-started'
  | 'parser-model-completed'
  | 'output-model-started'
  | 'output-model-completed'
  | 'workflow-started'
  | 'workflow-completed';

/** Era B (1.6 – 1.8) agent `RunEvent` strings. */
export const eraBAgentEvents: Readonly<Record<LegacyKind, string | undefined>> = {
  'run-started': 'RunStarted',
  content: 'RunResponseContent',
  'intermediate-content': 'RunIntermediateResponseContent',
  'run-completed': 'RunCompleted',
  'run-error': 'RunError',
  'run-cancelled': 'RunCancelled',
  'run-paused': 'RunPaused',
  'run-continued': 'RunContinued',
  'tool-call-started': 'ToolCallStarted',
  'tool-call-completed': 'ToolCallCompleted',
  'reasoning-started': 'ReasoningStarted',
  'reasoning-step': 'ReasoningStep',
  'reasoning-completed': 'ReasoningCompleted',
  'memory-update-started': 'MemoryUpdateStarted',
  'memory-update-completed': 'MemoryUpdateCompleted',
  'updating-memory': undefined,
  'parser-model-started': 'ParserModelResponseStarted',
  'parser-model-completed': 'ParserModelResponseCompleted',
  'output-model-started': 'OutputModelResponseStarted',
  'output-model-completed': 'OutputModelResponseCompleted',
  'workflow-started': undefined,
  'workflow-completed': undefined,
};

/** Era B (1.6 – 1.8) `TeamRunEvent` strings; 1.x teams cannot pause. */
export const eraBTeamEvents: Readonly<Record<LegacyKind, string | undefined>> = {
  'run-started': 'TeamRunStarted',
  content: 'TeamRunResponseContent',
  'intermediate-content': 'TeamRunIntermediateResponseContent',
  'run-completed': 'TeamRunCompleted',
  'run-error': 'TeamRunError',
  'run-cancelled': 'TeamRunCancelled',
  'run-paused': undefined,
  'run-continued': undefined,
  'tool-call-started': 'TeamToolCallStarted',
  'tool-call-completed': 'TeamToolCallCompleted',
  'reasoning-started': 'TeamReasoningStarted',
  'reasoning-step': 'TeamReasoningStep',
  'reasoning-completed': 'TeamReasoningCompleted',
  'memory-update-started': 'TeamMemoryUpdateStarted',
  'memory-update-completed': 'TeamMemoryUpdateCompleted',
  'updating-memory': undefined,
  'parser-model-started': 'TeamParserModelResponseStarted',
  'parser-model-completed': 'TeamParserModelResponseCompleted',
  'output-model-started': 'TeamOutputModelResponseStarted',
  'output-model-completed': 'TeamOutputModelResponseCompleted',
  'workflow-started': undefined,
  'workflow-completed': undefined,
};

/** Era A (1.0 – 1.5) `RunEvent` strings, shared by agents and teams. */
export const eraAEvents: Readonly<Record<LegacyKind, string | undefined>> = {
  'run-started': 'RunStarted',
  content: 'RunResponse',
  'intermediate-content': undefined,
  'run-completed': 'RunCompleted',
  'run-error': 'RunError',
  'run-cancelled': 'RunCancelled',
  'run-paused': 'RunPaused',
  'run-continued': 'RunContinued',
  'tool-call-started': 'ToolCallStarted',
  'tool-call-completed': 'ToolCallCompleted',
  'reasoning-started': 'ReasoningStarted',
  'reasoning-step': 'ReasoningStep',
  'reasoning-completed': 'ReasoningCompleted',
  'memory-update-started': undefined,
  'memory-update-completed': undefined,
  'updating-memory': 'UpdatingMemory',
  'parser-model-started': undefined,
  'parser-model-completed': undefined,
  'output-model-started': undefined,
  'output-model-completed': undefined,
  'workflow-started': 'WorkflowStarted',
  'workflow-completed': 'WorkflowCompleted',
};

function invert(table: Readonly<Record<LegacyKind, string | undefined>>): Map<string, LegacyKind> {
  const map = new Map<string, LegacyKind>();
  for (const [kind, name] of Object.entries(table)) if (name !== undefined) map.set(name, kind as LegacyKind);
  return map;
}

/** Era B agent event string → kind. */
export const eraBAgentKinds = invert(eraBAgentEvents);
/** Era B team event string → kind. */
export const eraBTeamKinds = invert(eraBTeamEvents);
/** Era A event string → kind. */
export const eraAKinds = invert(eraAEvents);

/** Event strings only 1.x ever wrote: 2.x renamed or removed them. */
export const legacyOnlyEvents: ReadonlySet<string> = new Set([
  'RunResponseContent',
  'RunIntermediateResponseContent',
  'TeamRunResponseContent',
  'TeamRunIntermediateResponseContent',
  'RunResponse',
  'UpdatingMemory',
]);

/** A 1.x `ToolExecution.to_dict()` (every key present, nulls kept). */
export const toolExecutionSchema = z.looseObject({
  tool_call_id: z.nullish(z.string()),
  tool_name: z.nullish(z.string()),
  tool_args: z.nullish(z.record(z.string(), z.unknown())),
  tool_call_error: z.nullish(z.boolean()),
  result: z.optional(z.unknown()),
  metrics: z.nullish(z.record(z.string(), z.unknown())),
  stop_after_tool_call: z.optional(z.boolean()),
  created_at: z.optional(z.number()),
});

/** A 1.x `Message.to_dict()`. */
export const messageSchema = z.looseObject({
  role: z.string(),
  content: z.optional(z.unknown()),
  tool_calls: z.optional(z.array(z.record(z.string(), z.unknown()))),
  tool_call_id: z.optional(z.string()),
  created_at: z.optional(z.number()),
});

/** 1.x `RunResponse.metrics`: one list per key, one entry per assistant message. */
export const legacyMetricsSchema = z.record(z.string(), z.unknown());

const eventBase = {
  created_at: z.number(),
  event: z.string(),
  run_id: z.optional(z.string()),
  session_id: z.optional(z.string()),
  team_session_id: z.optional(z.string()),
};
const agentBase = { ...eventBase, agent_id: z.string(), agent_name: z.optional(z.string()) };
const teamBase = { ...eventBase, team_id: z.string(), team_name: z.optional(z.string()) };
const reasoningStepContent = z.looseObject({
  title: z.nullish(z.string()),
  action: z.nullish(z.string()),
  result: z.nullish(z.string()),
  reasoning: z.nullish(z.string()),
  next_action: z.nullish(z.string()),
  confidence: z.nullish(z.number()),
});

function extrasOf(kind: LegacyKind, team: boolean): z.core.$ZodLooseShape {
  switch (kind) {
    case 'run-started':
      return { model: z.optional(z.string()), model_provider: z.optional(z.string()) };
    case 'content':
      return {
        content: z.optional(z.unknown()),
        content_type: z.string(),
        thinking: z.optional(z.string()),
        ...(team ? {} : { reasoning_content: z.optional(z.string()) }),
        extra_data: z.optional(z.record(z.string(), z.unknown())),
      };
    case 'intermediate-content':
      return { content: z.optional(z.unknown()), content_type: z.string() };
    case 'run-completed':
      return {
        content: z.optional(z.unknown()),
        content_type: z.string(),
        ...(team ? { member_responses: z.optional(z.array(z.record(z.string(), z.unknown()))) } : {}),
      };
    case 'run-error':
      return { content: z.optional(z.string()) };
    case 'run-cancelled':
      return { reason: z.optional(z.string()) };
    case 'run-paused':
      return { tools: z.array(toolExecutionSchema) };
    case 'tool-call-started':
    case 'tool-call-completed':
      return { tool: toolExecutionSchema };
    case 'reasoning-step':
      return { content: reasoningStepContent, content_type: z.string() };
    case 'reasoning-completed':
      return { content: z.optional(z.looseObject({ reasoning_steps: z.array(reasoningStepContent) })), content_type: z.optional(z.string()) };
    default:
      return {};
  }
}

function eraBSchemas(table: Readonly<Record<LegacyKind, string | undefined>>, team: boolean): Record<string, z.ZodMiniType> {
  const schemas: Record<string, z.ZodMiniType> = {};
  for (const [kind, name] of Object.entries(table)) {
    if (name === undefined) continue;
    schemas[name] = z.looseObject({ ...(team ? teamBase : agentBase), event: z.literal(name), ...extrasOf(kind as LegacyKind, team) });
  }
  return schemas;
}

const eraAChunk = {
  content_type: z.string(),
  run_id: z.optional(z.string()),
  session_id: z.optional(z.string()),
  created_at: z.number(),
};

function eraASchemas(): Record<string, z.ZodMiniType> {
  const schemas: Record<string, z.ZodMiniType> = {};
  for (const [kind, name] of Object.entries(eraAEvents)) {
    if (name === undefined) continue;
    const tools = kind === 'tool-call-started' || kind === 'tool-call-completed' ? { tools: z.array(toolExecutionSchema) } : {};
    schemas[name] = z.union([
      z.looseObject({ ...eraAChunk, event: z.literal(name), agent_id: z.string(), ...tools }),
      z.looseObject({ ...eraAChunk, event: z.literal(name), team_id: z.string(), member_responses: z.array(z.unknown()), ...tools }),
    ]);
  }
  return schemas;
}

/** Era B wire schemas, one per `event` string (agent and team), loose so newer fields pass. */
export const eraBEventSchemas: Readonly<Record<string, z.ZodMiniType>> = {
  ...eraBSchemas(eraBAgentEvents, false),
  ...eraBSchemas(eraBTeamEvents, true),
};

/** Era A wire schemas, one per `event` string: a `RunResponse` or `TeamRunResponse` chunk. */
export const eraAEventSchemas: Readonly<Record<string, z.ZodMiniType>> = eraASchemas();

/** A stored `RunResponse` / `TeamRunResponse` `to_dict()` (1.6+: no `event`, a `status`). */
export const aggregateSchema = z.looseObject({
  run_id: z.optional(z.string()),
  content: z.optional(z.unknown()),
  content_type: z.optional(z.string()),
  messages: z.optional(z.array(messageSchema)),
  metrics: z.optional(legacyMetricsSchema),
  tools: z.optional(z.array(toolExecutionSchema)),
  member_responses: z.optional(z.array(z.record(z.string(), z.unknown()))),
  status: z.optional(z.string()),
  created_at: z.optional(z.number()),
});
