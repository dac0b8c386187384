import type { CanonicalEvent } from '../model/event.js';
import type { IssueInput } from '../model/issue.js';
import type { AnyWriter, RelayedGroup } from './format.js';
import type { IssueSink, PipelineOptions } from './converter.js';
import { sourceOf } from './source.js';

/** The records relay left behind in a format that cannot carry them (see {@link createUncarried}). */
export interface Uncarried {
  /** Counts the records of the group an event opens: those of other formats were not relayed. */
  event(event: CanonicalEvent): void;
  /** Counts records that said no event (the end of the input hands them over). */
  group(group: RelayedGroup): void;
  /** Says once, at the end, how many records of which formats were not relayed. */
  flush(): void;
}

/**
 * Makes the follower of what relay left behind for an encoder's options, format and issues:
 * undefined unless relay was asked of a format that cannot carry records.
 */
export type UncarriedReport = (options: PipelineOptions, format: AnyWriter, sink: IssueSink) => Uncarried | undefined;

/**
 * Follows what `relay` could not carry into a format that declares no carriage (agno,
 * agno-legacy, the Runner): the user asked for the source records to travel, and they did not.
 * One issue at the end of the conversion counts them, placed at the first one; nothing is said
 * when every record was the target's own (written back verbatim) or none was read.
 */
function createUncarried(options: PipelineOptions, format: AnyWriter, sink: IssueSink): Uncarried | undefined {
  if (options.relay !== true || format.relay !== undefined) return undefined;
  const target = format.name;
  const counts = new Map<string, number>();
  let first: { index: number; line: number | undefined } | undefined;
  function group(records: { readonly format: string; readonly records: readonly unknown[] }): void {
    if (records.format === target || records.records.length === 0) return;
    first ??= { index: sink.position.index, line: sink.position.line };
    counts.set(records.format, (counts.get(records.format) ?? 0) + records.records.length);
  }
  return {
    event(event) {
      // A group is counted once, at its first event; events made or copied since have none.
      const source = sourceOf(event);
      if (source !== undefined && source.events[0] === event) group(source);
    },
    group,
    flush() {
      if (counts.size === 0) return;
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      const formats = [...counts].map(([format, count]) => (counts.size === 1 ? format : `${count} ${format}`)).join(' and ');
      const issue: IssueInput = {
        code: 'dropped',
        level: 'warning',
        format: target,
        message: `${target} cannot carry source records: the ${total} ${formats} records read were not relayed`,
      };
      if (first !== undefined && first.index >= 0) issue.index = first.index;
      if (first?.line !== undefined) issue.line = first.line;
      sink.raise(issue);
      counts.clear();
      first = undefined;
    },
  };
}

/**
 * The key under which the root entry's options carry {@link createUncarried}: only its functions
 * can be asked for relay toward a format without carriage (the `agent-event-bridge/ai-sdk`
 * helpers write formats that carry), so that their bundles hold none of it. Registered with
 * `Symbol.for`, so that the ESM and CommonJS builds of the package see one key.
 */
const uncarriedKey = /* @__PURE__ */ Symbol.for('agent-event-bridge.uncarried');

/** Gives options the report of what relay left behind, as a property that is not enumerable. */
export function carryingUncarriedReport<Options extends object>(options: Options): Options {
  Object.defineProperty(options, uncarriedKey, { value: createUncarried });
  return options;
}

/** The report of what relay left behind that options carry, if they do (see {@link carryingUncarriedReport}). */
export function uncarriedReportOf(options: object): UncarriedReport | undefined {
  return (options as { [uncarriedKey]?: UncarriedReport })[uncarriedKey];
}
