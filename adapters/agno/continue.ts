import type { Resolution } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** An agno `ToolExecution` as `to_dict()` writes it (`RunPaused.tools`, `RunOutput.tools`). */
export type AgnoToolExecution = Record<string, unknown>;

/** A resolution's target: its tool call id, or the requirement id, which agno sets to the tool call's. */
function callOf(resolution: Resolution): string | undefined {
  return resolution.toolCallId ?? resolution.requirementId;
}

/** Whether a value is selected option labels by question. */
function isSelections(value: unknown): value is Record<string, string[]> {
  return isRecord(value) && Object.values(value).every((labels) => Array.isArray(labels) && labels.every((label) => typeof label === 'string'));
}

/** agno keeps tool results as text: structured output is written as JSON text. */
function resultText(output: unknown): string {
  return typeof output === 'string' ? output : JSON.stringify(output ?? null);
}

/** A copy of `schema` (agno's `user_input_schema`) with each field's `value` taken from `values`. */
function withValues(schema: unknown, values: Record<string, unknown>): unknown {
  if (!Array.isArray(schema)) return schema;
  return schema.map((field) => (isRecord(field) && typeof field.name === 'string' && Object.hasOwn(values, field.name) ? { ...field, value: values[field.name] } : field));
}

/** A copy of `questions` (agno's `user_feedback_schema`) with the selected labels of `answers`. */
function withAnswers(questions: unknown, answers: Record<string, string[]>): unknown {
  if (!Array.isArray(questions)) return questions;
  return questions.map((question) => {
    if (!isRecord(question) || typeof question.question !== 'string' || !Object.hasOwn(answers, question.question)) return question;
    const selected = answers[question.question] as string[];
    const options = Array.isArray(question.options)
      ? question.options.map((option) => (isRecord(option) && typeof option.label === 'string' ? { ...option, selected: selected.includes(option.label) } : option))
      : question.options;
    return { ...question, options, selected_options: selected };
  });
}

/**
 * The paused tools of an agno run with the user's answers applied, as agno's `continue_run`
 * and the AgentOS continue route (`tools` form field, agno 2.x and 3.x) take them: a
 * confirmation sets `confirmed` (and `confirmation_note`), user input fills
 * `user_input_schema[].value`, user feedback `user_feedback_schema[].selected_options`, and both
 * set `answered`; an external tool's output becomes `result`. Tools without an answer are
 * returned unchanged (agno keeps the run paused for them).
 * @param paused the `tools` of the `RunPaused` event (or the paused run's `tools`).
 * @param resolutions the answers, e.g. from {@link resolutionsFromUIMessages} of `agent-event-bridge/ai-sdk`.
 * @throws TypeError when an answer names no paused tool: it would be lost silently.
 */
export function agnoToolsWithAnswers(paused: readonly AgnoToolExecution[], resolutions: readonly Resolution[]): AgnoToolExecution[] {
  const byCall = new Map<string, Resolution>();
  for (const resolution of resolutions) {
    const call = callOf(resolution);
    if (call !== undefined) byCall.set(call, resolution);
  }
  const known = new Set(paused.map((tool) => tool.tool_call_id));
  const stray = [...byCall.keys()].filter((call) => !known.has(call));
  if (stray.length > 0) throw new TypeError(`answers name tool calls the paused run does not have: ${stray.join(', ')}; pass the run's paused tools (RunPaused.tools)`);
  return paused.map((tool) => {
    const resolution = typeof tool.tool_call_id === 'string' ? byCall.get(tool.tool_call_id) : undefined;
    if (resolution === undefined) return tool;
    const answered: AgnoToolExecution = { ...tool };
    if (tool.requires_confirmation === true && resolution.approved !== undefined) {
      answered.confirmed = resolution.approved;
      if (resolution.reason !== undefined) answered.confirmation_note = resolution.reason;
    }
    // A client answering through a tool output (useChat's addToolOutput) sends the values or
    // the selections as that output: the paused tool says which it is.
    const values = resolution.values ?? (Array.isArray(tool.user_input_schema) && isRecord(resolution.output) ? resolution.output : undefined);
    if (values !== undefined) {
      answered.user_input_schema = withValues(tool.user_input_schema, values);
      answered.answered = true;
    }
    const answers = resolution.answers ?? (Array.isArray(tool.user_feedback_schema) && isSelections(resolution.output) ? resolution.output : undefined);
    if (answers !== undefined) {
      answered.user_feedback_schema = withAnswers(tool.user_feedback_schema, answers);
      answered.answered = true;
    }
    if (tool.external_execution_required === true && resolution.output !== undefined) {
      answered.result = resultText(resolution.output);
      if (resolution.isError === true) answered.tool_call_error = true;
    }
    return answered;
  });
}

/**
 * The answers agno's continue payload carries, as canonical resolutions: the reverse of
 * {@link agnoToolsWithAnswers}, for a client that speaks another format.
 */
export function resolutionsFromAgnoTools(tools: readonly AgnoToolExecution[]): Resolution[] {
  const resolutions: Resolution[] = [];
  for (const tool of tools) {
    if (typeof tool.tool_call_id !== 'string') continue;
    const resolution: Resolution = { toolCallId: tool.tool_call_id };
    if (tool.requires_confirmation === true && typeof tool.confirmed === 'boolean') {
      resolution.approved = tool.confirmed;
      if (typeof tool.confirmation_note === 'string') resolution.reason = tool.confirmation_note;
    }
    if (Array.isArray(tool.user_input_schema) && tool.answered === true) {
      const values: Record<string, unknown> = {};
      for (const field of tool.user_input_schema) if (isRecord(field) && typeof field.name === 'string' && field.value !== undefined && field.value !== null) values[field.name] = field.value;
      resolution.values = values;
    }
    if (Array.isArray(tool.user_feedback_schema) && tool.answered === true) {
      const answers: Record<string, string[]> = {};
      for (const question of tool.user_feedback_schema) {
        if (isRecord(question) && typeof question.question === 'string' && Array.isArray(question.selected_options)) answers[question.question] = question.selected_options.map(String);
      }
      resolution.answers = answers;
    }
    if (tool.external_execution_required === true && typeof tool.result === 'string') {
      resolution.output = tool.result;
      if (tool.tool_call_error === true) resolution.isError = true;
    }
    if (Object.keys(resolution).length > 1) resolutions.push(resolution);
  }
  return resolutions;
}
