import type { AnyFormat } from './pipeline/format.js';
import { listFormats } from './registry.js';

/** The format chosen for one record. */
export interface RecordDetection {
  format: AnyFormat;
  /** The version range the record belongs to, where the format can tell. */
  version?: string;
  confidence: number;
  /** A format that fits the record about as well: the choice was a guess. */
  rival?: AnyFormat;
}

/** Scores within this margin are a tie, settled by the neighbouring record's format. */
const tieMargin = 0.05;

/**
 * Picks the format of one record among all registered formats: the highest confidence wins;
 * near-ties go to the format of the neighbouring record of the same stream.
 * @param previous the format of the neighbouring record, which wins ties.
 */
export function detectRecord(record: unknown, previous?: string): RecordDetection | undefined {
  let best: RecordDetection | undefined;
  let rival: AnyFormat | undefined;
  for (const format of listFormats()) {
    const detection = format.detect(record);
    if (detection === undefined || detection.confidence <= 0) continue;
    const candidate: RecordDetection = { format, confidence: detection.confidence };
    if (detection.version !== undefined) candidate.version = detection.version;
    if (best === undefined) {
      best = candidate;
      continue;
    }
    const margin = candidate.confidence - best.confidence;
    const tie = Math.abs(margin) <= tieMargin;
    if (margin > tieMargin || (tie && format.name === previous && best.format.name !== previous)) {
      rival = tie ? best.format : undefined;
      best = candidate;
    } else if (tie) {
      rival = format;
    }
  }
  if (best === undefined) return undefined;
  if (rival !== undefined) best.rival = rival;
  return best;
}
