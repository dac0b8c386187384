import type { UIMessageChunk } from 'ai';
import type { ReadItem } from '../../src/framing/read-item.js';
import { ConversionError, type Issue } from '../../src/model/issue.js';
import { type InputFraming, createRecordReader } from '../../src/framing/record-reader.js';
import { createRecordWriter } from '../../src/framing/record-writer.js';
import { type ConverterOptions, createConverter } from '../../src/pipeline/converter.js';
import { aiSdkUiFormat } from './format.js';
import { bridgeDataType } from './metadata.js';
import type { UiTarget } from './ui-encoder.js';

/**
 * Records of any registered format: an array, an async iterable or a `ReadableStream` of parsed
 * records, or of text (strings or bytes: JSONL, SSE, concatenated JSON, as an upstream response
 * body gives them), read with the framing readers.
 */
export type RecordSource = readonly unknown[] | AsyncIterable<unknown> | ReadableStream<unknown>;

/** Options of {@link toUIMessageStreamResponse} and {@link pipeUIMessageStreamToServerResponse}. */
export interface UIMessageStreamOptions extends Omit<ConverterOptions, 'to' | 'encode'> {
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
  once?(event: 'drain', listener: () => void): unknown;
  /** Whether the client went away (`ServerResponse.destroyed`). */
  readonly destroyed?: boolean;
}

async function* iterate(source: RecordSource): AsyncGenerator<unknown> {
  if (Array.isArray(source)) {
    yield* source;
    return;
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<unknown>;
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
 * The UI message chunks of records of any registered format, as objects. Unreadable lines of a
 * text source go to `onReject` (and `onIssue`) and are named by one error chunk at the end:
 * useChat stops reading at an error, so the parts that could be read come first. In strict mode
 * the first unreadable line ends the stream like a failing source.
 */
async function* uiMessageChunks(source: RecordSource, options: UIMessageStreamOptions): AsyncGenerator<unknown> {
  const { target, framing, status: _status, headers: _headers, onError = () => maskedErrorText, exposeSourceRecordsToBrowser: _exposed, ...converterOptions } = options;
  const converter = createConverter({ ...converterOptions, to: 'ai-sdk-ui', encode: target === undefined ? {} : { target } });
  // Every chunk goes to a browser: error texts are what onError makes of them.
  const safe = (chunks: unknown[], cause?: unknown): unknown[] => chunks.map((chunk) => masked(chunk, onError, cause));
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
  // A generator, so that what precedes an unreadable line is sent before strict mode stops.
  function* chunksOf(items: ReadItem[]): Generator<unknown> {
    for (const item of items) {
      if (item.kind === 'reject') reject(item);
      else yield* safe(converter.push(item.record, { line: item.line }));
    }
  }
  let text = false;
  try {
    for await (const item of iterate(source)) {
      if (typeof item === 'string' || item instanceof Uint8Array) {
        text = true;
        yield* chunksOf(reader.push(typeof item === 'string' ? item : bytes.decode(item, { stream: true })));
        continue;
      }
      yield* safe(converter.push(item));
    }
    if (text) yield* chunksOf([...reader.push(bytes.decode()), ...reader.flush()]);
  } catch (error) {
    // A failing source ends the stream with error chunks, so the client shows an error instead
    // of a broken connection; the failure is also reported through onIssue.
    const failure = converter.fail(error instanceof UnreadableLine ? error.cause : error);
    if (error instanceof UnreadableLine) {
      // Strict mode stopped at a line it could not read: our own text, naming the line only, is not masked.
      yield* safe(failure.filter((chunk) => (chunk as { type?: unknown }).type !== 'error'));
      yield { type: 'error', errorText: unreadableText(1, [error.line]) };
      return;
    }
    yield* safe(failure, error);
    if (failure.length === 0) yield* safe([{ type: 'error', errorText: error instanceof Error ? error.message : String(error) }], error);
    return;
  }
  yield* safe(converter.flush());
  // Our own text, naming line numbers only: not masked.
  if (unreadable.count > 0) yield { type: 'error', errorText: unreadableText(unreadable.count, unreadable.lines) };
}

/**
 * The SSE text of a UI message stream made of records of any registered format: one
 * `data: <chunk>` frame per chunk, then `data: [DONE]` (the SSE writer of `src/framing`).
 */
export function uiMessageStreamText(source: RecordSource, options: UIMessageStreamOptions = {}): AsyncGenerator<string> {
  checkRelay(options);
  return framed(source, options);
}

async function* framed(source: RecordSource, options: UIMessageStreamOptions): AsyncGenerator<string> {
  const writer = createRecordWriter('sse', aiSdkUiFormat);
  for await (const chunk of uiMessageChunks(source, options)) yield writer.write(chunk);
  yield writer.end();
}

/**
 * A `ReadableStream` of `UIMessageChunk`s made of records of any registered format, for the AI
 * SDK's own composition: `createUIMessageStream({execute({writer}) { writer.merge(stream) }})`.
 * Pulls from the source only as the consumer reads; cancelling it stops the source.
 */
export function toUIMessageChunkStream(source: RecordSource, options: UIMessageStreamOptions = {}): ReadableStream<UIMessageChunk> {
  checkRelay(options);
  const chunks = uiMessageChunks(source, options);
  return new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value as UIMessageChunk);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The headers of a UI message stream, with the caller's on top. */
export function uiMessageStreamHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { ...aiSdkUiFormat.sseHeaders, ...extra };
}

/**
 * A `Response` streaming records of any registered format (agno, LangChain, …) to a `useChat`
 * client as a UI message stream: the `x-vercel-ai-ui-message-stream: v1` headers, `data:` frames
 * and the closing `[DONE]`. Works wherever `Response` does (Node 18+, edge runtimes, browsers).
 */
export function toUIMessageStreamResponse(source: RecordSource, options: UIMessageStreamOptions = {}): Response {
  checkRelay(options);
  const encoder = new TextEncoder();
  const text = uiMessageStreamText(source, options);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await text.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await text.return(undefined);
    },
  });
  return new Response(body, { status: options.status ?? 200, headers: uiMessageStreamHeaders(options.headers) });
}

/**
 * Writes records of any registered format to a Node `ServerResponse` as a UI message stream,
 * waiting for `drain` when the socket is full and stopping when the client has gone.
 */
export async function pipeUIMessageStreamToServerResponse(
  response: ServerResponseLike,
  source: RecordSource,
  options: UIMessageStreamOptions = {},
): Promise<void> {
  checkRelay(options);
  response.writeHead(options.status ?? 200, uiMessageStreamHeaders(options.headers));
  for await (const frame of uiMessageStreamText(source, options)) {
    if (response.destroyed === true) return;
    if (!response.write(frame) && response.once !== undefined) {
      await new Promise<void>((resolve) => response.once?.('drain', resolve));
    }
  }
  response.end();
}
