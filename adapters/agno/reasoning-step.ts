import type { EventOfType } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** The canonical fields of a `reasoning-step` event, without the envelope. */
export type ReasoningStepFields = Omit<EventOfType<'reasoning-step'>, 'type' | 'runId' | 'parentRunId' | 'sessionId' | 'actor' | 'time' | 'ext'>;

/** Reads the `content` of an agno `ReasoningStep` event (the same in 1.x and 2.x). */
export function readReasoningStep(content: unknown): ReasoningStepFields {
  const step = isRecord(content) ? content : {};
  const fields: ReasoningStepFields = {};
  if (typeof step.title === 'string') fields.title = step.title;
  if (typeof step.action === 'string') fields.action = step.action;
  if (typeof step.result === 'string') fields.result = step.result;
  if (typeof step.reasoning === 'string') fields.reasoning = step.reasoning;
  if (typeof step.next_action === 'string') fields.nextAction = step.next_action;
  if (typeof step.confidence === 'number') fields.confidence = step.confidence;
  return fields;
}

/** Writes the `content` of an agno `ReasoningStep` event, in agno's field order. */
export function writeReasoningStep(step: ReasoningStepFields): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (step.title !== undefined) content.title = step.title;
  if (step.action !== undefined) content.action = step.action;
  if (step.result !== undefined) content.result = step.result;
  if (step.reasoning !== undefined) content.reasoning = step.reasoning;
  if (step.nextAction !== undefined) content.next_action = step.nextAction;
  if (step.confidence !== undefined) content.confidence = step.confidence;
  return content;
}
