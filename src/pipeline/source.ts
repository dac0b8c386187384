import type { CanonicalEvent } from '../model/event.js';

/**
 * The records one decoder turned into a run of events. The pipeline links every event of the
 * group to it out of band (a non-enumerable property under a private symbol, never a JSON field), so a
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
  /**
   * The encoders that wrote these records back verbatim (by a token of each): a group that
   * restates these events may then be written back too. A field of the group, not a weak table
   * of events, so that it costs nothing per event; made by the first encoder that writes the
   * group back, so that groups no encoder writes back cost nothing at all.
   */
  writtenBy?: object[];
  /**
   * Whether the event at an index was edited since it was handed to the caller as an object (by
   * the root entry's `createDecoder`, or as canonical output), who may edit it in place before an
   * encoder meets it: made then by {@link watchEdits}.
   */
  edited?: (index: number, event: CanonicalEvent) => boolean;
}

/**
 * Where an event keeps its group: a private symbol, set non-enumerable so that `JSON.stringify`,
 * spread copies, `Object.assign` and deep-equality checks never see it. (A `WeakMap` did the same
 * at several times the cost: millions of short-lived keys weigh on the collector.)
 */
const groupKey = Symbol('agent-event-bridge source group');

function groupOf(event: object): SourceGroup | undefined {
  return (event as { [groupKey]?: SourceGroup })[groupKey];
}

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
    if (groupOf(event) !== undefined || !Object.isExtensible(event)) continue;
    (fresh ??= []).push(event);
  }
  if (fresh === undefined) return undefined;
  const group: SourceGroup = { format, records, events: fresh, restates };
  for (const event of fresh) Object.defineProperty(event, groupKey, { value: group });
  return group;
}

/** The records an event was decoded from, or undefined for an event made or changed since. */
export function sourceOf(event: CanonicalEvent): SourceGroup | undefined {
  return groupOf(event);
}

/**
 * Whether `event` is the event at `index` of `group` as it was decoded: the same object, not
 * edited in place since (see {@link SourceGroup.edited}). An edited event is then written from
 * its fields, never undone by its source record.
 */
export function asDecoded(group: SourceGroup, index: number, event: CanonicalEvent): boolean {
  return group.events[index] === event && !group.edited?.(index, event);
}

/**
 * Watches the group of an event handed to the caller as an object, who may edit it in place
 * before an encoder meets it: takes the JSON text of each of its events (once per group), and
 * the records then stand for an event only while its text is the same. One `JSON.stringify` per
 * event here and one where an encoder meets it; events that reach only their converter's encoder
 * are never watched.
 */
export function watchEdits(event: CanonicalEvent): void {
  const group = groupOf(event);
  if (group === undefined || group.edited !== undefined) return;
  const texts = group.events.map((each) => JSON.stringify(each));
  group.edited = (index, each) => texts[index] !== JSON.stringify(each);
}
