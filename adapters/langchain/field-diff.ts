import { isRecord } from '../../src/pipeline/adapter-kit.js';

/**
 * What a record has that the fields rebuilt from canonical parts do not: the top-level keys to
 * set back and the keys to remove. Kept in `ext.langchain` so the own round trip is lossless.
 */
export interface FieldDiff {
  set?: Record<string, unknown>;
  unset?: string[];
}

/** Whether two JSON values are equal, key order aside. */
export function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (isRecord(left) && isRecord(right)) {
    const keys = Object.keys(left).filter((key) => left[key] !== undefined);
    const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
    return keys.length === otherKeys.length && keys.every((key) => key in right && sameJson(left[key], right[key]));
  }
  return false;
}

/** The diff that turns `rebuilt` into `original` (top-level keys only). */
export function diffFields(original: Record<string, unknown>, rebuilt: Record<string, unknown>): FieldDiff {
  const diff: FieldDiff = {};
  for (const [key, value] of Object.entries(original)) {
    if (value === undefined || sameJson(value, rebuilt[key])) continue;
    diff.set ??= {};
    diff.set[key] = value;
  }
  for (const key of Object.keys(rebuilt)) {
    if (rebuilt[key] !== undefined && !(key in original && original[key] !== undefined)) (diff.unset ??= []).push(key);
  }
  return diff;
}

/** Applies a diff to rebuilt fields, in place. */
export function applyDiff(fields: Record<string, unknown>, diff: FieldDiff | undefined): Record<string, unknown> {
  if (diff === undefined) return fields;
  for (const key of diff.unset ?? []) delete fields[key];
  if (diff.set !== undefined) Object.assign(fields, structuredClone(diff.set));
  return fields;
}

/** Reads a diff kept in `ext.langchain`. */
export function diffOf(ext: Record<string, unknown> | undefined): FieldDiff | undefined {
  if (ext === undefined) return undefined;
  const diff: FieldDiff = {};
  if (isRecord(ext.set)) diff.set = ext.set;
  if (Array.isArray(ext.unset)) diff.unset = ext.unset.filter((key): key is string => typeof key === 'string');
  return diff.set === undefined && diff.unset === undefined ? undefined : diff;
}
