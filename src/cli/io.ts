import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, realpathSync, type Stats, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A misuse of the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A file the command cannot read or write, or must not overwrite: one line on stderr, exit code 2,
 * raised before anything is read.
 */
export class FileError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

/** What a failed `open` or `stat` means for a user, by errno code. */
const fileProblems: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EROFS: 'read-only file system',
};

function describeFileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return fileProblems[code] ?? (error instanceof Error ? error.message : String(error));
}

/** The input of a command: a file or standard input, opened before anything else happens. */
export interface InputSource {
  stream: Readable;
  /** The file's size in bytes, for progress; undefined for pipes and terminals. */
  size: number | undefined;
  /** The device and inode the input reads from, when it is a file (also standard input redirected from one). */
  identity: string | undefined;
  /** Standard input attached to a terminal: nothing arrives until the user types or pipes. */
  waitsOnTerminal: boolean;
}

function identityOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

/**
 * Opens a file, or standard input for `-` or no file.
 * @throws FileError naming the file and the reason when it cannot be read.
 */
export function openInput(file: string | undefined): InputSource {
  if (file === undefined || file === '-') {
    let stats: Stats | undefined;
    try {
      stats = fstatSync(0);
    } catch {
      stats = undefined;
    }
    const regular = stats?.isFile() === true;
    return {
      stream: process.stdin,
      size: regular ? stats?.size : undefined,
      identity: regular && stats !== undefined ? identityOf(stats) : undefined,
      waitsOnTerminal: process.stdin.isTTY === true,
    };
  }
  let descriptor: number;
  let stats: Stats;
  try {
    descriptor = openSync(file, 'r');
    stats = fstatSync(descriptor);
  } catch (error) {
    throw new FileError(`cannot read ${file}: ${describeFileProblem(error)}`);
  }
  if (stats.isDirectory()) {
    closeSync(descriptor);
    throw new FileError(`cannot read ${file}: it is a directory`);
  }
  return {
    stream: createReadStream(file, { fd: descriptor, highWaterMark: 1 << 16 }),
    size: stats.isFile() ? stats.size : undefined,
    identity: identityOf(stats),
    waitsOnTerminal: false,
  };
}

/**
 * What a path will name once written: the device and inode of an existing file (symbolic links
 * followed), else the real path of its directory joined with its name.
 */
function outputIdentity(path: string): string {
  try {
    return identityOf(statSync(path));
  } catch {
    try {
      return `path:${join(realpathSync(dirname(path)), basename(path))}`;
    } catch {
      return `path:${path}`;
    }
  }
}

/** An output file named by an option such as `--rejects`. */
export interface OutputFile {
  flag: string;
  path: string;
}

/**
 * Opens output files for writing, after checking that none of them is the input and that no two
 * are the same file: opening truncates, and the input would be lost before it is read.
 * @throws FileError naming the option and the reason.
 */
export function openOutputs(input: InputSource, outputs: readonly OutputFile[]): TextSink[] {
  const seen = new Map<string, string>();
  for (const output of outputs) {
    const identity = outputIdentity(output.path);
    if (identity === input.identity) throw new FileError(`${output.flag} ${output.path} is the input file; it would be overwritten before it is read`);
    const earlier = seen.get(identity);
    if (earlier !== undefined) throw new FileError(`${earlier} and ${output.flag} name the same file (${output.path}); give each its own`);
    seen.set(identity, output.flag);
  }
  const descriptors: number[] = [];
  for (const output of outputs) {
    try {
      descriptors.push(openSync(output.path, 'w'));
    } catch (error) {
      for (const descriptor of descriptors) closeSync(descriptor);
      const problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : describeFileProblem(error);
      throw new FileError(`cannot write ${output.flag} ${output.path}: ${problem}`);
    }
  }
  return descriptors.map((descriptor, index) => sinkFor(createWriteStream(outputs[index]!.path, { fd: descriptor }), true));
}

/**
 * Decoded text chunks of an input, with bytes read so far. Invalid UTF-8 is replaced by U+FFFD
 * (the record stays readable JSON) and reported once. Stops quietly when `signal` aborts.
 * @param onInvalidUtf8 told the byte offset of the chunk where invalid UTF-8 was first met.
 */
export async function* readText(
  input: InputSource,
  progress?: { bytes: number },
  onInvalidUtf8?: (offset: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const stream = input.stream;
  // Waiting on a terminal or a silent pipe must end when the user interrupts.
  const stop = (): void => void stream.destroy();
  signal?.addEventListener('abort', stop, { once: true });
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
      if (signal?.aborted === true) return;
    }
  } catch (error) {
    if (signal?.aborted === true) return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Buffers text and writes it in large pieces, waiting when the destination is full. */
export interface TextSink {
  write(text: string): Promise<void> | void;
  close(): Promise<void>;
}

/**
 * A {@link TextSink} over a Node writable stream. Once the stream has failed (a reader that
 * closed the pipe), writes are dropped instead of waiting for a `drain` that never comes.
 */
export function sinkFor(stream: Writable, closeStream: boolean): TextSink {
  let buffer = '';
  async function drain(): Promise<void> {
    const text = buffer;
    buffer = '';
    if (stream.destroyed || stream.errored !== null) return;
    if (!stream.write(text)) await drainOrClose(stream);
  }
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= 1 << 16) return drain();
    },
    async close() {
      if (buffer !== '') await drain();
      if (closeStream && !stream.destroyed) {
        stream.end();
        await once(stream, 'finish').catch(() => undefined);
      }
    },
  };
}

/**
 * Waits until a full stream drains or closes. The listeners of the event that did not come are
 * removed: a pipe that fills on every piece waits thousands of times per conversion.
 */
async function drainOrClose(stream: Writable): Promise<void> {
  const settled = new AbortController();
  const { signal } = settled;
  try {
    await Promise.race([once(stream, 'drain', { signal }), once(stream, 'close', { signal })]);
  } catch {
    // A stream that failed while full: the next write sees it errored and drops what it holds.
  } finally {
    settled.abort();
  }
}

/** Formats a byte count for humans. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1 << 20) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** What the progress line shows: records and bytes read, the input's size when known, time spent. */
export interface ProgressState {
  records: number;
  bytes: number;
  /** The size of the input file; undefined for pipes and terminals. */
  total: number | undefined;
  elapsedMs: number;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The progress line: for a file, percentage of its bytes read and the time left at the rate so
 * far; for a pipe, whose size is unknown, records and records per second.
 */
export function formatProgress(state: ProgressState): string {
  const seconds = Math.max(state.elapsedMs / 1000, 0.001);
  if (state.total !== undefined && state.total > 0) {
    const share = Math.min(state.bytes / state.total, 1);
    const left = share === 0 ? undefined : (seconds / share) * (1 - share);
    const eta = left === undefined ? '' : ` · ETA ${formatDuration(left)}`;
    return `${Math.floor(share * 100)}% · ${formatBytes(state.bytes)} of ${formatBytes(state.total)} · ${state.records} records${eta}`;
  }
  return `${state.records} records · ${formatBytes(state.bytes)} · ${Math.round(state.records / seconds)} records/s`;
}

/**
 * A progress line on stderr, only when stderr is a terminal, at most four times a second.
 * @param total the input's size in bytes, when it is a file.
 */
export function createProgress(enabled: boolean, total?: number): { update(records: number, bytes: number): void; done(): void } {
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
      process.stderr.write(`\r\x1b[K${formatProgress({ records, bytes, total, elapsedMs: now - started })}`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Shown when a command waits on a terminal for standard input, which looks like a hang otherwise. */
export const terminalInputHint = 'agent-event-bridge: reading from stdin; pass a FILE or pipe records in (Ctrl-D ends)\n';

/**
 * The value of a flag that takes a positive whole number, or undefined when it is not given.
 * @param what what the number counts, for the usage error (`characters`, `runs`).
 * @throws UsageError for anything else.
 */
export function positiveWholeNumber(flag: string, value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) throw new UsageError(`--${flag} takes a positive whole number of ${what}, got "${value}"`);
  return number;
}
