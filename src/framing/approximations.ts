import type { IssueInput } from '../model/issue.js';

/**
 * What JSON.parse reads other than written, found in a record's text: numbers a double cannot
 * hold (an integer beyond 2^53 that is not exact, `1e309` read as Infinity and written back as
 * null, `1e-400` read as 0) and keys repeated in one object (JSON.parse keeps the last value).
 *
 * The hot path pays for a walk over the parsed value and a count of `":` in the text; the text
 * itself is scanned only when they disagree or a number is suspect:
 * - a repeated key is found when the key count of the parsed value is lower than the `":` count
 *   of the text. Keys written with space before their colon (`"a" : 1`) make every such record
 *   scanned (slower, still exact); string values holding `\":` are told apart from keys.
 * - a number is suspect when it is not finite, an integer at or beyond 2^53, or 0 in a text with
 *   a three-digit negative exponent. Fractions that lose digits (0.1 and the like) are not
 *   reported: every binary double approximates most decimal fractions.
 */
export function findApproximations(text: string, value: unknown): IssueInput[] | undefined {
  const tally = { keys: 0, suspectNumber: false, zero: false };
  walk(value, tally);
  const suspect = tally.suspectNumber || (tally.zero && negativeExponent.test(text));
  if (!suspect && countKeyColons(text) === tally.keys) return undefined;
  const issues = scan(text);
  return issues.length === 0 ? undefined : issues;
}

const negativeExponent = /[eE]-\d{3}/;

interface Tally {
  keys: number;
  suspectNumber: boolean;
  zero: boolean;
}

function walk(value: unknown, tally: Tally): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) tally.suspectNumber = true;
    else if (value === 0) tally.zero = true;
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) walk(value[index], tally);
    return;
  }
  // for-in allocates no key array: a third of the cost of Object.keys on agno records. Objects
  // from JSON.parse have no inherited enumerable keys.
  for (const key in value) {
    tally.keys += 1;
    walk((value as Record<string, unknown>)[key], tally);
  }
}

/**
 * Colons that end a key: `":`, not an escaped quote inside a string (`\":`) unless the
 * backslash is itself escaped. Searching the single `:` and looking back is three times faster
 * than searching the pair.
 */
function countKeyColons(text: string): number {
  let count = 0;
  let index = text.indexOf(':');
  while (index !== -1) {
    if (text.charCodeAt(index - 1) === 34 && (text.charCodeAt(index - 2) !== 92 || text.charCodeAt(index - 3) === 92)) count += 1;
    index = text.indexOf(':', index + 1);
  }
  return count;
}

/** One open object or array of the scan: its path, and the keys seen (objects) or the next index (arrays). */
interface Frame {
  path: string;
  keys?: Map<string, number>;
  index: number;
  key?: string;
}

function childPath(frame: Frame | undefined): string {
  if (frame === undefined) return '';
  if (frame.keys === undefined) return `${frame.path}[${frame.index}]`;
  const key = frame.key ?? '';
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return frame.path === '' ? segment : `${frame.path}.${segment}`;
}

/** A `path` field, left out for the record itself. */
function pathOf(path: string): { path?: string } {
  return path === '' ? {} : { path };
}

const numberToken = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** What a double makes of a number token, or undefined when it reads it exactly enough. */
function numberProblem(token: string): string | undefined {
  const value = Number(token);
  if (!Number.isFinite(value)) return `${token} is beyond the largest double; read as ${value} and written back as null`;
  if (/^-?\d+$/.test(token)) {
    if (Number.isSafeInteger(value) || BigInt(token) === BigInt(value)) return undefined;
    return `the integer ${token} is beyond 2^53 and not exact as a double; read as ${BigInt(value)}`;
  }
  if (value === 0 && /[1-9]/.test(token.split(/[eE]/)[0] as string)) return `${token} is below the smallest double; read as 0`;
  return undefined;
}

/** Scans a valid JSON text for numbers a double changes and keys repeated in one object. */
function scan(text: string): IssueInput[] {
  const issues: IssueInput[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const top = stack[stack.length - 1];
    if (code === 34) {
      const end = stringEnd(text, index);
      if (expectKey && top?.keys !== undefined) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        top.key = key;
        const seen = (top.keys.get(key) ?? 0) + 1;
        top.keys.set(key, seen);
        if (seen === 2) {
          issues.push({ code: 'approximated', level: 'warning', ...pathOf(childPath(top)), message: `the key ${JSON.stringify(key)} appears more than once in one object; the last value was kept` });
        }
        expectKey = false;
      }
      index = end;
    } else if (code === 123 || code === 91) {
      stack.push(code === 123 ? { path: childPath(top), keys: new Map(), index: 0 } : { path: childPath(top), index: 0 });
      expectKey = code === 123;
    } else if (code === 125 || code === 93) {
      stack.pop();
    } else if (code === 44) {
      if (top !== undefined) {
        if (top.keys === undefined) top.index += 1;
        else expectKey = true;
      }
    } else if (code === 45 || (code >= 48 && code <= 57)) {
      numberToken.lastIndex = index;
      const token = numberToken.exec(text)?.[0] ?? '';
      const problem = numberProblem(token);
      if (problem !== undefined) issues.push({ code: 'approximated', level: 'warning', ...pathOf(childPath(top)), message: problem });
      index += token.length - 1;
    }
  }
  return issues;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    index = quote + 1;
  }
}
