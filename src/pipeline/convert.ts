import type { Issue } from '../model/issue.js';
import { type ConversionStats, type ConverterOptions, type ReaderReference, type WriterReference, createConverter } from './converter.js';

/** What {@link convert} returns for an array input. */
export interface ConvertResult {
  output: unknown[];
  issues: Issue[];
  stats: ConversionStats;
}

/** An async iterable of converted records that also exposes the conversion's issues as they arrive. */
export interface ConvertedIterable extends AsyncIterable<unknown> {
  readonly issues: Issue[];
  readonly stats: ConversionStats;
}

/**
 * Options of {@link convert}: `from` (default `auto`), `to`, `strict`, and the options of the
 * decoder (`decode`) and encoder (`encode`), typed per format. Here names and `auto` resolve
 * among `formats` only; the root entry's `convert` defaults them to every registered format.
 */
export type ConvertOptions<From extends ReaderReference | 'auto' = ReaderReference | 'auto', To extends WriterReference = WriterReference> = ConverterOptions<From, To>;

/**
 * Converts records from one format to another through the canonical model.
 * An array converts synchronously; an async iterable or a `ReadableStream` converts lazily,
 * record by record, and keeps the consumer's pace.
 * @param input parsed records (objects), not text: see `framing` to read JSONL or SSE.
 */
export function convert<From extends ReaderReference | 'auto' = 'auto', To extends WriterReference = WriterReference>(input: readonly unknown[], options: ConvertOptions<From, To>): ConvertResult;
export function convert<From extends ReaderReference | 'auto' = 'auto', To extends WriterReference = WriterReference>(
  input: ReadableStream<unknown>,
  options: ConvertOptions<From, To>,
): ReadableStream<unknown>;
export function convert<From extends ReaderReference | 'auto' = 'auto', To extends WriterReference = WriterReference>(
  input: AsyncIterable<unknown>,
  options: ConvertOptions<From, To>,
): ConvertedIterable;
export function convert(
  input: readonly unknown[] | ReadableStream<unknown> | AsyncIterable<unknown>,
  options: ConvertOptions,
): ConvertResult | ReadableStream<unknown> | ConvertedIterable {
  if (Array.isArray(input)) return convertArray(input, options);
  if (typeof ReadableStream !== 'undefined' && input instanceof ReadableStream) {
    return convertReadable(input, options);
  }
  if (typeof (input as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return convertIterable(input as AsyncIterable<unknown>, options);
  }
  throw new TypeError('convert() takes an array, an AsyncIterable or a ReadableStream of parsed records');
}

function convertArray(input: readonly unknown[], options: ConvertOptions): ConvertResult {
  const converter = createConverter(options);
  const output: unknown[] = [];
  for (const record of input) {
    for (const out of converter.push(record)) output.push(out);
  }
  for (const out of converter.flush()) output.push(out);
  return { output, issues: converter.issues, stats: converter.stats };
}

function convertIterable(input: AsyncIterable<unknown>, options: ConvertOptions): ConvertedIterable {
  const converter = createConverter(options);
  return {
    issues: converter.issues,
    stats: converter.stats,
    async *[Symbol.asyncIterator]() {
      try {
        for await (const record of input) yield* converter.push(record);
      } catch (error) {
        yield* converter.fail(error);
        throw error;
      }
      yield* converter.flush();
    },
  };
}

function convertReadable(input: ReadableStream<unknown>, options: ConvertOptions): ReadableStream<unknown> {
  const converter = createConverter(options);
  const reader = input.getReader();
  let failure: { error: unknown } | undefined;
  return new ReadableStream<unknown>({
    // Reads only when the consumer wants more: a slow consumer holds the source back.
    async pull(controller) {
      // Erroring a stream discards what is queued: the run-errors are read first, then the error.
      if (failure !== undefined) {
        controller.error(failure.error);
        return;
      }
      for (;;) {
        let next: ReadableStreamReadResult<unknown>;
        try {
          next = await reader.read();
        } catch (error) {
          failure = { error };
          const out = converter.fail(error);
          for (const record of out) controller.enqueue(record);
          if (out.length === 0) controller.error(error);
          return;
        }
        if (next.done) {
          for (const out of converter.flush()) controller.enqueue(out);
          controller.close();
          return;
        }
        let out: unknown[];
        try {
          out = converter.push(next.value);
        } catch (error) {
          // Strict mode stopped the conversion: the source is not read any further.
          await reader.cancel(error).catch(() => undefined);
          throw error;
        }
        for (const record of out) controller.enqueue(record);
        if (out.length > 0) return;
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * What {@link createConvertStream} returns: a readable/writable pair for `pipeThrough`, with the
 * conversion's issues and counts as they arrive.
 */
export interface ConvertStream extends ReadableWritablePair<unknown, unknown> {
  readonly issues: Issue[];
  readonly stats: ConversionStats;
}

/**
 * A readable/writable pair that converts parsed records from one format to another; use it with
 * `pipeThrough` like a `TransformStream`. Backpressure and cancellation pass through as with one.
 * Unlike a `TransformStream`, a writable side that fails (the source piped in errors, or the
 * writer aborts) first ends every open run with a `run-error` in the target format, and only
 * then fails the readable side with the source's error, once those records are read.
 */
export function createConvertStream<From extends ReaderReference | 'auto' = 'auto', To extends WriterReference = WriterReference>(
  options: ConvertOptions<From, To>,
): ConvertStream {
  const converter = createConverter(options);
  let output!: ReadableStreamDefaultController<unknown>;
  let input!: WritableStreamDefaultController;
  // Set when the source failed after its run-errors were queued: the readable fails once they are read.
  let failure: { error: unknown } | undefined;
  // A write waits until the consumer asks for more, so a slow consumer holds the source back.
  let demand = createSignal();

  function enqueueAll(records: unknown[]): void {
    for (const record of records) output.enqueue(record);
    if (records.length > 0 && (output.desiredSize ?? 0) <= 0) demand = createSignal();
  }

  const readable = new ReadableStream<unknown>(
    {
      start(controller) {
        output = controller;
      },
      pull(controller) {
        if (failure !== undefined) controller.error(failure.error);
        demand.resolve();
      },
      cancel(reason) {
        failure = { error: reason };
        // Fails the writable side, which makes a pipe cancel its source with this reason.
        input.error(reason);
        demand.resolve();
      },
    },
    { highWaterMark: 0 },
  );
  const writable = new WritableStream<unknown>({
    start(controller) {
      input = controller;
    },
    async write(record) {
      await demand.settled;
      if (failure !== undefined) throw failure.error;
      try {
        enqueueAll(converter.push(record));
      } catch (error) {
        // Strict mode stopped the conversion: both sides fail, as a throwing transform does.
        failure = { error };
        output.error(error);
        throw error;
      }
    },
    close() {
      enqueueAll(converter.flush());
      output.close();
    },
    abort(reason) {
      if (failure !== undefined) return;
      failure = { error: reason };
      const records = converter.fail(reason);
      enqueueAll(records);
      if (records.length === 0) output.error(reason);
    },
  });
  return { readable, writable, issues: converter.issues, stats: converter.stats };
}

interface Signal {
  readonly settled: Promise<void>;
  resolve(): void;
}

function createSignal(): Signal {
  let resolve!: () => void;
  const settled = new Promise<void>((done) => {
    resolve = done;
  });
  return { settled, resolve };
}
