import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/** Whether golden files are being regenerated (`UPDATE=1 npm test`). */
export const updating = process.env.UPDATE === '1';

/** Reads a JSONL file into parsed records (blank lines skipped). */
export function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** Serializes records as JSONL, one per line, with a final newline. */
export function toJsonl(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + (records.length > 0 ? '\n' : '');
}

/**
 * Compares text with a golden file; with `UPDATE=1` writes the file instead.
 * A missing golden file fails the test with the command that creates it.
 */
export function expectGolden(path: string, actual: string): void {
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing; run UPDATE=1 npx vitest run to create it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
