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
 * Rejects the text between two values, one reject per line that is not JSON whitespace, each
 * with its own line number.
 */
function rejectBetween(text: string, firstLine: number, items: ReadItem[], error = 'text between JSON values'): void {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const content = (lines[index] as string).replace(/\r$/, '');
    if (!isJsonBlank(content)) items.push({ kind: 'reject', text: content, line: firstLine + index, error });
  }
}

/**
 * Reads JSON values written one after another with no separator (agno 1.x playground streams
 * pretty-printed objects back to back). A scanner tracks strings and nesting so each character
 * is looked at once; text between values that is not JSON is rejected line by line. A value
 * longer than `maxRecordLength` is rejected without being held whole.
 */
export function createConcatenatedJsonReader(options: RecordReaderOptions = {}): RecordReader {
  const { limit, kept } = recordLimits(options);
  let buffer = '';
  let scanned = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Where the value being read starts in `buffer`, or -1 between values. */
  let valueStart = -1;
  /** Where the text after the last complete value starts in `buffer`, and its line. */
  let cursor = 0;
  let cursorLine = 1;
  let line = 1;
  let valueLine = 1;
  let first = true;
  /** The head of a value over the limit, whose rest is scanned and dropped. */
  let overLongHead: string | undefined;

  return {
    push(chunk) {
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      buffer += chunk;
      const items: ReadItem[] = [];
      for (let index = scanned; index < buffer.length; index += 1) {
        const code = buffer.charCodeAt(index);
        if (code === 10) line += 1;
        if (inString) {
          if (escaped) escaped = false;
          else if (code === 92) escaped = true;
          else if (code === 34) inString = false;
          continue;
        }
        if (code === 34) {
          inString = true;
        } else if (code === 123 || code === 91) {
          if (depth === 0) {
            rejectBetween(buffer.slice(cursor, index), cursorLine, items);
            valueStart = index;
            valueLine = line;
          }
          depth += 1;
        } else if ((code === 125 || code === 93) && depth > 0) {
          depth -= 1;
          if (depth === 0) {
            if (overLongHead !== undefined) {
              items.push(overLongReject(overLongHead, valueLine, limit));
              overLongHead = undefined;
            } else if (index + 1 - valueStart > limit) {
              items.push(overLongReject(buffer.slice(valueStart, valueStart + kept), valueLine, limit));
            } else {
              items.push(parseItem(buffer.slice(valueStart, index + 1), valueLine));
            }
            valueStart = -1;
            cursor = index + 1;
            cursorLine = line;
          }
        }
      }
      if (valueStart !== -1 && overLongHead === undefined && buffer.length - valueStart > limit) {
        overLongHead = buffer.slice(valueStart, valueStart + kept);
      }
      if (overLongHead !== undefined) {
        // Only the scanner's state is kept of a value over the limit.
        buffer = '';
        valueStart = 0;
        cursor = 0;
      } else if (valueStart === -1) {
        // Whole lines of text between values are rejected now, so they are never held.
        const newline = buffer.lastIndexOf('\n');
        if (newline >= cursor) {
          rejectBetween(buffer.slice(cursor, newline), cursorLine, items);
          cursorLine = line;
          cursor = newline + 1;
        }
        if (buffer.length - cursor > limit) {
          items.push(overLongReject(buffer.slice(cursor, cursor + kept), cursorLine, limit));
          cursor = buffer.length;
        }
      }
      const keep = valueStart === -1 ? cursor : valueStart;
      buffer = buffer.slice(keep);
      if (valueStart !== -1) valueStart -= keep;
      cursor = 0;
      scanned = buffer.length;
      return items;
    },
    flush() {
      const items: ReadItem[] = [];
      if (overLongHead !== undefined) {
        items.push(overLongReject(overLongHead, valueLine, limit));
      } else if (depth > 0) {
        const rest = buffer.slice(valueStart).trim();
        items.push({ kind: 'reject', text: rest, line: valueLine, error: 'input ended inside a JSON value' });
      } else {
        rejectBetween(buffer.slice(cursor), cursorLine, items, 'text after the last JSON value');
      }
      buffer = '';
      scanned = 0;
      return items;
    },
  };
}
