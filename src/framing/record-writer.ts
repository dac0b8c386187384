import type { IssueInput } from '../model/issue.js';
import type { AnyFormat, SseFrame } from '../pipeline/format.js';

/** How output records are framed. */
export type OutputFraming = 'jsonl' | 'sse' | 'json';

/** The output framings, for argument checking. */
export const outputFramings: readonly OutputFraming[] = ['jsonl', 'sse', 'json'];

/** Turns records into text, one call per record. */
export interface RecordWriter {
  /** The text of one record. */
  write(record: unknown): string;
  /** The closing text (`]` of a JSON array, `data: [DONE]` of an AI SDK stream). */
  end(): string;
}

/** Options of {@link createRecordWriter}. */
export interface RecordWriterOptions {
  /** Told of a frame field left out because its value cannot be one SSE line. */
  onIssue?: (issue: IssueInput) => void;
}

/** CR, LF and NUL: an SSE field ends at a line break, and clients ignore an `id` holding NUL. */
const unsafeFieldValue = /[\r\n\0]/;

/** Every SSE line break: CRLF, CR alone, LF alone. */
const sseLineBreak = /\r\n|\r|\n/;

/**
 * The `event:` and `id:` lines of a frame. A value holding a line break would end the field
 * and start fields (or whole frames) of the value's choosing, so it is left out and reported;
 * the `data:` line still carries the whole record, so nothing of it is lost.
 */
function fieldLines(frame: SseFrame, onIssue: RecordWriterOptions['onIssue']): string {
  let lines = '';
  for (const field of ['event', 'id'] as const) {
    const value = frame[field];
    if (value === undefined) continue;
    if (unsafeFieldValue.test(value)) {
      onIssue?.({
        code: 'dropped',
        level: 'warning',
        path: field,
        message: `the SSE ${field} field ${JSON.stringify(value)} holds a line break or NUL and was left out of its frame; the record is whole in data`,
      });
      continue;
    }
    lines += `${field}: ${value}\n`;
  }
  return lines;
}

/**
 * Creates a writer. `sse` uses the target format's own framing: agno's `event:`/`data:` pairs,
 * the AI SDK's `data:` lines ended by `[DONE]`; a format without framing gets `data:` lines.
 * Whatever a format's `sseFrame` returns, one record is one frame: `data` is split at every line
 * break into `data:` lines, and an `event`/`id` value with a line break is left out.
 * @param format the target format, for its SSE framing.
 */
export function createRecordWriter(
  framing: OutputFraming,
  format?: Pick<AnyFormat, 'sseFrame' | 'sseDone'>,
  options: RecordWriterOptions = {},
): RecordWriter {
  switch (framing) {
    case 'jsonl':
      return { write: (record) => `${JSON.stringify(record)}\n`, end: () => '' };
    case 'json': {
      let count = 0;
      return {
        write(record) {
          count += 1;
          return `${count === 1 ? '[\n' : ',\n'}${JSON.stringify(record)}`;
        },
        end: () => (count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'sse':
      return {
        write(record) {
          const frame = format?.sseFrame?.(record) ?? { data: JSON.stringify(record) };
          return `${fieldLines(frame, options.onIssue)}data: ${frame.data.split(sseLineBreak).join('\ndata: ')}\n\n`;
        },
        end: () => (format?.sseDone === true ? 'data: [DONE]\n\n' : ''),
      };
  }
}
