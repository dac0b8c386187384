import { maxNestingDepth } from '../framing/read-item.js';

export { maxNestingDepth };

/**
 * Whether `value` nests deeper than `limit` more levels. An object with a `toJSON` of its own (a
 * LangChain message instance, a Date) stands for what that gives, which its format reads: it is
 * not walked. A reference cycle is endless nesting, so this also finds cycles, without a set of
 * the objects seen on the hot path.
 */
export function nestsDeeper(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeper(item, limit - 1)) return true;
    return false;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.toJSON === 'function') return false;
  for (const key in object) if (nestsDeeper(object[key], limit - 1)) return true;
  return false;
}

/**
 * Why an object given as a record stands for no JSON a reader can take: it refers to itself
 * (`JSON.stringify` throws) or nests deeper than {@link maxNestingDepth} levels (a text record
 * that deep is rejected before parsing, and recursive readers overflow the stack). One bounded
 * walk finds both, so one text names both. Undefined for every other record.
 */
export function nestingFaultOf(record: unknown): string | undefined {
  return nestsDeeper(record, maxNestingDepth) ? `the record refers to itself (a reference cycle) or nests deeper than ${maxNestingDepth} levels` : undefined;
}
