import {
  isJsonBlank,
  overLongReject,
  parseItem,
  type ReadItem,
  type RecordReader,
  type RecordReaderOptions,
  recordLimits,
} from './read-item.js';

/**
 * Reads JSON Lines: one record per line; lines of JSON whitespace are skipped, CRLF and a
 * leading BOM are accepted, and a line that is not JSON is rejected with its line number (a line
 * of other whitespace, such as U+00A0, too: JSON does not allow it). A line longer than
 * `maxRecordLength` is rejected without being held whole.
 */
export function createJsonlReader(options: RecordReaderOptions = {}): RecordReader {
  const { limit, kept } = recordLimits(options);
  /** The current line so far; past the limit only its head is kept. */
  let pending = '';
  let overLong = false;
  let line = 0;
  let first = true;

  function take(text: string, items: ReadItem[]): void {
    line += 1;
    if (overLong) {
      overLong = false;
      items.push(overLongReject(text, line, limit));
      return;
    }
    let content = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (first) {
      first = false;
      if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
    }
    if (isJsonBlank(content)) return;
    items.push(parseItem(content, line));
  }

  /** Adds the text of an unfinished line, keeping only the head of a line past the limit. */
  function hold(text: string): void {
    if (overLong) return;
    if (pending.length + text.length <= limit) {
      pending += text;
      return;
    }
    overLong = true;
    first = false;
    pending = (pending.length >= kept ? pending : pending + text.slice(0, kept)).slice(0, kept);
  }

  return {
    push(chunk) {
      const items: ReadItem[] = [];
      let start = 0;
      let newline: number;
      while ((newline = chunk.indexOf('\n', start)) !== -1) {
        hold(chunk.slice(start, newline));
        take(pending, items);
        pending = '';
        start = newline + 1;
      }
      hold(chunk.slice(start));
      return items;
    },
    flush() {
      const items: ReadItem[] = [];
      if (pending !== '' || overLong) take(pending, items);
      pending = '';
      return items;
    },
  };
}
