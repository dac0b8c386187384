import { findApproximations } from './approximations.js';
import {
  describeParseError,
  isJsonBlank,
  maxNestingDepth,
  nestsDeeperThan,
  overLongReject,
  type ReadItem,
  type RecordReader,
  type RecordReaderOptions,
  recordLimits,
} from './read-item.js';

/**
 * Reads one JSON value: an array gives one record per element, anything else one record.
 * The whole input is buffered (JSON has no record boundaries before its end), up to
 * `maxRecordLength`; a longer input is rejected whole, keeping only its head.
 */
export function createJsonValueReader(options: RecordReaderOptions = {}): RecordReader {
  const { limit, kept } = recordLimits(options);
  const chunks: string[] = [];
  let length = 0;
  let head: string | undefined;
  return {
    push(chunk) {
      if (head !== undefined) return [];
      length += chunk.length;
      if (length > limit) {
        head = `${chunks.join('').slice(0, kept)}${chunk.slice(0, kept)}`.slice(0, kept);
        chunks.length = 0;
        return [];
      }
      chunks.push(chunk);
      return [];
    },
    flush() {
      if (head !== undefined) return [overLongReject(head, 1, limit)];
      let text = chunks.join('');
      chunks.length = 0;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (isJsonBlank(text)) return [];
      if (nestsDeeperThan(text, maxNestingDepth + 1)) {
        return [{ kind: 'reject', text, line: 1, error: `JSON nested deeper than ${maxNestingDepth} levels` }];
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return [{ kind: 'reject', text, line: 1, error: describeParseError(error) }];
      }
      const warnings = findApproximations(text, value);
      if (!Array.isArray(value)) return [warnings === undefined ? { kind: 'record', record: value, line: 1, text } : { kind: 'record', record: value, line: 1, text, warnings }];
      const items = value.map((record): ReadItem & { kind: 'record' } => ({ kind: 'record', record, line: 1 }));
      // A warning at `[3].x` belongs to the fourth record, at its path `x`.
      for (const warning of warnings ?? []) {
        const [, index, rest] = /^\[(\d+)\]\.?(.*)$/.exec(warning.path ?? '') ?? [];
        const item = items[Number(index)];
        if (item === undefined) continue;
        const { path: _path, ...issue } = warning;
        (item.warnings ??= []).push(rest === undefined || rest === '' ? issue : { ...issue, path: rest });
      }
      return items;
    },
  };
}
