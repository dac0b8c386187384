import type { AnyFormat } from '../pipeline/format.js';

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

/**
 * Creates a writer. `sse` uses the target format's own framing: agno's `event:`/`data:` pairs,
 * the AI SDK's `data:` lines ended by `[DONE]`; a format without framing gets `data:` lines.
 * @param format the target format, for its SSE framing.
 */
export function createRecordWriter(framing: OutputFraming, format?: Pick<AnyFormat, 'sseFrame' | 'sseDone'>): RecordWriter {
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
          const event = frame.event === undefined ? '' : `event: ${frame.event}\n`;
          return `${event}data: ${frame.data.split('\n').join('\ndata: ')}\n\n`;
        },
        end: () => (format?.sseDone === true ? 'data: [DONE]\n\n' : ''),
      };
  }
}
