import type { CanonicalEvent } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type JsonPatch, asJsonPatch } from '../../src/pipeline/json-patch.js';

/**
 * What `ext.runner` holds. The last event decoded from a record carries the record as a
 * {@link JsonPatch} (`set`, `omit`, `nested`) from what the encoder derives from the canonical
 * events to the record itself. Earlier events of the same record are `implied`: they write
 * nothing of their own. `cumulative` marks a text or reasoning block whose partials restate the
 * whole text so far (ReAct, legacy partials) where the encoder would assume otherwise.
 */
export interface RunnerExt extends JsonPatch {
  implied?: true;
  cumulative?: boolean;
}

/** The `ext.runner` of an event, if any. */
export function runnerExtOf(event: CanonicalEvent): RunnerExt | undefined {
  const ext = event.ext?.runner;
  return isRecord(ext) ? (ext as RunnerExt) : undefined;
}

/** The patch back to the record an event was decoded from, when the event stands for a record. */
export function recordPatchOf(event: CanonicalEvent): JsonPatch | undefined {
  const ext = runnerExtOf(event);
  return ext === undefined || ext.implied === true ? undefined : asJsonPatch(ext);
}

/** Whether an event was decoded from a Runner record whose last event carries it. */
export function isImplied(event: CanonicalEvent): boolean {
  return runnerExtOf(event)?.implied === true;
}
