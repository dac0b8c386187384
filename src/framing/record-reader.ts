import { createConcatenatedJsonReader } from './concatenated-json.js';
import { createJsonValueReader } from './json-value.js';
import { createJsonlReader } from './jsonl.js';
import type { ReadItem, RecordReader } from './read-item.js';
import { createSseReader } from './sse.js';

/** How input text is framed: `auto` sniffs it from the first bytes. */
export type InputFraming = 'auto' | 'jsonl' | 'sse' | 'concat' | 'json';

/** The input framings, for argument checking. */
export const inputFramings: readonly InputFraming[] = ['auto', 'jsonl', 'sse', 'concat', 'json'];

const sseField = /^(data|event|id|retry):|^:/;

/**
 * Decides the framing of a text from its start, or undefined when more text is needed.
 * An SSE field → SSE; a first line that is a whole JSON value followed by more lines → JSONL;
 * `[` otherwise → one JSON value; `{` spanning lines → concatenated (pretty) JSON.
 * @param final whether no more text will come.
 */
export function sniffFraming(start: string, final: boolean): Exclude<InputFraming, 'auto'> | undefined {
  const text = start.charCodeAt(0) === 0xfeff ? start.slice(1) : start;
  const offset = text.search(/\S/);
  if (offset === -1) return final ? 'jsonl' : undefined;
  const head = text.slice(offset);
  if (sseField.test(head)) return 'sse';
  if (!head.startsWith('{') && !head.startsWith('[')) return final || head.length >= 6 ? 'jsonl' : undefined;
  const newline = head.indexOf('\n');
  if (newline === -1 && !final) return undefined;
  const firstLine = newline === -1 ? head : head.slice(0, newline);
  const more = newline !== -1 && head.slice(newline).trim() !== '';
  let whole = true;
  try {
    JSON.parse(firstLine);
  } catch {
    whole = false;
  }
  // `[` is one JSON value, unless its first line is a whole value and more lines follow
  // (JSON lines of arrays, such as LangChain message tuples).
  if (head.startsWith('[')) return whole && more ? 'jsonl' : 'json';
  return whole ? 'jsonl' : 'concat';
}

/** Creates a reader for a framing; `auto` sniffs the framing from the first text. */
export function createRecordReader(framing: InputFraming = 'auto'): RecordReader & { readonly framing: InputFraming } {
  if (framing !== 'auto') return { ...readerFor(framing), framing };
  let chosen: RecordReader | undefined;
  let chosenFraming: InputFraming = 'auto';
  let pending = '';

  function decide(final: boolean): ReadItem[] {
    const sniffed = sniffFraming(pending, final);
    if (sniffed === undefined) return [];
    chosenFraming = sniffed;
    chosen = readerFor(sniffed);
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
      return decide(false);
    },
    flush() {
      const items = chosen === undefined ? decide(true) : [];
      if (chosen === undefined) return items;
      return [...items, ...chosen.flush()];
    },
  };
}

function readerFor(framing: Exclude<InputFraming, 'auto'>): RecordReader {
  switch (framing) {
    case 'jsonl':
      return createJsonlReader();
    case 'sse':
      return createSseReader();
    case 'concat':
      return createConcatenatedJsonReader();
    case 'json':
      return createJsonValueReader();
  }
}

/**
 * Reads all records of a text at once (tests, small inputs).
 * @returns records and rejects in input order.
 */
export function readAll(text: string, framing: InputFraming = 'auto'): ReadItem[] {
  const reader = createRecordReader(framing);
  return [...reader.push(text), ...reader.flush()];
}
