import { parseItem, type ReadItem, type RecordReader } from './read-item.js';

/**
 * Reads JSON values written one after another with no separator (agno 1.x playground streams
 * pretty-printed objects back to back). A scanner tracks strings and nesting so each character
 * is looked at once; text between values that is not JSON is rejected.
 */
export function createConcatenatedJsonReader(): RecordReader {
  let buffer = '';
  let scanned = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Where the value being read starts in `buffer`, or -1 between values. */
  let valueStart = -1;
  /** Where the text after the last complete value starts in `buffer`. */
  let cursor = 0;
  let line = 1;
  let valueLine = 1;
  let first = true;

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
            const between = buffer.slice(cursor, index).trim();
            if (between !== '') items.push({ kind: 'reject', text: between, line: valueLine, error: 'text between JSON values' });
            valueStart = index;
            valueLine = line;
          }
          depth += 1;
        } else if ((code === 125 || code === 93) && depth > 0) {
          depth -= 1;
          if (depth === 0) {
            items.push(parseItem(buffer.slice(valueStart, index + 1), valueLine));
            valueStart = -1;
            cursor = index + 1;
            valueLine = line;
          }
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
      const rest = buffer.trim();
      const error = depth > 0 ? 'input ended inside a JSON value' : 'text after the last JSON value';
      buffer = '';
      scanned = 0;
      if (rest === '') return [];
      return [{ kind: 'reject', text: rest, line: valueLine, error }];
    },
  };
}
