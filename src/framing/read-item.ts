import type { IssueInput } from '../model/issue.js';
import { findApproximations } from './approximations.js';

/**
 * One thing a framing reader found: a parsed record with the JSON text it was parsed from (not
 * for the elements of a JSON array, which is read as one value), or text it could not parse.
 */
export type ReadItem =
  | {
      kind: 'record';
      record: unknown;
      line: number;
      text?: string;
      /**
       * What JSON.parse read other than written (an inexact number, a repeated key), as
       * `approximated` warnings with their path; absent when nothing was.
       */
      warnings?: IssueInput[];
    }
  | { kind: 'reject'; text: string; line: number; error: string };

/** A streaming reader from text chunks to records; chunks may split anywhere. */
export interface RecordReader {
  /** Feeds the next chunk of text. */
  push(chunk: string): ReadItem[];
  /** Ends the input: what is left over is a record or a reject. */
  flush(): ReadItem[];
}

/** Options of every framing reader. */
export interface RecordReaderOptions {
  /**
   * The longest record text read, in UTF-16 code units (default {@link defaultMaxRecordLength}).
   * A longer line (JSONL), event (SSE) or value (concatenated JSON, JSON) is rejected with its
   * line and only its first {@link keptRejectLength} characters; the reader never holds more.
   */
  maxRecordLength?: number;
}

/**
 * 256 Mi characters: half of V8's longest string, so a line never crashes the reader by
 * growing past what a string can hold, and still five times the largest agent record seen.
 */
export const defaultMaxRecordLength = 256 * 1024 * 1024;

/** How much of a record text over the limit its reject keeps (less when the limit is lower). */
export const keptRejectLength = 1024;

/** The record length limit of a reader, and how much of a text over it a reject keeps. */
export function recordLimits(options: RecordReaderOptions): { limit: number; kept: number } {
  const limit = options.maxRecordLength ?? defaultMaxRecordLength;
  return { limit, kept: Math.min(keptRejectLength, limit) };
}

/** The reject of a text over the limit; `head` is its start (what the reader kept of it). */
export function overLongReject(head: string, line: number, limit: number): ReadItem {
  return {
    kind: 'reject',
    text: head,
    line,
    error: `record longer than ${limit} characters (the limit); not read, only its first ${head.length} characters are kept here`,
  };
}

/** JSON's own whitespace: space, tab, CR, LF. U+00A0, U+2028, U+3000 and the like are not. */
const jsonWhitespaceOnly = /^[ \t\r\n]*$/;

/** Whether a text is empty or JSON whitespace only (what readers skip; anything else is read or rejected). */
export function isJsonBlank(text: string): boolean {
  return text.length === 0 || jsonWhitespaceOnly.test(text);
}

/**
 * The deepest nesting a record may have. Real agent records nest a few dozen levels; deeper
 * input is rejected up front because `JSON.stringify` and recursive consumers overflow the
 * stack a few thousand levels down.
 */
export const maxNestingDepth = 1000;

/** Whether `text` holds more than `limit` opening brackets, counted with the native `indexOf`. */
function opensMoreThan(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    let index = text.indexOf(bracket);
    while (index !== -1) {
      count += 1;
      if (count > limit) return true;
      index = text.indexOf(bracket, index + 1);
    }
  }
  return false;
}

/**
 * Whether a JSON text nests deeper than `limit`, by one scan that skips strings. Texts shorter
 * than twice the limit cannot, nor can texts with fewer opening brackets than the limit: neither
 * is scanned (the character-by-character scan cost as much as JSON.parse on long agno records).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  if (text.length <= limit * 2 || !opensMoreThan(text, limit)) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index += 1;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 125 || code === 93) depth -= 1;
  }
  return false;
}

/** Parses one JSON text into a read item; too deep a text is rejected without parsing. */
export function parseItem(text: string, line: number): ReadItem {
  if (nestsDeeperThan(text, maxNestingDepth)) {
    return { kind: 'reject', text, line, error: `JSON nested deeper than ${maxNestingDepth} levels` };
  }
  try {
    const record = JSON.parse(text) as unknown;
    const warnings = findApproximations(text, record);
    return warnings === undefined ? { kind: 'record', record, line, text } : { kind: 'record', record, line, text, warnings };
  } catch (error) {
    return { kind: 'reject', text, line, error: describeParseError(error) };
  }
}

/** A short, stable description of why JSON.parse failed. */
export function describeParseError(error: unknown): string {
  if (error instanceof RangeError) return 'JSON nested too deeply to parse';
  return error instanceof Error ? `invalid JSON: ${error.message}` : 'invalid JSON';
}
