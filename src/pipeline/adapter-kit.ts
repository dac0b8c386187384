import { createAccumulator } from '../model/accumulate.js';
import type { CanonicalEvent } from '../model/event.js';
import type { IssueInput } from '../model/issue.js';
import type { Run } from '../model/snapshot.js';
import type { AdapterContext, Encoder, LossDeclaration } from './format.js';
import { append } from '../model/append.js';

/** Reports a loss once per kind. */
export type LossReporter = (kind: string, issue: IssueInput) => void;

/** The kinds of loss already reported, per conversion (an encoder's context lives as long as it). */
const reportedKinds = /* @__PURE__ */ new WeakMap<AdapterContext, Set<string>>();

/** A reporter that raises each kind of loss once per conversion (a migration's, a rewrite's). */
export function lossReporter(context: AdapterContext): LossReporter {
  let reported = reportedKinds.get(context);
  if (reported === undefined) {
    reported = new Set();
    reportedKinds.set(context, reported);
  }
  const kinds = reported;
  return (kind, issue) => {
    if (kinds.has(kind)) return;
    kinds.add(kind);
    context.report(issue);
  };
}

/**
 * Says, once per conversion, that records a writer read itself are written from their canonical
 * fields, because the encode options ask for another shape, era, form or version (`sourceFits`
 * refused them): the fields only they held (the format's own, and those this library does not
 * know) are left out, where the options they were read with write them back as they are.
 */
export function reportUnfitSource(context: AdapterContext, format: string): void {
  lossReporter(context)('unfit source', {
    code: 'dropped',
    level: 'info',
    message: `${format} records asked for in another shape, era, form or version are written from their canonical fields, without the fields only they held`,
  });
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reports a `raw` event of another format that an encoder cannot write. Encoders call it from
 * their `raw` handler; a raw record of the encoder's own format never reaches them.
 */
export function reportForeignRaw(context: AdapterContext, event: Extract<CanonicalEvent, { type: 'raw' }>, target: string): void {
  context.report({
    code: 'dropped',
    level: 'warning',
    eventType: 'raw',
    runId: event.runId,
    message: `a raw ${event.format} record has no ${target} equivalent and was not written; convert it with --to ${event.format} to keep it`,
  });
}

/**
 * How {@link createTextStream} reads successive content values: `delta` appends each value,
 * `cumulative` takes each value as the whole text so far, `auto` decides from the values.
 */
export type ContentMode = 'delta' | 'cumulative' | 'auto';

/**
 * Turns content that is either a delta or the whole text so far into clean deltas, in time
 * linear in the input: only a value longer than the text so far is compared with it, and in
 * `auto` mode only until the stream is decided.
 */
export interface TextStream {
  /** The delta the next content value adds; `''` when it restates what was already said or is held back. */
  push(content: string): string;
  /** What is held back undecided, to be said before the text ends (`''` when nothing is). */
  release(): string;
  /** The text said so far (without what is held back). */
  readonly text: string;
  /** Whether values were read as restating the text so far (the source is cumulative). */
  readonly sawCumulative: boolean;
}

/** Whether `content` says more than `text` and starts with all of it. */
function extendsText(content: string, text: string): boolean {
  return content.length > text.length && content.startsWith(text);
}

/**
 * Creates a {@link TextStream}.
 * @param mode `auto` reads the stream as cumulative only on consistent evidence: two values in a
 * row that each extend the whole text before them ("Paris", "Paris is", "Paris is big"). One such
 * value proves nothing (token deltas "#", "## Title" do it), so it is held back until the next
 * value decides; any value that does not extend the text decides for deltas.
 */
export function createTextStream(mode: ContentMode = 'auto'): TextStream {
  let text = '';
  let held: string | undefined;
  let reading: ContentMode = mode;
  let sawCumulative = false;

  function restate(content: string): string {
    sawCumulative = true;
    const delta = content.slice(text.length);
    text = content;
    return delta;
  }

  const readers: Record<ContentMode, (content: string) => string> = {
    delta(content) {
      text += content;
      return content;
    },
    cumulative(content) {
      if (text !== '' && content.startsWith(text)) return restate(content);
      // A value that does not extend the text: an explicitly cumulative source starts over (a new
      // paragraph), a source found cumulative by `auto` sent a delta after all.
      if (mode === 'cumulative') text = content;
      else text += content;
      return content;
    },
    auto(content) {
      if (held !== undefined) {
        const candidate = held;
        held = undefined;
        if (extendsText(content, candidate)) {
          reading = 'cumulative';
          return restate(content);
        }
        reading = 'delta';
        text += candidate + content;
        return candidate + content;
      }
      if (text !== '' && extendsText(content, text)) {
        held = content;
        return '';
      }
      if (text !== '') reading = 'delta';
      text += content;
      return content;
    },
  };

  return {
    push(content) {
      return readers[reading](content);
    },
    release() {
      const rest = held ?? '';
      held = undefined;
      text += rest;
      return rest;
    },
    get text() {
      return text;
    },
    get sawCumulative() {
      return sawCumulative;
    },
  };
}

/**
 * Reports that the content of a run was read as cumulative (each value the whole text so far):
 * a guess from the values, so callers say it once per run.
 */
export function reportRestatement(context: AdapterContext, runId: string, eventType: string | undefined, format: string): void {
  context.report({
    code: 'approximated',
    level: 'info',
    eventType,
    runId,
    message: `${format} content of run "${runId}" restated the whole text so far in consecutive values and was read as cumulative: only what each value adds became text; decode with content: 'delta' if the values were deltas`,
  });
}

/** How many lines of its repeats an issue counting them names. */
export const namedRepeats = 20;

/** An issue a source can give once per run (see {@link createRepeatedIssue}). */
export interface RepeatedIssue {
  /** Reports one occurrence: the first is raised as given, the later ones are counted with their lines. */
  report(issue: IssueInput): void;
  /** Raises one issue for the occurrences after the first, if there were any: their count and first lines. */
  flush(): void;
}

/**
 * Reports an issue that a source gives once per run (a lifecycle event every run of a version
 * lacks) once, and counts its repeats: a log of a million such runs gives two issues, not a
 * million. The first occurrence is raised where it happens; the decoder's flush raises one issue
 * for the rest, at the first repeat: "the same for 3 more runs (lines 9, 17, 25): " and the first's
 * message, naming the first {@link namedRepeats} lines.
 * @param noun what repeats: `run`, `turn`.
 */
export function createRepeatedIssue(context: AdapterContext, noun: string): RepeatedIssue {
  let first: IssueInput | undefined;
  let count = 0;
  let place: { index: number; line: number | undefined } | undefined;
  // One more than named, to know that more follow.
  const lines: number[] = [];
  return {
    report(issue) {
      if (first === undefined) {
        first = issue;
        context.report(issue);
        return;
      }
      count += 1;
      const position = context.position;
      if (position === undefined) return;
      place ??= { index: position.index, line: position.line };
      // Several runs can open at one record (a member and its parents): its line is named once.
      if (position.line !== undefined && lines.length <= namedRepeats && lines.at(-1) !== position.line) lines.push(position.line);
    },
    flush() {
      if (first === undefined || count === 0) return;
      const named = lines.length === 0 ? '' : ` (lines ${lines.slice(0, namedRepeats).join(', ')}${lines.length > namedRepeats ? ', …' : ''})`;
      const issue: IssueInput = { code: first.code, level: first.level, message: `the same for ${count} more ${noun}${count === 1 ? '' : 's'}${named}: ${first.message}` };
      if (first.eventType !== undefined) issue.eventType = first.eventType;
      // Raised at the end of the input: its place is the first repeat's, not the last record read.
      if (place !== undefined && place.index >= 0) issue.index = place.index;
      if (place?.line !== undefined) issue.line = place.line;
      context.report(issue);
      first = place = undefined;
      count = lines.length = 0;
    },
  };
}

/**
 * A run and all its members, each before its own members, in order: a walk with a stack of its
 * own, since teams nested by parent_run_id can be thousands of levels deep.
 */
export function runTree(top: Run): Run[] {
  const ordered: Run[] = [];
  const pending = [top];
  for (let run = pending.pop(); run !== undefined; run = pending.pop()) {
    ordered.push(run);
    for (let index = run.members.length - 1; index >= 0; index -= 1) pending.push(run.members[index] as Run);
  }
  return ordered;
}

/**
 * How many levels of member runs an aggregate record nests (`member_responses`). Each level
 * nests the JSON twice and readers reject deep JSON (the framing readers past 1000 levels);
 * real teams nest a few levels.
 */
export const maxMemberNesting = 100;

/**
 * A copy of a run tree for an aggregate writer, without the member runs nested deeper than
 * {@link maxMemberNesting} levels; those are reported as `dropped`.
 */
export function withNestableMembers(context: AdapterContext, top: Run, format: string): Run {
  const copy: Run = { ...top };
  let cut = 0;
  const pending: [Run, number][] = [[copy, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [run, depth] = next;
    if (depth === maxMemberNesting) {
      cut += runTree(run).length - 1;
      run.members = [];
      continue;
    }
    run.members = run.members.map((member) => ({ ...member }));
    for (const member of run.members) pending.push([member, depth + 1]);
  }
  if (cut > 0) {
    context.report({
      code: 'dropped',
      level: 'warning',
      runId: top.runId,
      message: `${cut} member runs nested deeper than ${maxMemberNesting} levels were left out of the ${format} aggregate (JSON that deep is rejected by readers); write events to keep them`,
    });
  }
  return copy;
}

/**
 * An encoder for snapshot formats (message lists, aggregates): events are reduced per top-level
 * run and the run is written once it ends (run-end, run-error or run-cancel), or on flush.
 * @param encodeRun writes one finished top-level run, members nested.
 */
export function createSnapshotEncoder(context: AdapterContext, encodeRun: (run: Run) => unknown[]): Encoder {
  const accumulator = createAccumulator({ onIssue: context.report });
  const roots = new Set<string>();
  /** The top-level run written last: a step end after its error (streamText writes one) is no new run. */
  let written: string | undefined;
  return {
    push(event) {
      if (event.type === 'step-end' && event.runId === written) return [];
      if (event.parentRunId === undefined) roots.add(event.runId);
      accumulator.push(event);
      if (!endsRun(event) || !roots.has(event.runId)) return [];
      roots.delete(event.runId);
      written = event.runId;
      const run = accumulator.take(event.runId);
      return run === undefined ? [] : encodeRun(run);
    },
    flush() {
      const out: unknown[] = [];
      // Taken out as they are written: a second flush has nothing left to write again.
      for (const { runId } of [...accumulator.runs()]) {
        const run = accumulator.take(runId);
        if (run !== undefined) append(out, encodeRun(run));
      }
      roots.clear();
      return out;
    },
    forget(runId) {
      // A member is written with its top-level run; a top-level run is written as flush writes it.
      roots.delete(runId);
      const run = accumulator.take(runId);
      return run === undefined ? [] : encodeRun(run);
    },
  };
}

/** How a format with both an event and an aggregate form writes a run: `auto` follows the input. */
export type OutputShape = 'auto' | 'events' | 'aggregate';

/**
 * The shape a top-level run is written in, from its first event: the `shape` option, or with
 * `auto` (the default) the input's: an aggregate for a run read from a snapshot (its `run-start`
 * has `snapshot: true`), events otherwise.
 */
export function shapeOfRun(shape: OutputShape | undefined, first: CanonicalEvent): 'events' | 'aggregate' {
  if (shape === 'events' || shape === 'aggregate') return shape;
  return first.type === 'run-start' && first.snapshot === true ? 'aggregate' : 'events';
}

/** The top-level run of every open run, for encoders that write a run tree at a time. */
export interface RunTrees {
  /** Files the event's run under its top-level run (itself for a top-level run) and returns that run's id. */
  rootOf(event: CanonicalEvent): string;
  /** Forgets a finished top-level run and its members; returns their ids, the top-level run's included. */
  forget(root: string): string[];
}

/**
 * Creates {@link RunTrees}. Each tree lists its runs, so that forgetting one costs its own size:
 * a scan over every run filed would make each run end cost the runs still open (quadratic on
 * logs whose runs never end).
 */
export function createRunTrees(): RunTrees {
  const rootOf = new Map<string, string>();
  const runsOf = new Map<string, string[]>();
  return {
    rootOf(event) {
      const root = event.parentRunId === undefined ? event.runId : (rootOf.get(event.parentRunId) ?? event.parentRunId);
      if (rootOf.get(event.runId) !== root) {
        rootOf.set(event.runId, root);
        let runs = runsOf.get(root);
        if (runs === undefined) runsOf.set(root, (runs = []));
        runs.push(event.runId);
      }
      return root;
    },
    forget(root) {
      const forgotten: string[] = [];
      for (const runId of runsOf.get(root) ?? []) {
        // A run filed under another tree since (its parent was named later) stays there.
        if (rootOf.get(runId) !== root) continue;
        rootOf.delete(runId);
        forgotten.push(runId);
      }
      runsOf.delete(root);
      return forgotten;
    },
  };
}

/** Adds an id to its run's set: ids kept by run, so that a run lets go of its own without a scan of the others. */
export function addIdOfRun(byRun: Map<string, Set<string>>, runId: string, id: string): void {
  const ids = byRun.get(runId);
  if (ids === undefined) byRun.set(runId, new Set([id]));
  else ids.add(id);
}

/** Removes an id from its run's set, and the set once it is empty. */
export function deleteIdOfRun(byRun: Map<string, Set<string>>, runId: string, id: string): void {
  const ids = byRun.get(runId);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) byRun.delete(runId);
}

/** Whether an event ends its run: the moment its tree, when it is a top-level run, is written and forgotten. */
export function endsRun(event: CanonicalEvent): boolean {
  return event.type === 'run-end' || event.type === 'run-error' || event.type === 'run-cancel';
}

/**
 * An encoder that writes each top-level run, members included, through the encoder of its shape
 * ({@link shapeOfRun}); a fixed shape uses its encoder alone. The encoders are made on first use.
 */
export function createShapedEncoder(shape: OutputShape | undefined, encoders: { events: () => Encoder; aggregate: () => Encoder }): Encoder {
  if (shape === 'events') return encoders.events();
  if (shape === 'aggregate') return encoders.aggregate();
  const made: { events?: Encoder; aggregate?: Encoder } = {};
  const encoderOf = (chosen: 'events' | 'aggregate'): Encoder => (made[chosen] ??= encoders[chosen]());
  /** The run tree and shape of every open top-level run: bounded by open runs. */
  const trees = createRunTrees();
  const shapes = new Map<string, 'events' | 'aggregate'>();
  return {
    push(event) {
      const root = trees.rootOf(event);
      let chosen = shapes.get(root);
      if (chosen === undefined) {
        chosen = shapeOfRun(shape, event);
        shapes.set(root, chosen);
      }
      const out = encoderOf(chosen).push(event);
      if (event.runId === root && endsRun(event)) {
        shapes.delete(root);
        trees.forget(root);
      }
      return out;
    },
    flush() {
      return [...(made.events?.flush() ?? []), ...(made.aggregate?.flush() ?? [])];
    },
    forget(runId) {
      const chosen = shapes.get(runId);
      if (chosen !== undefined) {
        shapes.delete(runId);
        trees.forget(runId);
        return encoderOf(chosen).forget(runId);
      }
      // A member run: the encoders made so far forget what they keep of it.
      return [...(made.events?.forget(runId) ?? []), ...(made.aggregate?.forget(runId) ?? [])];
    },
  };
}

/**
 * The handlers a decoder dispatches through: its defaults, or a copy with the ones given in its
 * `handlers` option over them. Made once per decoder, so that each record costs one lookup
 * whether or not handlers are given. A key given as undefined keeps its default: the option
 * schemas refuse it, a decoder made directly does not crash on it.
 */
export function handlerTable<Table extends object>(defaults: Table, given?: Partial<Table>): Table {
  if (given === undefined) return defaults;
  const table = { ...defaults } as Record<string, unknown>;
  for (const [key, handler] of Object.entries(given)) if (handler !== undefined) table[key] = handler;
  return table as Table;
}

/**
 * An own entry of a table keyed by a name read from the input (a record type, an event name, a
 * JSON field): never an inherited `constructor` or `toString`, nor the prototype that
 * `record['__proto__']` returns (a JSON patch would then write into `Object.prototype`).
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/**
 * Copies the fields of `record` not listed in `known` into a residual object, for `ext`.
 * @returns undefined when nothing is left over.
 */
export function residual(record: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let rest: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    if (known.has(key)) continue;
    rest ??= {};
    // `__proto__` as a data key: a plain assignment would change the prototype instead.
    if (key === '__proto__') Object.defineProperty(rest, key, { value: record[key], enumerable: true, writable: true, configurable: true });
    else rest[key] = record[key];
  }
  return rest;
}

/** Per run and block kind: the blocks open, the block of the last delta, and whether it was reported. */
interface BlockOrder {
  open: Set<string>;
  last: string | undefined;
  reported: boolean;
}

/** What a text or reasoning event does to its block: its kind and phase (`reasoning-step` names no block). */
const blockPhases: Readonly<Record<string, { kind: 'text' | 'reasoning'; phase: 'start' | 'delta' | 'end' }>> = {
  'text-start': { kind: 'text', phase: 'start' },
  'text-delta': { kind: 'text', phase: 'delta' },
  'text-end': { kind: 'text', phase: 'end' },
  'reasoning-start': { kind: 'reasoning', phase: 'start' },
  'reasoning-delta': { kind: 'reasoning', phase: 'delta' },
  'reasoning-end': { kind: 'reasoning', phase: 'end' },
};

/**
 * Wraps the encoder of a format with one text (and one reasoning) stream per run, whose records
 * name no block (agno, Runner): deltas of two blocks open at once (a model that interleaves them,
 * as ai's streamText passes on) are written in arrival order and read back as one text, so the
 * first interleaving of each run and kind is reported (`approximated`, warning).
 * @param title the format as the message names it
 */
export function reportingInterleavedBlocks(context: AdapterContext, encoder: Encoder, title: string): Encoder {
  // One table per kind, keyed by run id: a key of run and kind would be a new string per event.
  const orders = { text: new Map<string, BlockOrder>(), reasoning: new Map<string, BlockOrder>() };
  function forgetRun(runId: string): void {
    orders.text.delete(runId);
    orders.reasoning.delete(runId);
  }
  function observe(event: CanonicalEvent): void {
    if (endsRun(event)) {
      forgetRun(event.runId);
      return;
    }
    const block = Object.hasOwn(blockPhases, event.type) ? blockPhases[event.type] : undefined;
    if (block === undefined) return;
    const { kind, phase } = block;
    const kindOrders = orders[kind];
    // Every text-* and reasoning-* event but reasoning-step (not in the table) names its block.
    const { id } = event as { id: string };
    let order = kindOrders.get(event.runId);
    if (order === undefined) {
      order = { open: new Set(), last: undefined, reported: false };
      kindOrders.set(event.runId, order);
    }
    if (phase === 'start') order.open.add(id);
    else if (phase === 'end') {
      order.open.delete(id);
      if (order.open.size === 0) kindOrders.delete(event.runId);
    } else {
      if (order.last !== undefined && order.last !== id && order.open.has(order.last) && !order.reported) {
        order.reported = true;
        context.report({
          code: 'approximated',
          level: 'warning',
          eventType: event.type,
          runId: event.runId,
          message: `${kind} blocks "${order.last}" and "${id}" were open at once with their deltas interleaved; ${title} has one ${kind} stream per run, so they were written in arrival order and read back as one ${kind}`,
        });
      }
      order.last = id;
    }
  }
  return {
    push(event) {
      observe(event);
      return encoder.push(event);
    },
    flush() {
      orders.text.clear();
      orders.reasoning.clear();
      return encoder.flush();
    },
    forget(runId) {
      forgetRun(runId);
      return encoder.forget(runId);
    },
  };
}

/** Watches for a text or reasoning end that comes right before its run's cancel. */
export interface EndBeforeCancelWatch {
  /** Follows one event of the stream being written. */
  observe(event: CanonicalEvent): void;
  /** Forgets a run. */
  forget(runId: string): void;
}

/**
 * For formats whose streams have no text or reasoning end (agno, agno 1.x): their readers end a
 * block at the next record that closes it, and leave it cut at a cancel. A block that ended right
 * before its run's cancel therefore reads back cut; that is reported (`approximated`, warning).
 * @param closers the event types whose records end an open block when read back
 * @param title the format as the message names it
 */
export function watchEndsBeforeCancel(context: AdapterContext, closers: ReadonlySet<string>, title: string): EndBeforeCancelWatch {
  /** Runs whose last block ended with nothing written since that would end it when read back. */
  const ended = new Map<string, string>();
  return {
    observe(event) {
      if (event.type === 'text-end' || event.type === 'reasoning-end') ended.set(event.runId, event.type.slice(0, -'-end'.length));
      else if (event.type === 'run-cancel' && ended.has(event.runId)) {
        context.report({
          code: 'approximated',
          level: 'warning',
          eventType: event.type,
          runId: event.runId,
          message: `a ${ended.get(event.runId)} that ended right before the run was cancelled reads back as cut: ${title} streams have no text or reasoning end`,
        });
        ended.delete(event.runId);
      } else if (closers.has(event.type) || endsRun(event)) ended.delete(event.runId);
    },
    forget(runId) {
      ended.delete(runId);
    },
  };
}

/**
 * A schema check's first complaint in words, for an issue's message: zod/mini, which keeps
 * bundles small, carries no message texts of its own (its messages all read "Invalid input").
 */
export function schemaIssueText(issue: SchemaIssue | undefined): string {
  if (issue === undefined) return 'invalid';
  if (issue.code === 'invalid_type') return `expected ${String(issue.expected)}`;
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' | ')}`;
  if (issue.code === 'invalid_union') return 'matches none of the accepted shapes';
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) return `unknown keys ${issue.keys.join(', ')}`;
  return issue.message;
}

/** The fields of a zod issue that {@link schemaIssueText} reads. */
export interface SchemaIssue {
  code: string;
  message: string;
  expected?: unknown;
  values?: unknown;
  keys?: unknown;
}

/**
 * The loss a format with no relay carriage declares (agno, agno 1.x, the Runner): `relay` asked
 * of it carries nothing, and the pipeline says so once per conversion.
 */
export const uncarriedRelayLoss: LossDeclaration = {
  what: 'source records of other formats, with relay',
  direction: 'encode',
  code: 'dropped',
  level: 'warning',
  note: 'no place to carry them: one issue per conversion counts the records not relayed',
};
