/** One thing a framing reader found: a parsed record, or text it could not parse. */
export type ReadItem =
  | { kind: 'record'; record: unknown; line: number }
  | { kind: 'reject'; text: string; line: number; error: string };

/** A streaming reader from text chunks to records; chunks may split anywhere. */
export interface RecordReader {
  /** Feeds the next chunk of text. */
  push(chunk: string): ReadItem[];
  /** Ends the input: what is left over is a record or a reject. */
  flush(): ReadItem[];
}

/** Parses one JSON text into a read item. */
export function parseItem(text: string, line: number): ReadItem {
  try {
    return { kind: 'record', record: JSON.parse(text) as unknown, line };
  } catch (error) {
    return { kind: 'reject', text, line, error: describeParseError(error) };
  }
}

/** A short, stable description of why JSON.parse failed. */
export function describeParseError(error: unknown): string {
  if (error instanceof RangeError) return 'JSON nested too deeply to parse';
  return error instanceof Error ? `invalid JSON: ${error.message}` : 'invalid JSON';
}
