import type { ReadItem } from '../../src/framing/read-item.js';
import { type InputFraming, createRecordReader } from '../../src/framing/record-reader.js';
import { createRecordWriter } from '../../src/framing/record-writer.js';
import { type ConverterOptions, createConverter } from '../../src/pipeline/converter.js';
import { aiSdkUiFormat } from './format.js';
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

/**
 * The SSE text of a UI message stream made of records of any registered format: one
 * `data: <chunk>` frame per chunk, then `data: [DONE]` (the SSE writer of `src/framing`).
 */
export async function* uiMessageStreamText(source: RecordSource, options: UIMessageStreamOptions = {}): AsyncGenerator<string> {
  const { target, framing, status: _status, headers: _headers, ...converterOptions } = options;
  const converter = createConverter({ ...converterOptions, to: aiSdkUiFormat.name, encode: target === undefined ? {} : { target } });
  const writer = createRecordWriter('sse', aiSdkUiFormat);
  const reader = createRecordReader(framing);
  const bytes = new TextDecoder();
  const frames = (items: ReadItem[]): string[] =>
    items.flatMap((item) => {
      if (item.kind === 'record') return converter.push(item.record, { line: item.line }).map((chunk) => writer.write(chunk));
      options.onIssue?.({ code: 'invalid-input', level: 'warning', line: item.line, message: `unreadable input left out: ${item.error}` });
      return [];
    });
  let text = false;
  try {
    for await (const item of iterate(source)) {
      if (typeof item === 'string' || item instanceof Uint8Array) {
        text = true;
        yield* frames(reader.push(typeof item === 'string' ? item : bytes.decode(item, { stream: true })));
        continue;
      }
      for (const chunk of converter.push(item)) yield writer.write(chunk);
    }
  } catch (error) {
    // A failing source ends the stream with error chunks and [DONE], so the client shows an
    // error instead of a broken connection; the failure is also reported through onIssue.
    const failure = converter.fail(error);
    for (const chunk of failure) yield writer.write(chunk);
    if (failure.length === 0) yield writer.write({ type: 'error', errorText: error instanceof Error ? error.message : String(error) });
    yield writer.end();
    return;
  }
  if (text) yield* frames([...reader.push(bytes.decode()), ...reader.flush()]);
  for (const chunk of converter.flush()) yield writer.write(chunk);
  yield writer.end();
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
  response.writeHead(options.status ?? 200, uiMessageStreamHeaders(options.headers));
  for await (const frame of uiMessageStreamText(source, options)) {
    if (response.destroyed === true) return;
    if (!response.write(frame) && response.once !== undefined) {
      await new Promise<void>((resolve) => response.once?.('drain', resolve));
    }
  }
  response.end();
}
