import { createAccumulator } from '../model/accumulate.js';
import type { CanonicalEvent } from '../model/event.js';
import type { Run } from '../model/snapshot.js';
import type { AdapterContext, Encoder } from './format.js';

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

/** Below this length an exact repeat of the whole text so far is read as a new delta. */
const restatementMinimum = 20;

/** How {@link createTextStream} reads successive content values. */
export type ContentMode = 'delta' | 'cumulative' | 'auto';

/**
 * Turns content that is either a delta or the whole text so far into clean deltas, in time
 * linear in the input: only a value at least as long as the text so far is compared with it.
 */
export interface TextStream {
  /** The delta the next content value adds; `''` when it restates what was already said. */
  push(content: string): string;
  /** The text so far. */
  readonly text: string;
  /** Whether a value restated the text so far (the source is cumulative). */
  readonly sawCumulative: boolean;
}

/**
 * Creates a {@link TextStream}.
 * @param mode `auto` treats a value that starts with the (non-empty) text so far as cumulative.
 */
export function createTextStream(mode: ContentMode = 'auto'): TextStream {
  let text = '';
  let sawCumulative = false;
  return {
    push(content) {
      // An exact repeat of a short text is more likely a repeated token ("ha", "ha") than a
      // restatement, unless the source has already restated or the text is long.
      const repeat = content.length === text.length;
      const restates = !repeat || mode === 'cumulative' || sawCumulative || text.length >= restatementMinimum;
      if (mode !== 'delta' && text !== '' && content.length >= text.length && restates && content.startsWith(text)) {
        sawCumulative = true;
        const delta = content.slice(text.length);
        text = content;
        return delta;
      }
      if (mode === 'cumulative') {
        // Cumulative sources that start over (a new paragraph, a restatement) begin a new text.
        sawCumulative = true;
        text = content;
        return content;
      }
      text += content;
      return content;
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
 * An encoder for snapshot formats (message lists, aggregates): events are reduced per top-level
 * run and the run is written once it ends (run-end, run-error or run-cancel), or on flush.
 * @param encodeRun writes one finished top-level run, members nested.
 */
export function createSnapshotEncoder(context: AdapterContext, encodeRun: (run: Run) => unknown[]): Encoder {
  const accumulator = createAccumulator({ onIssue: context.report });
  const roots = new Set<string>();
  return {
    push(event) {
      if (event.parentRunId === undefined) roots.add(event.runId);
      accumulator.push(event);
      const ends = event.type === 'run-end' || event.type === 'run-error' || event.type === 'run-cancel';
      if (!ends || !roots.has(event.runId)) return [];
      roots.delete(event.runId);
      const run = accumulator.take(event.runId);
      return run === undefined ? [] : encodeRun(run);
    },
    flush() {
      const out: unknown[] = [];
      for (const run of accumulator.runs()) {
        for (const record of encodeRun(run)) out.push(record);
      }
      roots.clear();
      return out;
    },
  };
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
