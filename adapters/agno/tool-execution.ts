import type { EventOfType } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';

/**
 * `tool_args` of a call: agno's `ToolExecution.tool_args` is a dict, so any other input (the raw
 * text of arguments that were no JSON, which the AI SDK and LangChain keep) is wrapped as `{input}`.
 */
export function toolArgsOf(input: unknown): Record<string, unknown> | null {
  if (isRecord(input)) return input;
  return input === undefined ? null : { input };
}

/** Reports a tool call whose input {@link toolArgsOf} wraps: agno reads it back as `{input: …}`. */
export function reportWrappedToolInput(context: AdapterContext, event: EventOfType<'tool-call'>, format: string): void {
  if (isRecord(event.input) || event.input === undefined) return;
  context.report({
    code: 'approximated',
    level: 'warning',
    eventType: 'tool-call',
    runId: event.runId,
    message: `the input of tool call "${event.toolCallId}" is not an object (${typeof event.input === 'string' ? 'arguments that are no JSON' : 'a JSON ' + (Array.isArray(event.input) ? 'array' : typeof event.input)}); ${format} tool_args is a dict, so it was written as {"input": …} and reads back so`,
  });
}

/** The fields of a 2.x `ToolExecution` this library reads (reference §5.7). */
export interface ToolExecutionFields {
  toolCallId?: string;
  toolName?: string;
  input?: unknown;
  /** The stringified result; agno keeps results as strings. */
  result?: string;
  /** `tool_call_error`: true for a failed call, false after a successful one. */
  failed?: boolean;
  /** Unix seconds. */
  createdAt?: number;
  /** The run id of the member or agent the call started (2.0.4+). */
  childRunId?: string;
}

/** Reads a `ToolExecution` dict (1.x or 2.x); missing or mistyped fields stay undefined. */
export function readToolExecution(value: unknown): ToolExecutionFields {
  if (!isRecord(value)) return {};
  const fields: ToolExecutionFields = {};
  if (typeof value.tool_call_id === 'string') fields.toolCallId = value.tool_call_id;
  if (typeof value.tool_name === 'string') fields.toolName = value.tool_name;
  if (value.tool_args !== undefined && value.tool_args !== null) fields.input = value.tool_args;
  if (typeof value.result === 'string') fields.result = value.result;
  if (typeof value.tool_call_error === 'boolean') fields.failed = value.tool_call_error;
  if (typeof value.created_at === 'number') fields.createdAt = value.created_at;
  if (typeof value.child_run_id === 'string') fields.childRunId = value.child_run_id;
  return fields;
}

/** Turns any tool output into the string agno keeps in `ToolExecution.result`. */
export function resultString(output: unknown): string {
  if (typeof output === 'string') return output;
  return JSON.stringify(output) ?? String(output);
}

/**
 * Writes a 2.9.0 `ToolExecution.to_dict()`: every key present, `null` where unset, as agno does.
 * @param extra HITL flags and schemas to set (`requires_confirmation`, `user_input_schema` …).
 */
export function writeToolExecution(fields: ToolExecutionFields, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tool_call_id: fields.toolCallId ?? null,
    tool_name: fields.toolName ?? null,
    tool_args: toolArgsOf(fields.input),
    tool_call_error: fields.failed ?? null,
    result: fields.result ?? null,
    metrics: null,
    child_run_id: fields.childRunId ?? null,
    stop_after_tool_call: false,
    ...(fields.createdAt === undefined ? {} : { created_at: fields.createdAt }),
    requires_confirmation: null,
    confirmed: null,
    confirmation_note: null,
    requires_user_input: null,
    user_input_schema: null,
    user_feedback_schema: null,
    answered: null,
    external_execution_required: null,
    external_execution_silent: null,
    approval_type: null,
    approval_id: null,
    ...extra,
  };
}
