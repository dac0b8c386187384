/** Thrown inside the parser when the text is not JSON even once completed. */
class NotJson extends Error {}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
const literals: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['false', false],
];

/**
 * Reads JSON that may be cut short, as `@langchain/core` reads streamed tool-call arguments
 * (`parsePartialJson`): a string, number, literal, array or object left open ends where the text
 * ends. Returns `undefined` for text that is not JSON even once completed.
 */
export function parsePartialJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not whole JSON: read it as a prefix of JSON below.
  }
  const source = text.trim();
  if (source === '') return undefined;
  let position = 0;
  const atEnd = () => position >= source.length;
  const skipSpace = () => {
    while (!atEnd() && /\s/.test(source.charAt(position))) position += 1;
  };

  function readString(): string {
    if (source.charAt(position) !== '"') throw new NotJson();
    position += 1;
    let result = '';
    while (!atEnd()) {
      const char = source.charAt(position);
      if (char === '"') {
        position += 1;
        return result;
      }
      if (char === '\\') {
        const next = source.charAt(position + 1);
        if (next === '') return result;
        if (next === 'u') {
          const hex = source.slice(position + 2, position + 6);
          if (!/^[0-9a-fA-F]*$/.test(hex)) throw new NotJson();
          // An escape cut inside its four digits ends the string, as the text does.
          if (hex.length < 4) return result;
          result += String.fromCharCode(Number.parseInt(hex, 16));
          position += 6;
          continue;
        }
        const escaped = escapes[next];
        if (escaped === undefined) throw new NotJson();
        result += escaped;
        position += 2;
        continue;
      }
      result += char;
      position += 1;
    }
    return result;
  }

  function readNumber(): number {
    const match = /^-?(0|[1-9]\d*)?(\.\d*)?([eE][+-]?\d*)?/.exec(source.slice(position));
    const written = match?.[0] ?? '';
    if (/^-?0\d/.test(source.slice(position))) throw new NotJson();
    position += written.length;
    if (written === '-') return -0;
    const value = Number.parseFloat(written);
    if (Number.isNaN(value)) throw new NotJson();
    return value;
  }

  function readList<T>(close: string, readItem: () => T, add: (item: T) => void): void {
    position += 1;
    skipSpace();
    if (source.charAt(position) === close) {
      position += 1;
      return;
    }
    while (!atEnd()) {
      skipSpace();
      if (atEnd()) return;
      add(readItem());
      skipSpace();
      if (atEnd()) return;
      const separator = source.charAt(position);
      position += 1;
      if (separator === close) return;
      if (separator !== ',') throw new NotJson();
    }
  }

  function readValue(): unknown {
    skipSpace();
    if (atEnd()) throw new NotJson();
    const char = source.charAt(position);
    if (char === '{') {
      const object: Record<string, unknown> = {};
      // A key without its value yet is left out, as LangChain leaves it out.
      readList('}', readMember, (member) => {
        if (member !== undefined) object[member[0]] = member[1];
      });
      return object;
    }
    if (char === '[') {
      const array: unknown[] = [];
      readList(']', readValue, (item) => array.push(item));
      return array;
    }
    if (char === '"') return readString();
    for (const [word, value] of literals) {
      const written = source.slice(position, position + word.length);
      if (written !== '' && word.startsWith(written)) {
        position += written.length;
        return value;
      }
    }
    if (char === '-' || (char >= '0' && char <= '9')) return readNumber();
    throw new NotJson();
  }

  function readMember(): [string, unknown] | undefined {
    const key = readString();
    skipSpace();
    if (atEnd()) return undefined;
    if (source.charAt(position) !== ':') throw new NotJson();
    position += 1;
    skipSpace();
    if (atEnd()) return undefined;
    return [key, readValue()];
  }

  try {
    const value = readValue();
    skipSpace();
    return atEnd() ? value : undefined;
  } catch (error) {
    if (error instanceof NotJson) return undefined;
    throw error;
  }
}
