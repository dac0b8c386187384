import { createRecordReader, type InputFraming } from '../framing/record-reader.js';
import type { ReadItem } from '../framing/read-item.js';
import { createProgress, readText } from './io.js';

/**
 * Reads a file (or standard input) item by item in constant memory, showing progress on a
 * terminal. `onItem` may return a promise to slow the read down (output backpressure).
 */
export async function readInput(
  file: string | undefined,
  framing: InputFraming,
  onItem: (item: ReadItem) => Promise<void> | void,
  options: { progress: boolean; onInvalidUtf8?: (offset: number) => void },
): Promise<void> {
  const reader = createRecordReader(framing);
  const counter = { bytes: 0 };
  const progress = createProgress(options.progress);
  let records = 0;
  for await (const text of readText(file, counter, options.onInvalidUtf8)) {
    for (const item of reader.push(text)) {
      records += 1;
      const pending = onItem(item);
      if (pending !== undefined) await pending;
    }
    progress.update(records, counter.bytes);
  }
  for (const item of reader.flush()) {
    const pending = onItem(item);
    if (pending !== undefined) await pending;
  }
  progress.done();
}
