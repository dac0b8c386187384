import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** A misuse of the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Decoded text chunks of a file, or of standard input for `-` or no file, with bytes read so far.
 * Invalid UTF-8 is replaced by U+FFFD (the record stays readable JSON) and reported once.
 * @param onInvalidUtf8 told the byte offset of the chunk where invalid UTF-8 was first met.
 */
export async function* readText(
  file: string | undefined,
  progress?: { bytes: number },
  onInvalidUtf8?: (offset: number) => void,
): AsyncGenerator<string> {
  const stream = file === undefined || file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 16 });
  let decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (progress !== undefined) progress.bytes += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // Only the first fault is reported: from here on the decoder replaces instead of throwing.
        onInvalidUtf8?.(offset);
        decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
        text = decoder.decode(chunk, { stream: true });
      }
      offset += chunk.length;
      if (text !== '') yield text;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read ${file}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`cannot read ${file}: it is a directory`);
    throw error;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Buffers text and writes it in large pieces, waiting when the destination is full. */
export interface TextSink {
  write(text: string): Promise<void> | void;
  close(): Promise<void>;
}

/** A {@link TextSink} over a Node writable stream. */
export function sinkFor(stream: Writable, closeStream: boolean): TextSink {
  let buffer = '';
  async function drain(): Promise<void> {
    const text = buffer;
    buffer = '';
    if (!stream.write(text)) await once(stream, 'drain');
  }
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= 1 << 16) return drain();
    },
    async close() {
      if (buffer !== '') await drain();
      if (closeStream) {
        stream.end();
        await once(stream, 'finish');
      }
    },
  };
}

/** A {@link TextSink} writing to a new file. */
export function fileSink(path: string): TextSink {
  const stream: WriteStream = createWriteStream(path);
  return sinkFor(stream, true);
}

/** Formats a byte count for humans. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1 << 20) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** A progress line on stderr, only when stderr is a terminal, at most four times a second. */
export function createProgress(enabled: boolean): { update(records: number, bytes: number): void; done(): void } {
  const active = enabled && process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(records, bytes) {
      if (!active) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      const seconds = Math.max((now - started) / 1000, 0.001);
      process.stderr.write(`\r${records} records · ${formatBytes(bytes)} · ${formatBytes(bytes / seconds)}/s   `);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
