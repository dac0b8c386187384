import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl } from '../support/golden.js';

/** The folder of the agno 2.x recordings and their golden canonical forms. */
export const fixtures = join(import.meta.dirname, 'fixtures');

/** The records of a fixture: JSONL streams, or one aggregate per JSON file. */
export function readFixture(name: string): unknown[] {
  const path = join(fixtures, name);
  return name.endsWith('.jsonl') ? readJsonl(path) : [JSON.parse(readFileSync(path, 'utf8')) as unknown];
}
