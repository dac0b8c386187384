import { createConcatenatedJsonReader } from './concatenated-json.js';
import { createJsonValueReader } from './json-value.js';
import { createJsonlReader } from './jsonl.js';
import type { ReadItem, RecordReader, RecordReaderOptions } from './read-item.js';
import { createSseReader } from './sse.js';

/** How input text is framed: `auto` sniffs it from the first bytes. */
export type InputFraming = 'auto' | 'jsonl' | 'sse' | 'concat' | 'json';

/** The input framings, for argument checking. */
export const inputFramings: readonly InputFraming[] = ['auto', 'jsonl', 'sse', 'concat', 'json'];

const sseField = /^(data|event|id|retry):|^:/;

/** The most text `auto` looks at to decide the framing: 64 KiB, whatever the first line's length. */
export const sniffLength = 64 * 1024;

/** The first character that is not JSON whitespace. */
const firstNonBlank = /[^ \t\r\n]/;

function parsesWhole(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a line after a first line that is not JSON shows JSON Lines: a later complete line
 * that starts in column 0 with `{` or `[` and is a whole value. Pretty-printed values indent
 * their inner lines and close with `}` alone, so they have no such line.
 */
function laterLineIsJsonl(lines: readonly string[], complete: number): boolean {
  for (let index = 1; index < complete; index += 1) {
    const line = (lines[index] as string).replace(/\r$/, '');
    if ((line.startsWith('{') || line.startsWith('[')) && parsesWhole(line)) return true;
  }
  return false;
}

/**
 * Decides the framing of a text from its start (at most {@link sniffLength} characters), or
 * undefined when more text is needed. An SSE field → SSE; a first line that is a whole JSON
 * value → JSONL (`[` → one JSON value unless more lines follow: JSON lines of arrays, such as
 * LangChain message tuples); a first line that is not JSON followed by a line in column 0 that
 * is → JSONL, so one broken line costs that line alone; else `{` on a line of its own, or
 * followed by indented lines → concatenated (pretty) JSON; a first line longer than the sniffed prefix →
 * JSONL (`{`) or one JSON value (`[`): pretty-printed JSON breaks its lines early.
 * @param final whether no more text will come.
 */
export function sniffFraming(start: string, final: boolean): Exclude<InputFraming, 'auto'> | undefined {
  const bounded = start.length > sniffLength;
  const prefix = bounded ? start.slice(0, sniffLength) : start;
  const text = prefix.charCodeAt(0) === 0xfeff ? prefix.slice(1) : prefix;
  const settled = final || bounded;
  const offset = text.search(firstNonBlank);
  if (offset === -1) return settled ? 'jsonl' : undefined;
  const head = text.slice(offset);
  if (sseField.test(head)) return 'sse';
  const opener = head[0];
  if (opener !== '{' && opener !== '[') return settled || head.length >= 6 ? 'jsonl' : undefined;
  const lines = head.split('\n');
  // The last piece is a whole line only at the end of the input.
  const complete = final && !bounded ? lines.length : lines.length - 1;
  if (complete === 0) {
    if (!settled) return undefined;
    if (bounded) return opener === '{' ? 'jsonl' : 'json';
    // One line and nothing more: compact values back to back (`{…}{…}`) are concatenated JSON.
    return opener === '[' ? 'json' : parsesWhole(head) ? 'jsonl' : 'concat';
  }
  const firstLine = (lines[0] as string).replace(/\r$/, '');
  const restBlank = lines.slice(1).every((line) => !firstNonBlank.test(line));
  if (parsesWhole(firstLine)) {
    if (opener === '{') return 'jsonl';
    if (!restBlank) return 'jsonl';
    return settled ? 'json' : undefined;
  }
  if (opener === '[') return 'json';
  if (laterLineIsJsonl(lines, complete)) return 'jsonl';
  const second = lines[1] as string;
  if (firstLine.trim() === '{' || /^[ \t]/.test(second) || second.startsWith('}')) return 'concat';
  if (!settled) return undefined;
  // Lines of broken records are read line by line, so each costs its own line only.
  return restBlank ? 'concat' : 'jsonl';
}

/**
 * Creates a reader for a framing; `auto` sniffs the framing once from the start of the text:
 * at a line end or once {@link sniffLength} characters are in, never again per chunk.
 */
export function createRecordReader(framing: InputFraming = 'auto', options: RecordReaderOptions = {}): RecordReader & { readonly framing: InputFraming } {
  if (framing !== 'auto') return { ...readerFor(framing, options), framing };
  let chosen: RecordReader | undefined;
  let chosenFraming: InputFraming = 'auto';
  let pending = '';

  function decide(final: boolean): ReadItem[] {
    const sniffed = sniffFraming(pending, final);
    if (sniffed === undefined) return [];
    chosenFraming = sniffed;
    chosen = readerFor(sniffed, options);
    const text = pending;
    pending = '';
    return chosen.push(text);
  }

  return {
    get framing() {
      return chosenFraming;
    },
    push(chunk) {
      if (chosen !== undefined) return chosen.push(chunk);
      pending += chunk;
      // Until then nothing new can decide: the sniffer waits for a line end or the bound.
      if (chunk.includes('\n') || pending.length > sniffLength || pending.length < 8) return decide(false);
      return [];
    },
    flush() {
      const items = chosen === undefined ? decide(true) : [];
      if (chosen === undefined) return items;
      return [...items, ...chosen.flush()];
    },
  };
}

function readerFor(framing: Exclude<InputFraming, 'auto'>, options: RecordReaderOptions): RecordReader {
  switch (framing) {
    case 'jsonl':
      return createJsonlReader(options);
    case 'sse':
      return createSseReader(options);
    case 'concat':
      return createConcatenatedJsonReader(options);
    case 'json':
      return createJsonValueReader(options);
  }
}

/**
 * Reads all records of a text at once (tests, small inputs).
 * @returns records and rejects in input order.
 */
export function readAll(text: string, framing: InputFraming = 'auto', options: RecordReaderOptions = {}): ReadItem[] {
  const reader = createRecordReader(framing, options);
  return [...reader.push(text), ...reader.flush()];
}
