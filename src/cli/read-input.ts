import { createRecordReader, type InputFraming } from '../framing/record-reader.js';
import type { ReadItem, RecordReaderOptions } from '../framing/read-item.js';
import { createProgress, type InputSource, readText, terminalInputHint } from './io.js';

/** Options of {@link readInput}. */
export interface ReadInputOptions extends RecordReaderOptions {
  /** Show a progress line when stderr is a terminal. */
  progress: boolean;
  onInvalidUtf8?: (offset: number) => void;
  /** Stops reading; the text after the last complete record is then left unread, not rejected. */
  signal?: AbortSignal;
}

/**
 * Reads an input item by item in constant memory, showing progress on a terminal.
 * `onItem` may return a promise to slow the read down (output backpressure).
 */
export async function readInput(
  input: InputSource,
  framing: InputFraming,
  onItem: (item: ReadItem) => Promise<void> | void,
  options: ReadInputOptions,
): Promise<void> {
  const reader = createRecordReader(framing, options.maxRecordLength === undefined ? {} : { maxRecordLength: options.maxRecordLength });
  const counter = { bytes: 0 };
  const progress = createProgress(options.progress, input.size);
  if (input.waitsOnTerminal) process.stderr.write(terminalInputHint);
  let records = 0;
  for await (const text of readText(input, counter, options.onInvalidUtf8, options.signal)) {
    for (const item of reader.push(text)) {
      records += 1;
      const pending = onItem(item);
      if (pending !== undefined) await pending;
    }
    progress.update(records, counter.bytes);
  }
  progress.done();
  if (options.signal?.aborted === true) return;
  for (const item of reader.flush()) {
    const pending = onItem(item);
    if (pending !== undefined) await pending;
  }
}
