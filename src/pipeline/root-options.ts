import type { IssueInput } from '../model/issue.js';
import type { AnyWriter } from './format.js';
import type { IssueSink, PipelineOptions } from './converter.js';

/** Source records as the encoder meets them: a group its events stand for, or records that said none. */
interface Records {
  readonly format: string;
  readonly records: readonly unknown[];
}

/** The source records `relay` left behind (see {@link createUncarried}). */
export interface Uncarried {
  /**
   * Counts records that were not relayed: a group of another format whose events were written
   * from their fields. A group is counted once, however many of its events say so in a row.
   */
  left(group: Records): void;
  /** Says once, at the end, how many records of which formats were not relayed. */
  flush(): void;
}

/**
 * Makes the follower of what relay left behind for an encoder's options, format and issues:
 * undefined unless relay was asked for.
 */
export type UncarriedReport = (options: PipelineOptions, format: AnyWriter, sink: IssueSink) => Uncarried | undefined;

/**
 * Follows the records `relay` did not carry, and says so once at the end of the conversion,
 * counted, placed at the first: every record of another format when the target declares no
 * carriage (agno, agno-legacy, the Runner: `dropped`, warning, the user asked for them to travel),
 * and, in a target that carries them, the records of events edited or replaced after decoding
 * (`dropped`, info: those events are written from their fields, so the edit stands). Nothing is
 * said when every record was the target's own (written back verbatim, or from its fields when edited).
 */
function createUncarried(options: PipelineOptions, format: AnyWriter, sink: IssueSink): Uncarried | undefined {
  if (options.relay !== true) return undefined;
  const target = format.name;
  const counts = new Map<string, number>();
  let first: { index: number; line: number | undefined } | undefined;
  let last: Records | undefined;
  return {
    left(group) {
      if (group === last || group.format === target || group.records.length === 0) return;
      last = group;
      first ??= { index: sink.position.index, line: sink.position.line };
      counts.set(group.format, (counts.get(group.format) ?? 0) + group.records.length);
    },
    flush() {
      if (counts.size === 0) return;
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      const formats = [...counts].map(([name, count]) => (counts.size === 1 ? name : `${count} ${name}`)).join(' and ');
      const issue: IssueInput =
        format.relay === undefined
          ? { code: 'dropped', level: 'warning', format: target, message: `${target} cannot carry source records: the ${total} ${formats} records read were not relayed` }
          : {
              code: 'dropped',
              level: 'info',
              format: target,
              message: `the ${total} ${formats} records of events edited or replaced after decoding were not relayed: those events were written from their canonical fields`,
            };
      if (first !== undefined && first.index >= 0) issue.index = first.index;
      if (first?.line !== undefined) issue.line = first.line;
      sink.raise(issue);
      counts.clear();
      first = last = undefined;
    },
  };
}

/** What the root entry's options carry for the converter core (see {@link carryingRootFollowUps}). */
export interface RootFollowUps {
  report: UncarriedReport;
}

/**
 * The key under which the root entry's options carry {@link createUncarried}, so that the `agent-event-bridge/ai-sdk` helpers, whose formats carry records
 * and whose events reach no caller, bundle none of it. Registered with `Symbol.for`, so that the
 * ESM and CommonJS builds of the package see one key.
 */
const followUpsKey = /* @__PURE__ */ Symbol.for('agent-event-bridge.root-follow-ups');

/** Gives options what the root entry's functions follow, as a property that is not enumerable. */
export function carryingRootFollowUps<Options extends object>(options: Options): Options {
  Object.defineProperty(options, followUpsKey, { value: { report: createUncarried } satisfies RootFollowUps });
  return options;
}

/** What options carry for the converter core, if they come from the root entry (see {@link carryingRootFollowUps}). */
export function rootFollowUpsOf(options: object): RootFollowUps | undefined {
  return (options as { [followUpsKey]?: RootFollowUps })[followUpsKey];
}
