import type { UIMessageChunk } from 'ai';
import type { ReadItem } from '../../src/framing/read-item.js';
import { ConversionError, type Issue } from '../../src/model/issue.js';
import { type InputFraming, createRecordReader } from '../../src/framing/record-reader.js';
import { createRecordWriter } from '../../src/framing/record-writer.js';
import { type Converter, type ConverterOptions, type ReaderReference, type FormatsFor, createConverter } from '../../src/pipeline/converter.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { Resolution } from '../../src/model/snapshot.js';
import { aiSdkUiWriter } from './format.js';
import { bridgeDataType } from './metadata.js';
import { type UiTarget, fitsTarget } from './ui-encoder.js';

/**
 * Records of the format `from` names: an array, an async iterable or a `ReadableStream` of parsed
 * records, or of text (strings or bytes: JSONL, SSE, concatenated JSON, as an upstream response
 * body gives them), read with the framing readers.
 */
export type RecordSource = readonly unknown[] | AsyncIterable<unknown> | ReadableStream<unknown>;

/**
 * Options of {@link toUIMessageStreamResponse} and {@link pipeUIMessageStreamToServerResponse}.
 * `from` is the format of the records, given as its reader (`agnoReader` from
 * `agent-event-bridge/agno`: a bundle then holds that format's decoder only) or as the whole
 * format (`agnoFormat`). Names and `auto` resolve among `formats` (`listFormats()` from the root
 * entry for every registered one).
 */
export interface UIMessageStreamOptions<From extends ReaderReference | 'auto' = ReaderReference | 'auto'>
  extends Omit<ConverterOptions<From>, 'to' | 'encode'> {
  /** How text input is framed (default `auto`: sniffed); parsed records need none. */
  framing?: InputFraming;
  /** The AI SDK version of the client (default `v7`). */
  target?: UiTarget;
  /** Response status (default 200). */
  status?: number;
  /** Headers added to (or replacing) the UI message stream headers. */
  headers?: Record<string, string>;
  /**
   * The text the client gets for a failed run or source, like the AI SDK's own `onError`: error
   * messages may hold server details (stack traces, hosts, keys), so the default sends
   * `An error occurred.` Return `error.message` (or your own text) to show more.
   */
  onError?: (error: unknown) => string;
  /**
   * `relay` sends the source records themselves (agno's `session_state`, `metadata`, input and
   * system messages, tool metrics …) to the browser; it is refused unless this says so.
   */
  exposeSourceRecordsToBrowser?: boolean;
  /**
   * Called once when the client stops reading before the source ended (Stop in useChat, a closed
   * tab, `signal` aborted), after the source was cancelled: the place to stop the run where it
   * runs, e.g. `fetch` of `agentOSCancelRequest` (`agent-event-bridge/agno`) for `run.runId`.
   * Cancelling an AgentOS response body is enough for a run AgentOS streams inline (it cancels the
   * run of a client that went away); a background run needs the cancel route.
   */
  onCancel?: (run: CancelledRun) => void | Promise<void>;
  /** Aborting it stops the stream as a client's cancel does: pass the request's `signal`. */
  signal?: AbortSignal;
  /**
   * Sends an SSE comment (`: heartbeat`) whenever the source has been silent this long (ms), so
   * that proxies and load balancers keep an idle connection open while the agent thinks or waits.
   * useChat's parser (eventsource-parser) skips comments. Off by default.
   */
  heartbeatMs?: number;
  /**
   * The answers the client sent with this request (`resolutionsFromUIMessages`), when the records
   * continue a paused run. A call the user denied is written as `tool-output-denied` right after
   * the run's `start` chunk, as the AI SDK's own `streamText` does: agno's continued stream says
   * nothing about a tool it did not run, so without this useChat keeps showing the part as
   * `approval-responded`. Nothing is written for approved calls, nor for a `v5` client (its
   * protocol has no approvals).
   */
  answers?: readonly Resolution[];
}

/** What {@link UIMessageStreamOptions.onCancel} learns of the stream it stopped. */
export interface CancelledRun {
  /**
   * The id of the run the client was shown (the `start` chunk's `messageId`): the source's run
   * id, e.g. agno's `run_id`; undefined when the source was stopped before its run started.
   */
  runId: string | undefined;
  /** What the stream was cancelled with (`ReadableStream.cancel(reason)`, the signal's reason). */
  reason: unknown;
}

/** The text a client gets for an error by default, as in the AI SDK's `createUIMessageStream`. */
const maskedErrorText = 'An error occurred.';

/** Refuses `relay` toward a browser unless the caller named the risk. */
function checkRelay(options: UIMessageStreamOptions): void {
  if (options.relay === true && options.exposeSourceRecordsToBrowser !== true) {
    throw new ConversionError(
      'relay sends the source records, server-side state included, to the browser; pass exposeSourceRecordsToBrowser: true as well to allow it',
    );
  }
}

/**
 * A chunk as the browser may see it: the text of an `error` chunk, and of a member's error in
 * our data part, replaced by what `onError` makes of it.
 */
function masked(chunk: unknown, onError: (error: unknown) => string, cause?: unknown): unknown {
  if (typeof chunk !== 'object' || chunk === null) return chunk;
  const record = chunk as Record<string, unknown>;
  if (record.type === 'error' && typeof record.errorText === 'string') return { ...record, errorText: onError(cause ?? new Error(record.errorText)) };
  const data = record.data as { event?: { type?: unknown; error?: { message?: unknown } } } | undefined;
  const event = data?.event;
  if (record.type !== bridgeDataType || event?.type !== 'run-error' || typeof event.error?.message !== 'string') return chunk;
  const message = onError(new Error(event.error.message));
  return { ...record, data: { ...data, event: { ...event, error: { ...event.error, message } } } };
}

/**
 * A Node `ServerResponse`, typed by what is used of it, so that this module needs no Node types
 * (adapters run in browsers and edge runtimes too).
 */
export interface ServerResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  end(): unknown;
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  /** Removes a listener `once` added (`ServerResponse.off`). */
  off?(event: 'drain' | 'close', listener: () => void): unknown;
  /** Whether the client went away (`ServerResponse.destroyed`). */
  readonly destroyed?: boolean;
}

/**
 * A source opened for reading, with a cancel that reaches it at once: an async generator's
 * `return()` waits for the read in progress, so cancelling through the generators that read the
 * source would wait for the source's next record, which an idle agent may never send.
 */
interface OpenSource {
  next(): Promise<IteratorResult<unknown>>;
  /** Cancels a stream (a pending read ends), returns an iterator (`return()`). */
  cancel(reason: unknown): void;
  /** Lets go of a stream the source ended or failed. */
  release(): void;
}

/** Cancelling is the client leaving: a source that fails to cancel has no one left to tell. */
function ignore(): void {}

function openSource(source: RecordSource): OpenSource {
  if (Array.isArray(source)) {
    let index = 0;
    return {
      next: () => Promise.resolve(index < source.length ? { done: false, value: source[index++] } : { done: true, value: undefined }),
      cancel: () => {
        index = source.length;
      },
      release: ignore,
    };
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    const reader = source.getReader();
    return {
      next: () => reader.read(),
      cancel: (reason) => void reader.cancel(reason).catch(ignore),
      release: () => reader.releaseLock(),
    };
  }
  const iterator = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  return {
    next: () => iterator.next(),
    cancel: (reason) => {
      if (iterator.return !== undefined) void Promise.resolve(iterator.return(reason)).catch(ignore);
    },
    release: ignore,
  };
}

/** Strict mode's stop at an unreadable line of a text source. */
class UnreadableLine extends Error {
  constructor(
    readonly line: number,
    override readonly cause: ConversionError,
  ) {
    super(cause.message);
  }
}

/** How many line numbers of unreadable lines the closing error chunk names. */
const namedLinesLimit = 20;

/** The text of the error chunk that tells the client lines of its input were left out. */
function unreadableText(count: number, lines: readonly number[]): string {
  const named = lines.join(', ') + (count > lines.length ? ', …' : '');
  return `the input had ${count} unreadable line${count === 1 ? '' : 's'}, left out of this message (line${lines.length === 1 ? '' : 's'} ${named})`;
}

/**
 * The UI message chunks of a source, a batch at a time: what the helpers stream. Each record is
 * decoded, converted and encoded in one synchronous step, and the chunks of one read come back
 * together, so that a token costs one read of the source and no chain of async generators.
 */
interface ChunkBatches {
  /** The chunks of the next records that give any, or undefined once the stream ended or was cancelled. */
  next(): Promise<unknown[] | undefined>;
  /** The consumer stopped reading before the end: a cancel like any other (nothing once it ended). */
  stop(): Promise<void>;
}

/**
 * The UI message chunks of records of the format `from` names, as objects. Unreadable lines of a
 * text source go to `onReject` (and `onIssue`) and are named by one error chunk at the end:
 * useChat stops reading at an error, so the parts that could be read come first. In strict mode
 * the first unreadable line ends the stream like a failing source, after what preceded it.
 */
function uiMessageChunks(source: OpenSource, options: UIMessageStreamOptions, run: StreamRun, converter: Converter, settle: () => void): ChunkBatches {
  const { framing, onError = () => maskedErrorText } = options;
  let denials = deniedChunks(options);
  // Every chunk goes to a browser: error texts are what onError makes of them.
  const safe = (chunks: unknown[], shown: unknown[], cause?: unknown): void => {
    for (const chunk of chunks) {
      run.noteStart(chunk);
      shown.push(masked(chunk, onError, cause));
      if (denials.length === 0 || !isRecord(chunk) || chunk.type !== 'start') continue;
      // The denials belong to the run the stream continues: they follow its start, once.
      for (const denial of denials) shown.push(denial);
      denials = [];
    }
  };
  const reader = createRecordReader(framing);
  const bytes = new TextDecoder();
  const unreadable = { count: 0, lines: [] as number[] };
  const reject = (item: Extract<ReadItem, { kind: 'reject' }>): void => {
    const issue: Issue = { code: 'invalid-input', level: 'error', line: item.line, message: `unreadable input line left out: ${item.error}` };
    if (options.strict === true) throw new UnreadableLine(item.line, ConversionError.fromIssue(issue));
    unreadable.count += 1;
    if (unreadable.lines.length < namedLinesLimit) unreadable.lines.push(item.line);
    options.onIssue?.(issue);
    options.onReject?.(item.text, issue, { line: item.line });
  };
  const chunksOf = (items: ReadItem[], shown: unknown[]): void => {
    for (const item of items) {
      if (item.kind === 'reject') reject(item);
      else safe(converter.push(item.record, { line: item.line }), shown);
    }
  };
  /** A failing source ends the stream with error chunks (also reported through onIssue), after what preceded it. */
  const failed = (error: unknown, shown: unknown[]): unknown[] => {
    const failure = converter.fail(error instanceof UnreadableLine ? error.cause : error);
    if (error instanceof UnreadableLine) {
      // Strict mode stopped at a line it could not read: our own text, naming the line only, is not masked.
      safe(
        failure.filter((chunk) => (chunk as { type?: unknown }).type !== 'error'),
        shown,
      );
      shown.push({ type: 'error', errorText: unreadableText(1, [error.line]) });
      return shown;
    }
    safe(failure, shown, error);
    if (failure.length === 0) safe([{ type: 'error', errorText: error instanceof Error ? error.message : String(error) }], shown, error);
    return shown;
  };
  let text = false;
  let ended = false;
  /** Reads until a record gives chunks, the source ends (then the closing chunks) or fails. */
  async function read(): Promise<unknown[] | undefined> {
    const shown: unknown[] = [];
    try {
      while (shown.length === 0) {
        const next = await source.next();
        // A cancelled source ends its pending read: nothing more goes to a client that left.
        if (run.cancelled) return undefined;
        if (next.done === true) {
          if (text) chunksOf([...reader.push(bytes.decode()), ...reader.flush()], shown);
          ended = true;
          break;
        }
        const item = next.value;
        if (typeof item === 'string' || item instanceof Uint8Array) {
          text = true;
          chunksOf(reader.push(typeof item === 'string' ? item : bytes.decode(item, { stream: true })), shown);
        } else safe(converter.push(item), shown);
      }
    } catch (error) {
      ended = true;
      if (run.cancelled) return undefined;
      settle();
      return failed(error, shown);
    }
    if (!ended) return shown;
    safe(converter.flush(), shown);
    // Our own text, naming line numbers only: not masked.
    if (unreadable.count > 0) shown.push({ type: 'error', errorText: unreadableText(unreadable.count, unreadable.lines) });
    settle();
    return shown.length === 0 ? undefined : shown;
  }
  let finished = false;
  return {
    async next() {
      if (finished) return undefined;
      try {
        const batch = await read();
        finished = ended || batch === undefined;
        return batch;
      } catch (error) {
        // The closing step failed (strict mode): the stream fails, and its source is let go as at a cancel.
        finished = true;
        if (!run.cancelled) await run.cancel();
        throw error;
      }
    },
    async stop() {
      if (!finished && !run.cancelled) await run.cancel();
      finished = true;
    },
  };
}

/**
 * One stream of the helpers over one source: whether it was cancelled, the run id the client was
 * shown, and the cancel that stops the source and calls `onCancel`.
 */
interface StreamRun {
  readonly cancelled: boolean;
  /** Keeps the `messageId` of the first `start` chunk: the run {@link CancelledRun} names. */
  noteStart(chunk: unknown): void;
  /** Stops the source at once and calls `onCancel`, once; nothing when the source already ended. */
  cancel(reason?: unknown): Promise<void>;
}

/** The converter to `ai-sdk-ui` of a helper's options. */
function converterFor(options: UIMessageStreamOptions): Converter {
  const {
    target,
    framing: _framing,
    status: _status,
    headers: _headers,
    onError: _onError,
    exposeSourceRecordsToBrowser: _exposed,
    onCancel: _onCancel,
    signal: _signal,
    heartbeatMs: _heartbeatMs,
    answers: _answers,
    ...converterOptions
  } = options;
  return createConverter({ ...converterOptions, to: aiSdkUiWriter, encode: target === undefined ? {} : { target } });
}

/** The chunks of a source, and the run that can stop them. */
function openChunks(source: RecordSource, options: UIMessageStreamOptions): { batches: ChunkBatches; run: StreamRun } {
  // Made before the source is opened, so that an unknown format or a bad option throws where the
  // helper is called rather than in the middle of a response.
  const converter = converterFor(options);
  const opened = openSource(source);
  let runId: string | undefined;
  let ended = false;
  let cancelling: Promise<void> | undefined;
  const stopOnAbort = (): void => void run.cancel(options.signal?.reason).catch(ignore);
  const run: StreamRun = {
    get cancelled() {
      return cancelling !== undefined;
    },
    noteStart(chunk) {
      if (runId !== undefined || !isRecord(chunk) || chunk.type !== 'start') return;
      if (typeof chunk.messageId === 'string') runId = chunk.messageId;
    },
    cancel(reason) {
      if (ended) return Promise.resolve();
      cancelling ??= (async () => {
        opened.cancel(reason);
        options.signal?.removeEventListener('abort', stopOnAbort);
        await options.onCancel?.({ runId, reason });
      })();
      return cancelling;
    },
  };
  let exhausted = false;
  const reading: OpenSource = {
    ...opened,
    async next() {
      const next = await opened.next();
      exhausted ||= next.done === true;
      return next;
    },
  };
  /** The stream ended (read to its end, failed, or stopped by strict mode): the source is let go. */
  const settle = (): void => {
    if (run.cancelled || ended) return;
    ended = true;
    options.signal?.removeEventListener('abort', stopOnAbort);
    // A strict stop or a failure leaves the rest of the source unread: it is not kept running.
    if (exhausted) opened.release();
    else opened.cancel(undefined);
  };
  if (options.signal?.aborted === true) void run.cancel(options.signal.reason).catch(ignore);
  else options.signal?.addEventListener('abort', stopOnAbort, { once: true });
  return { batches: uiMessageChunks(reading, options, run, converter, settle), run };
}

/** The `tool-output-denied` chunks of the calls `options.answers` denies, when the client's protocol has them. */
function deniedChunks(options: UIMessageStreamOptions): unknown[] {
  const chunks = (options.answers ?? []).flatMap((answer) => (answer.approved === false && answer.toolCallId !== undefined ? [{ type: 'tool-output-denied', toolCallId: answer.toolCallId }] : []));
  return chunks.filter((chunk) => fitsTarget(chunk, options.target ?? 'v7'));
}

/** The SSE comment sent while the source is silent: useChat's parser and our SSE reader skip comments. */
const heartbeatFrame = ': heartbeat\n\n';

/** Pieces of SSE text, read one at a time (an async generator, or {@link sseText}'s reader). */
interface TextPieces {
  next(): Promise<IteratorResult<string, undefined>>;
  return(value?: undefined): Promise<unknown>;
}

/**
 * The SSE text of a source, a piece per batch of chunks (their frames joined), then `data: [DONE]`
 * unless it was cancelled; with `heartbeatMs`, heartbeat comments between pieces.
 */
function sseText(source: RecordSource, options: UIMessageStreamOptions): { pieces: TextPieces; run: StreamRun } {
  const { batches, run } = openChunks(source, options);
  const writer = createRecordWriter('sse', aiSdkUiWriter);
  let closed = false;
  const pieces: TextPieces = {
    async next() {
      const batch = await batches.next();
      if (batch !== undefined) {
        let text = '';
        for (const chunk of batch) text += writer.write(chunk);
        return { done: false, value: text };
      }
      if (closed || run.cancelled) return { done: true, value: undefined };
      closed = true;
      return { done: false, value: writer.end() };
    },
    async return() {
      await batches.stop();
      return { done: true, value: undefined };
    },
  };
  return { pieces: options.heartbeatMs === undefined ? pieces : withHeartbeats(pieces, options.heartbeatMs, run), run };
}

/** `frames`, with a heartbeat comment after every `interval` ms the next frame keeps us waiting. */
async function* withHeartbeats(frames: TextPieces, interval: number, run: StreamRun): AsyncGenerator<string, undefined> {
  // The read a heartbeat interrupted: the next turn waits for it again instead of reading twice.
  let pending: Promise<IteratorResult<string, undefined>> | undefined;
  try {
    for (;;) {
      pending ??= frames.next();
      let quiet: (value: undefined) => void = ignore;
      const silence = new Promise<undefined>((resolve) => {
        quiet = resolve;
      });
      const timer = setTimeout(quiet, interval);
      const next = await Promise.race([pending, silence]);
      clearTimeout(timer);
      if (next === undefined) {
        yield heartbeatFrame;
        continue;
      }
      pending = undefined;
      if (next.done === true) return undefined;
      yield next.value;
    }
  } finally {
    // Stopped at a heartbeat, a read is still pending and `frames.return()` would wait for it.
    if (pending !== undefined) await run.cancel();
    await frames.return(undefined);
  }
}

/**
 * The SSE text of a UI message stream made of records of the format `from` names: one
 * `data: <chunk>` frame per chunk, then `data: [DONE]` (the SSE writer of `src/framing`).
 * Returning the generator early, or aborting `options.signal`, cancels the source.
 */
export function uiMessageStreamText<From extends ReaderReference | 'auto' = 'auto'>(
  source: RecordSource,
  options: UIMessageStreamOptions<From> & FormatsFor<From>,
): AsyncGenerator<string> {
  checkRelay(options as UIMessageStreamOptions);
  const { batches, run } = openChunks(source, options as UIMessageStreamOptions);
  const writer = createRecordWriter('sse', aiSdkUiWriter);
  // One frame per yield, as the consumer of a generator of frames expects.
  async function* framed(): AsyncGenerator<string, undefined> {
    try {
      for (let batch = await batches.next(); batch !== undefined; batch = await batches.next()) {
        for (const chunk of batch) yield writer.write(chunk);
      }
      if (!run.cancelled) yield writer.end();
    } finally {
      await batches.stop();
    }
  }
  const heartbeatMs = (options as UIMessageStreamOptions).heartbeatMs;
  return heartbeatMs === undefined ? framed() : withHeartbeats(framed(), heartbeatMs, run);
}

/**
 * A `ReadableStream` of `UIMessageChunk`s made of records of the format `from` names, for the AI
 * SDK's own composition: `createUIMessageStream({execute({writer}) { writer.merge(stream) }})`.
 * Pulls from the source only as the consumer reads; cancelling it cancels the source at once,
 * even while a read is pending, and calls `onCancel`.
 */
export function toUIMessageChunkStream<From extends ReaderReference | 'auto' = 'auto'>(
  source: RecordSource,
  options: UIMessageStreamOptions<From> & FormatsFor<From>,
): ReadableStream<UIMessageChunk> {
  checkRelay(options as UIMessageStreamOptions);
  const { batches, run } = openChunks(source, options as UIMessageStreamOptions);
  return new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      const batch = await batches.next();
      // Cancelled while this read was pending: the stream is closed to us.
      if (run.cancelled) return;
      if (batch === undefined) controller.close();
      else for (const chunk of batch) controller.enqueue(chunk as UIMessageChunk);
    },
    cancel(reason) {
      return run.cancel(reason);
    },
  });
}

/** The headers of a UI message stream, with the caller's on top. */
export function uiMessageStreamHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { ...aiSdkUiWriter.sseHeaders, ...extra };
}

/**
 * A `Response` streaming records of the format `from` names (agno, LangChain, …) to a `useChat`
 * client as a UI message stream: the `x-vercel-ai-ui-message-stream: v1` headers, `data:` frames
 * and the closing `[DONE]`. Works wherever `Response` does (Node 18+, edge runtimes, browsers).
 * Cancelling its body (the runtime does when the client goes away) cancels the source and calls
 * `onCancel`.
 */
export function toUIMessageStreamResponse<From extends ReaderReference | 'auto' = 'auto'>(
  source: RecordSource,
  options: UIMessageStreamOptions<From> & FormatsFor<From>,
): Response {
  checkRelay(options as UIMessageStreamOptions);
  const encoder = new TextEncoder();
  const { pieces, run } = sseText(source, options as UIMessageStreamOptions);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await pieces.next();
      // Cancelled while this read was pending: the stream is closed to us.
      if (run.cancelled) return;
      if (done === true) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    cancel(reason) {
      return run.cancel(reason);
    },
  });
  return new Response(body, { status: options.status ?? 200, headers: uiMessageStreamHeaders(options.headers) });
}

/** Resolves when `response` emits `event` (undefined when it cannot tell), with a way to stop listening. */
function once(response: ServerResponseLike, event: 'drain' | 'close'): { happened: Promise<void>; stop(): void } {
  let listener: () => void = ignore;
  const happened = new Promise<void>((resolve) => {
    listener = resolve;
  });
  response.once?.(event, listener);
  return { happened, stop: () => response.off?.(event, listener) };
}

/** Whether the client went away (read afresh after each wait). */
function gone(response: ServerResponseLike): boolean {
  return response.destroyed === true;
}

/**
 * Writes records of the format `from` names to a Node `ServerResponse` as a UI message stream,
 * waiting for `drain` when the socket is full. A client that goes away (`close`), while the source
 * is idle or while the helper waits for `drain`, cancels the source, calls `onCancel` and ends
 * the returned promise: nothing is left waiting.
 */
export async function pipeUIMessageStreamToServerResponse<From extends ReaderReference | 'auto' = 'auto'>(
  response: ServerResponseLike,
  source: RecordSource,
  options: UIMessageStreamOptions<From> & FormatsFor<From>,
): Promise<void> {
  checkRelay(options as UIMessageStreamOptions);
  const { pieces: frames, run } = sseText(source, options as UIMessageStreamOptions);
  response.writeHead(options.status ?? 200, uiMessageStreamHeaders(options.headers));
  const closed = once(response, 'close');
  const left = closed.happened.then(() => 'left' as const);
  try {
    for (;;) {
      if (gone(response)) break;
      const next = await Promise.race([frames.next(), left]);
      if (next === 'left' || gone(response)) break;
      if (next.done === true) {
        response.end();
        return;
      }
      if (response.write(next.value) || response.once === undefined) continue;
      const drained = once(response, 'drain');
      const outcome = await Promise.race([drained.happened, left]);
      drained.stop();
      if (outcome === 'left') break;
    }
    await run.cancel(new Error('the client closed the connection'));
  } finally {
    closed.stop();
  }
}
