import type { Requirement } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { requirementKind } from '../agno/index.js';
import { toolArgsOf } from '../agno/tool-execution.js';
import type { LegacyEra } from './schema.js';

/** A 1.x `ToolExecution` as canonical events see it. */
export interface ToolCallFacts {
  toolCallId: string | undefined;
  toolName: string | undefined;
  input: unknown;
  result: unknown;
  /** `tool_call_error: true`: the result is an error message. */
  failed: boolean;
}

/** Reads the facts canonical events carry from a 1.x `ToolExecution` dict. */
export function readToolExecution(tool: Record<string, unknown>): ToolCallFacts {
  return {
    toolCallId: typeof tool.tool_call_id === 'string' ? tool.tool_call_id : undefined,
    toolName: typeof tool.tool_name === 'string' ? tool.tool_name : undefined,
    input: tool.tool_args ?? {},
    result: tool.result ?? null,
    failed: tool.tool_call_error === true,
  };
}

/** Where a tool execution stands when it is written. */
export type ToolStage = 'started' | 'completed' | 'failed' | 'paused';

/**
 * Writes a 1.x `ToolExecution.to_dict()`: every key present, nulls kept; era A (1.5) has no
 * `answered`.
 * @param createdAt Unix seconds, when known.
 */
export function writeToolExecution(
  facts: { toolCallId: string; toolName?: string | undefined; input?: unknown; result?: unknown },
  stage: ToolStage,
  era: LegacyEra,
  createdAt: number | undefined,
  requirement?: Requirement,
): Record<string, unknown> {
  const tool: Record<string, unknown> = {
    tool_call_id: facts.toolCallId,
    tool_name: facts.toolName ?? null,
    tool_args: toolArgsOf(facts.input) ?? {},
    tool_call_error: stage === 'started' || stage === 'paused' ? null : stage === 'failed',
    result: stage === 'started' || stage === 'paused' ? null : (facts.result ?? null),
    metrics: null,
    stop_after_tool_call: false,
  };
  if (createdAt !== undefined) tool.created_at = createdAt;
  tool.requires_confirmation = requirement?.kind === 'confirmation' ? true : null;
  tool.confirmed = null;
  tool.confirmation_note = requirement?.note ?? null;
  tool.requires_user_input = requirement?.kind === 'user-input' || requirement?.kind === 'user-feedback' ? true : null;
  tool.user_input_schema = requirement?.schema ?? null;
  if (era === 'B') tool.answered = null;
  tool.external_execution_required = requirement?.kind === 'external-execution' ? true : null;
  return tool;
}

/** The requirement a paused 1.x tool execution stands for (1.x has no requirement ids: the call id serves). */
export function requirementOf(tool: Record<string, unknown>, fallbackId: string): Requirement {
  const facts = readToolExecution(tool);
  // 1.x tools have no feedback schema; otherwise the same priority as 2.x RunRequirement.pause_type.
  const kind = requirementKind(tool);
  const requirement: Requirement = { id: facts.toolCallId ?? fallbackId, kind };
  if (facts.toolCallId !== undefined) requirement.toolCallId = facts.toolCallId;
  if (facts.toolName !== undefined) requirement.toolName = facts.toolName;
  requirement.input = facts.input;
  if (Array.isArray(tool.user_input_schema)) requirement.schema = tool.user_input_schema;
  if (typeof tool.confirmation_note === 'string') requirement.note = tool.confirmation_note;
  return requirement;
}
