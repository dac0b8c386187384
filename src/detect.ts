import { isRecord } from './pipeline/adapter-kit.js';
import type { AnyFormat } from './pipeline/format.js';

/** The format chosen for one record. */
export interface RecordDetection {
  format: AnyFormat;
  /** The version range the record belongs to, where the format can tell. */
  version?: string;
  confidence: number;
  /** The id of the stream (run) the record belongs to, where it has one. */
  stream?: string;
  /** Whether the record opens or closes a stream of a format without stream ids. */
  boundary?: 'open' | 'close';
  /** A format that fits the record about as well: the choice was a guess. */
  rival?: AnyFormat;
}

/** Scores within this margin are a tie. */
const tieMargin = 0.05;

/** A detection this sure (or the only one) decides a record, and its stream, on its own. */
const decisiveConfidence = 0.9;

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * The stream a record belongs to: the format's own answer, else its session and run ids. The
 * session is part of the key because frameworks reuse run ids (`run-1`) across sessions.
 */
function streamOf(record: unknown, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  if (!isRecord(record)) return undefined;
  const run = firstString(record, ['run_id', 'runId', 'invocation_id']);
  if (run === undefined) return undefined;
  const session = firstString(record, ['session_id', 'sessionId', 'team_session_id']);
  return session === undefined ? run : `${session}/${run}`;
}

/**
 * Every format of `formats` that claims a record, most confident first.
 * @param formats the formats to ask, in the order that breaks true ties (`listFormats()` for every registered one).
 * @returns an empty list when no format recognizes the record.
 */
export function rankFormats(record: unknown, formats: readonly AnyFormat[]): RecordDetection[] {
  const ranked: RecordDetection[] = [];
  for (const format of formats) {
    const detection = format.detect(record);
    if (detection === undefined || detection.confidence <= 0) continue;
    const candidate: RecordDetection = { format, confidence: detection.confidence };
    if (detection.version !== undefined) candidate.version = detection.version;
    const stream = streamOf(record, detection.stream);
    if (stream !== undefined) candidate.stream = stream;
    if (detection.boundary !== undefined) candidate.boundary = detection.boundary;
    ranked.push(candidate);
  }
  return ranked.sort((left, right) => right.confidence - left.confidence);
}

/**
 * Whether a ranking decides the record on its own fields: one claimant, or a leader at least
 * {@link decisiveConfidence} sure with no rival within the tie margin.
 */
export function isDecisive(ranked: readonly RecordDetection[]): boolean {
  const [first, second] = ranked;
  if (first === undefined) return false;
  if (second === undefined) return true;
  return first.confidence >= decisiveConfidence && first.confidence - second.confidence > tieMargin;
}

/**
 * The best of a ranking, near-ties going to `preferred`; `rival` names the runner-up of a tie.
 */
export function choose(ranked: readonly RecordDetection[], preferred?: string): RecordDetection | undefined {
  const [first] = ranked;
  if (first === undefined) return undefined;
  const ties = ranked.filter((candidate) => first.confidence - candidate.confidence <= tieMargin);
  const chosen = ties.find((candidate) => candidate.format.name === preferred) ?? first;
  const rival = ties.find((candidate) => candidate !== chosen);
  return rival === undefined ? { ...chosen } : { ...chosen, rival: rival.format };
}
