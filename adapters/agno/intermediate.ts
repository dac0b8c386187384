import type { CanonicalEvent } from '../../src/model/event.js';
import type { Ext } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/**
 * The `ext` of the `text-start` of a text that agno streamed as intermediate content (the main
 * model's draft before an output model rewrites it: `RunIntermediateContent` in 2.x,
 * `RunIntermediateResponseContent` in 1.7.9+). The canonical model has no field for a draft, so
 * this one flag, on the block's start only, lets both agno encoders name the event again.
 */
export function intermediateTextExt(): Ext {
  return { agno: { intermediate: true } };
}

/** Whether a `text-start` opens an intermediate text (see {@link intermediateTextExt}). */
export function isIntermediateStart(event: CanonicalEvent): boolean {
  const agno = event.ext?.agno;
  return event.type === 'text-start' && isRecord(agno) && agno.intermediate === true;
}

/**
 * Tracks the open intermediate texts of an encoder by text id: a `text-start` with the flag opens
 * one, its `text-end` closes it.
 */
export function trackIntermediate(open: Set<string>, event: CanonicalEvent): void {
  if (isIntermediateStart(event)) open.add((event as CanonicalEvent & { id: string }).id);
  else if (event.type === 'text-end') open.delete(event.id);
}
