import type { Requirement } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { readToolExecution, type ToolExecutionFields, writeToolExecution } from './tool-execution.js';

/** The fields of a team `RunRequirement` that name the member which raised it (2.5.0+). */
const memberKeys = ['member_agent_id', 'member_agent_name', 'member_run_id'] as const;

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * What a paused tool waits for, with agno's priority (`RunRequirement.pause_type`, 2.3.7+):
 * feedback, then external execution, then user input, then confirmation.
 */
export function requirementKind(tool: Record<string, unknown>): Requirement['kind'] {
  if (present(tool.user_feedback_schema)) return 'user-feedback';
  if (tool.external_execution_required === true) return 'external-execution';
  if (tool.requires_user_input === true) return 'user-input';
  return 'confirmation';
}

/** Whether a tool execution is paused on a human (any HITL flag set). */
export function isPausedTool(tool: unknown): boolean {
  if (!isRecord(tool)) return false;
  return (
    tool.requires_confirmation === true ||
    tool.requires_user_input === true ||
    tool.external_execution_required === true ||
    present(tool.user_feedback_schema)
  );
}

function fromTool(id: string, tool: Record<string, unknown>, holder: Record<string, unknown>): Requirement {
  const fields = readToolExecution(tool);
  const kind = requirementKind(tool);
  const requirement: Requirement = { id, kind };
  if (fields.toolCallId !== undefined) requirement.toolCallId = fields.toolCallId;
  if (fields.toolName !== undefined) requirement.toolName = fields.toolName;
  if (fields.input !== undefined) requirement.input = fields.input;
  const schema = kind === 'user-feedback' ? tool.user_feedback_schema ?? holder.user_feedback_schema : tool.user_input_schema ?? holder.user_input_schema;
  if (present(schema) && (kind === 'user-input' || kind === 'user-feedback')) requirement.schema = schema;
  const note = holder.confirmation_note ?? tool.confirmation_note;
  if (typeof note === 'string') requirement.note = note;
  return requirement;
}

/**
 * Reads a 2.x `RunRequirement.to_dict()` (2.3.7+) as a canonical requirement.
 * @param mintId gives the id of a dict without one.
 */
export function readRequirement(value: Record<string, unknown>, mintId: () => string): Requirement {
  const tool = isRecord(value.tool_execution) ? value.tool_execution : {};
  const requirement = fromTool(typeof value.id === 'string' ? value.id : mintId(), tool, value);
  // A team pause names the member that raised the requirement (2.5.0+): the lineage of the pause.
  const member: Record<string, unknown> = {};
  for (const key of memberKeys) if (typeof value[key] === 'string') member[key] = value[key];
  if (Object.keys(member).length > 0) requirement.ext = { agno: member };
  return requirement;
}

/**
 * Reads a paused `ToolExecution` (agno before 2.3.7 paused with `tools` only) as a requirement
 * whose id is the tool call id.
 * @param mintId gives the id of a tool without a `tool_call_id`.
 */
export function requirementFromTool(tool: Record<string, unknown>, mintId: () => string): Requirement {
  return fromTool(typeof tool.tool_call_id === 'string' ? tool.tool_call_id : mintId(), tool, {});
}

/**
 * A user-input schema as agno writes it: `UserInputField.from_dict` reads `value`, which a schema
 * from another format may leave out (the field is unanswered: null).
 */
function userInputSchema(schema: unknown): unknown {
  if (!Array.isArray(schema)) return schema;
  return schema.map((field) => (isRecord(field) && !('value' in field) ? { ...field, value: null } : field));
}

/** The paused `ToolExecution` a canonical requirement stands for, 2.9.0 shape. */
export function pausedToolExecution(requirement: Requirement, createdAt?: number): Record<string, unknown> {
  const fields: ToolExecutionFields = {};
  if (requirement.toolCallId !== undefined) fields.toolCallId = requirement.toolCallId;
  if (requirement.toolName !== undefined) fields.toolName = requirement.toolName;
  if (requirement.input !== undefined) fields.input = requirement.input;
  if (createdAt !== undefined) fields.createdAt = createdAt;
  const schema = requirement.schema ?? null;
  const flags: Record<string, Record<string, unknown>> = {
    confirmation: { requires_confirmation: true },
    'user-input': { requires_user_input: true, user_input_schema: userInputSchema(schema) },
    'user-feedback': { user_feedback_schema: schema },
    'external-execution': { external_execution_required: true },
  };
  const extra = { ...flags[requirement.kind] };
  if (requirement.note !== undefined) extra.confirmation_note = requirement.note;
  return writeToolExecution(fields, extra);
}

/** Writes a canonical requirement as a 2.x `RunRequirement.to_dict()` (no `created_at`: no clock). */
export function writeRequirement(requirement: Requirement, createdAt?: number): Record<string, unknown> {
  const written: Record<string, unknown> = { id: requirement.id };
  if (requirement.note !== undefined) written.confirmation_note = requirement.note;
  const member = requirement.ext?.agno;
  for (const key of memberKeys) if (typeof member?.[key] === 'string') written[key] = member[key];
  written.tool_execution = pausedToolExecution(requirement, createdAt);
  if (requirement.schema !== undefined && requirement.kind === 'user-input') written.user_input_schema = userInputSchema(requirement.schema);
  if (requirement.schema !== undefined && requirement.kind === 'user-feedback') written.user_feedback_schema = requirement.schema;
  return written;
}
