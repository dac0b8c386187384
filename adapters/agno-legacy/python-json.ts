import { isRecord } from '../../src/pipeline/adapter-kit.js';

/**
 * Serializes a value as Python's `json.dumps` does by default (`", "` and `": "` separators,
 * non-ASCII escaped), which is how agno 1.x wrote tool-call `arguments`.
 */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${asciiJson(key)}: ${pythonJson(item)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return asciiJson(value);
  return JSON.stringify(value ?? null);
}

function asciiJson(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
