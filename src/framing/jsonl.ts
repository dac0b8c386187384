import { parseItem, type ReadItem, type RecordReader } from './read-item.js';

/**
 * Reads JSON Lines: one record per line; blank lines are skipped, CRLF and a leading BOM are
 * accepted, and a line that is not JSON is rejected with its line number.
 */
export function createJsonlReader(): RecordReader {
  let pending = '';
  let line = 0;
  let first = true;

  function take(text: string, items: ReadItem[]): void {
    line += 1;
    let content = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (first) {
      first = false;
      if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
    }
    if (content.trim() === '') return;
    items.push(parseItem(content, line));
  }

  return {
    push(chunk) {
      const items: ReadItem[] = [];
      let start = 0;
      let newline = chunk.indexOf('\n');
      if (newline === -1) {
        pending += chunk;
        return items;
      }
      take(pending + chunk.slice(0, newline), items);
      pending = '';
      start = newline + 1;
      while ((newline = chunk.indexOf('\n', start)) !== -1) {
        take(chunk.slice(start, newline), items);
        start = newline + 1;
      }
      pending = chunk.slice(start);
      return items;
    },
    flush() {
      const items: ReadItem[] = [];
      if (pending !== '') take(pending, items);
      pending = '';
      return items;
    },
  };
}
