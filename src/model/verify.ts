import type { CanonicalEvent } from './event.js';
import type { Issue, IssueInput } from './issue.js';
import { append } from './append.js';
import { createOldestFirst } from './oldest-first.js';

/** What the checker knows of a run; the sets are made on first use (a log may hold many runs). */
interface RunLifecycle {
  runId: string;
  /** The index of the run's last event, and the line its caller gave for it: where an unended run was last heard of. */
  last: number;
  line: number | undefined;
  started: boolean;
  paused: boolean;
  text?: Set<string>;
  reasoning?: Set<string>;
  toolInput?: Set<string>;
  toolCalls?: Set<string>;
}

/** The sets of a run's ids, one per kind: made when the first id of its kind comes. */
type IdKind = 'text' | 'reasoning' | 'toolInput' | 'toolCalls';

function idsOf(run: RunLifecycle, kind: IdKind): Set<string> {
  let ids = run[kind];
  if (ids === undefined) run[kind] = ids = new Set();
  return ids;
}

/** How many runs a conversion (`maxOpenRuns`) and the lifecycle checker follow at once unless told otherwise. */
export const defaultMaxOpenRuns = 100_000;

/** Runs left open at the end are named one by one up to this many, then counted in one issue. */
export const listedUnendedRuns = 100;

/** A run without an end, and where it was last heard of (its last record or event). */
export interface UnendedRun {
  runId: string;
  index?: number;
  line?: number;
}

/**
 * The issues for runs without an end: one per run for the first {@link listedUnendedRuns}, each
 * at the place the run was last heard of, then one that counts the rest, so that a log of a
 * million open runs gives a hundred lines, not a million.
 * @param why what the run was doing when the input ended, after "has no end: ".
 * @param unnamed runs without an end that are not in `runs` (no longer followed), counted with the rest.
 */
export function unendedRunIssues(runs: readonly UnendedRun[], why: string, unnamed = 0): IssueInput[] {
  const issues: IssueInput[] = runs.slice(0, listedUnendedRuns).map(({ runId, index, line }) => {
    const issue: IssueInput = { code: 'invalid-sequence', level: 'info', runId, message: `run "${runId}" has no end: ${why}` };
    if (index !== undefined) issue.index = index;
    if (line !== undefined) issue.line = line;
    return issue;
  });
  const rest = Math.max(0, runs.length - listedUnendedRuns) + unnamed;
  if (rest > 0) {
    const named = issues.length === 0 ? '' : ` (the first ${issues.length} are named above)`;
    issues.push({ code: 'invalid-sequence', level: 'info', message: `${rest} more runs have no end: ${why}${named}` });
  }
  return issues;
}

/** An incremental lifecycle checker: state per open run, issues as they are found. */
export interface Verifier {
  /**
   * Checks one event; returns the problems it shows.
   * @param line the line of the record the event came from, for the issues that speak of it later (a run without an end);
   * once a run's events came with lines, an event without one (what a decoder closes at the end) does not move it.
   */
  push(event: CanonicalEvent, line?: number): Issue[];
  /** Ends the stream: runs that never ended are reported (named up to {@link listedUnendedRuns}, then counted). */
  end(): Issue[];
  /** How many runs had no end (paused runs aside), once {@link Verifier.end} ran. */
  readonly unended: number;
}

/**
 * Checks the lifecycle rules of a canonical event stream: deltas before starts, second ends,
 * content after a run's end, tool results for unknown calls, unbalanced pause and resume.
 * @returns one issue per problem, naming the event index and the id concerned.
 */
export function verify(events: Iterable<CanonicalEvent>): Issue[] {
  const verifier = createVerifier();
  const issues: Issue[] = [];
  for (const event of events) append(issues, verifier.push(event));
  append(issues, verifier.end());
  return issues;
}

/** Options of {@link createVerifier}. */
export interface VerifierOptions {
  /**
   * How many runs are checked at once ({@link defaultMaxOpenRuns}, as a conversion's `maxOpenRuns`): past
   * it the run opened first is no longer followed and counts as a run without an end, and only
   * the last this many to twice this many ended runs are remembered for "content after the end", so memory stays bounded.
   */
  maxOpenRuns?: number;
  /**
   * Whether the caller already reports the runs the bound lets go (a decoder bounded the same
   * way, as `validate` has, ends each with an issue of its own): the checker then counts them as
   * without an end and raises no issue of its own for them. Default false.
   */
  boundReported?: boolean;
}

/** Creates an incremental {@link Verifier}. */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  const maxOpenRuns = options.maxOpenRuns ?? defaultMaxOpenRuns;
  let issues: Issue[] = [];
  /** Runs not ended, oldest first (paused ones too: a resume may follow). */
  const runs = new Map<string, RunLifecycle>();
  /** The open runs in the order they opened, for the one opened first. */
  const openOrder = createOldestFirst<RunLifecycle>((run) => runs.get(run.runId) === run, () => runs.size);
  /**
   * How recent runs ended, for events that come after an end: the runs that ended since the last
   * `maxOpenRuns` ended, and those before them (two generations, so that forgetting costs no
   * search for the oldest).
   */
  let ended = new Map<string, string>();
  let endedBefore = new Map<string, string>();
  /** Runs no longer followed because more than `maxOpenRuns` were open. */
  let dropped = 0;
  let index = -1;

  /** Moves an ended run out of the open ones; the oldest ended runs past the bound are forgotten. */
  function close(runId: string, how: string): void {
    runs.delete(runId);
    if (ended.size >= maxOpenRuns) {
      endedBefore = ended;
      ended = new Map();
    }
    ended.set(runId, how);
  }

  /** Stops following the run opened first while more than `maxOpenRuns` are open; reported once. */
  function keepBounded(): void {
    while (runs.size > maxOpenRuns) {
      const run = openOrder.oldest() as RunLifecycle;
      const runId = run.runId;
      runs.delete(runId);
      if (run.paused) continue;
      dropped += 1;
      if (dropped > 1 || options.boundReported === true) continue;
      issues.push({
        code: 'invalid-sequence',
        level: 'warning',
        index,
        runId,
        message: `more than ${maxOpenRuns} runs open: the oldest, "${runId}", is no longer checked and counts as without an end, as is each after it`,
      });
    }
  }

  const problem = (event: CanonicalEvent, message: string, level: Issue['level'] = 'error'): void => {
    issues.push({ code: 'invalid-sequence', level, eventType: event.type, index, runId: event.runId, message });
  };

  function afterEnd(event: CanonicalEvent, how: string): void {
    const what = ['run-end', 'run-error', 'run-cancel'].includes(event.type) ? 'a second end' : 'content';
    problem(event, `event ${index} (${event.type}) is ${what} after run "${event.runId}" ended with ${how}; drop it or start a new run`);
  }

  function check(event: CanonicalEvent, line: number | undefined): void {
    index += 1;
    let run = runs.get(event.runId);
    if (run === undefined) {
      const how = ended.get(event.runId) ?? endedBefore.get(event.runId);
      if (how !== undefined) {
        if (event.type !== 'raw') afterEnd(event, how);
        return;
      }
      run = { runId: event.runId, last: index, line, started: false, paused: false };
      // Kept before it is listed: listing may rebuild the order from the runs kept.
      runs.set(event.runId, run);
      openOrder.add(run);
      keepBounded();
      if (event.type !== 'run-start') {
        problem(event, `event ${index} (${event.type}) of run "${event.runId}" comes before its run-start`, 'warning');
      }
    }
    // An event without a line (one a decoder closed at the end of the input) leaves a run where a record last spoke of it.
    if (line !== undefined || run.line === undefined) {
      run.last = index;
      run.line = line;
    }
    switch (event.type) {
      case 'run-start':
        if (run.started) problem(event, `event ${index}: run "${event.runId}" started twice`);
        run.started = true;
        break;
      case 'run-end':
      case 'run-error':
      case 'run-cancel':
        for (const id of run.text ?? []) problem(event, `event ${index}: text "${id}" of run "${event.runId}" was never ended`, 'warning');
        for (const id of run.reasoning ?? []) problem(event, `event ${index}: reasoning "${id}" of run "${event.runId}" was never ended`, 'warning');
        close(event.runId, event.type);
        break;
      case 'run-pause':
        if (run.paused) problem(event, `event ${index}: run "${event.runId}" paused twice without a resume`);
        run.paused = true;
        break;
      case 'run-resume':
        if (!run.paused) problem(event, `event ${index}: run "${event.runId}" resumed without a pause`);
        run.paused = false;
        break;
      case 'text-start':
      case 'reasoning-start': {
        const open = idsOf(run, event.type === 'text-start' ? 'text' : 'reasoning');
        if (open.has(event.id)) problem(event, `event ${index}: "${event.id}" started twice`);
        open.add(event.id);
        break;
      }
      case 'text-delta':
      case 'reasoning-delta':
      case 'text-end':
      case 'reasoning-end': {
        const open = run[event.type.startsWith('text') ? 'text' : 'reasoning'];
        if (open?.has(event.id) !== true) {
          const what = event.type.endsWith('delta') ? 'a delta before its start' : 'an end without an open start (ended twice?)';
          problem(event, `event ${index} (${event.type}) for "${event.id}" is ${what}; emit ${event.type.split('-')[0]}-start first`);
        }
        if (event.type.endsWith('end')) open?.delete(event.id);
        break;
      }
      case 'tool-input-start':
        idsOf(run, 'toolInput').add(event.toolCallId);
        break;
      case 'tool-input-delta':
        if (run.toolInput?.has(event.toolCallId) !== true) {
          problem(event, `event ${index}: tool input delta for "${event.toolCallId}" before its tool-input-start`);
        }
        break;
      case 'tool-call':
        if (run.toolCalls?.has(event.toolCallId) === true) problem(event, `event ${index}: tool call "${event.toolCallId}" called twice`);
        run.toolInput?.delete(event.toolCallId);
        idsOf(run, 'toolCalls').add(event.toolCallId);
        break;
      case 'tool-result':
      case 'tool-error':
        if (run.toolCalls?.has(event.toolCallId) !== true && run.toolInput?.has(event.toolCallId) !== true) {
          problem(event, `event ${index} (${event.type}) for unknown tool call "${event.toolCallId}"; emit its tool-call first`);
        }
        break;
      default:
        break;
    }
  }

  let unended = 0;

  function unfinished(): void {
    const open: UnendedRun[] = [];
    for (const [runId, run] of runs) if (!run.paused) open.push({ runId, index: run.last, line: run.line });
    unended = open.length + dropped;
    for (const issue of unendedRunIssues(open, 'it is still running at the end of the stream', dropped)) issues.push(issue);
  }

  return {
    get unended() {
      return unended;
    },
    push(event, line) {
      check(event, line);
      const found = issues;
      issues = [];
      return found;
    },
    end() {
      unfinished();
      const found = issues;
      issues = [];
      return found;
    },
  };
}
