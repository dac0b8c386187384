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

/** Whether `value` refers to an object it is inside of, within `limit` levels. */
function holdsCycle(value: unknown, limit: number, inside: Set<object>): boolean {
  if (typeof value !== 'object' || value === null || limit === 0) return false;
  if (inside.has(value)) return true;
  if (!Array.isArray(value) && typeof (value as Record<string, unknown>).toJSON === 'function') return false;
  inside.add(value);
  const values: unknown[] = Array.isArray(value) ? value : Object.values(value);
  for (const item of values) if (holdsCycle(item, limit - 1, inside)) return true;
  inside.delete(value);
  return false;
}

/**
 * Why an object given as a record stands for no JSON a reader can take: it refers to itself
 * (`JSON.stringify` throws) or nests deeper than {@link maxNestingDepth} levels (a text record
 * that deep is rejected before parsing, and recursive readers overflow the stack). Undefined
 * for every other record.
 */
export function nestingFaultOf(record: unknown): string | undefined {
  if (!nestsDeeper(record, maxNestingDepth)) return undefined;
  return holdsCycle(record, maxNestingDepth + 1, new Set())
    ? 'the record refers to itself (a reference cycle): it stands for no JSON'
    : `the record nests deeper than ${maxNestingDepth} levels`;
}
