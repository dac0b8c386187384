import type { CanonicalEvent } from '../model/event.js';

/**
 * The records one decoder turned into a run of events. The pipeline links every event of the
 * group to it out of band (a side table keyed by the event object, never a JSON field), so a
 * source record can reach no output by accident.
 */
export interface SourceGroup {
  /** The format that read the records. */
  readonly format: string;
  /**
   * The records, in input order: the one that produced the events, preceded by those that
   * produced none (they are said again by the events that follow them).
   */
  readonly records: readonly unknown[];
  /** The events the records produced, in the order the decoder returned them. */
  readonly events: readonly CanonicalEvent[];
  /**
   * Earlier events whose fields the records repeat (agno's `ToolCallCompleted` restates the
   * arguments of its call): the records are written back only if these reached the encoder
   * unchanged too.
   */
  readonly restates: readonly CanonicalEvent[];
}

const groups = new WeakMap<object, SourceGroup>();
/** Events some group restates: the encoders note whether they arrive unchanged. */
const restated = new WeakSet<object>();

/**
 * Links `events` to the records they were decoded from. Events already linked (a canonical
 * decoder passes event objects through) keep their link.
 * @returns the group, or undefined when every event was already linked.
 */
export function attachSource(
  format: string,
  records: readonly unknown[],
  events: readonly CanonicalEvent[],
  restates: readonly CanonicalEvent[] = [],
): SourceGroup | undefined {
  let fresh: CanonicalEvent[] | undefined;
  for (const event of events) {
    if (groups.has(event)) continue;
    (fresh ??= []).push(event);
  }
  if (fresh === undefined) return undefined;
  const group: SourceGroup = { format, records, events: fresh, restates };
  for (const event of fresh) groups.set(event, group);
  for (const event of restates) restated.add(event);
  return group;
}

/** The records an event was decoded from, or undefined for an event made or changed since. */
export function sourceOf(event: CanonicalEvent): SourceGroup | undefined {
  return groups.get(event);
}

/** Whether some group's records repeat fields of this event. */
export function isRestated(event: CanonicalEvent): boolean {
  return restated.has(event);
}
