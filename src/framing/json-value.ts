import { describeParseError, maxNestingDepth, nestsDeeperThan, type ReadItem, type RecordReader } from './read-item.js';

/**
 * Reads one JSON value: an array gives one record per element, anything else one record.
 * The whole input is buffered (JSON has no record boundaries before its end).
 */
export function createJsonValueReader(): RecordReader {
  const chunks: string[] = [];
  return {
    push(chunk) {
      chunks.push(chunk);
      return [];
    },
    flush() {
      let text = chunks.join('');
      chunks.length = 0;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') return [];
      if (nestsDeeperThan(text, maxNestingDepth + 1)) {
        return [{ kind: 'reject', text, line: 1, error: `JSON nested deeper than ${maxNestingDepth} levels` }];
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return [{ kind: 'reject', text, line: 1, error: describeParseError(error) }];
      }
      if (!Array.isArray(value)) return [{ kind: 'record', record: value, line: 1, text }];
      return value.map((record): ReadItem => ({ kind: 'record', record, line: 1 }));
    },
  };
}
