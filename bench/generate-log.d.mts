/** A JSONL template of recorded streams whose copies get fresh ids. */
export interface LogTemplate {
  /** Records in one copy. */
  records: number;
  /** The text of copy number `copy`: every run, session, call and message id suffixed with `~copy.file`. */
  copy(copy: number): string;
}

/** What {@link generateLog} wrote (or found). */
export interface GeneratedLog {
  file: string;
  bytes: number;
  copies?: number;
  records?: number;
  reused: boolean;
}

/** A JSONL template of recorded streams, ids marked so that a copy is one replaceAll. */
export function createLogTemplate(files: readonly string[]): LogTemplate;

/** Writes a JSONL log of at least `bytes` bytes of numbered copies of the template. */
export function generateLog(file: string, template: LogTemplate, bytes: number): Promise<GeneratedLog>;

/** The JSONL fixtures of a folder whose name matches, golden files left out. */
export function fixtureFiles(folder: string, pattern?: RegExp): string[];

/** A canonical run that streams one tool input as `deltas` one-character deltas, then calls it. */
export function toolInputRun(deltas: number, runId?: string): Array<Record<string, unknown> & { type: string; runId: string }>;

/** Writes a canonical JSONL file of one run with `events` events and returns its path. */
export function generateTextRun(file: string, events: number): Promise<string>;
