import { isRecord } from '../../src/pipeline/adapter-kit.js';

/**
 * The difference between a record and the record the encoder would write from the canonical
 * events alone: what to set, what to leave out, and nested differences by key or index.
 */
export interface Patch {
  set?: Record<string, unknown>;
  omit?: string[];
  nested?: Record<string, Patch>;
}

/** Whether two JSON values are equal, key order aside. */
export function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (isRecord(left) && isRecord(right)) {
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((key) => key in right && sameJson(left[key], right[key]));
  }
  return false;
}

function nestable(left: unknown, right: unknown): boolean {
  if (Array.isArray(left)) return Array.isArray(right) && left.length === right.length;
  return isRecord(left) && isRecord(right);
}

/**
 * Computes the patch that turns `rebuilt` into `original`.
 * @returns undefined when they are already equal.
 */
export function diffJson(original: Record<string, unknown> | unknown[], rebuilt: Record<string, unknown> | unknown[]): Patch | undefined {
  const patch: Patch = {};
  const left = original as Record<string, unknown>;
  const right = rebuilt as Record<string, unknown>;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (key in right && sameJson(value, right[key])) continue;
    if (key in right && nestable(value, right[key])) {
      const inner = diffJson(value as Record<string, unknown>, right[key] as Record<string, unknown>);
      if (inner !== undefined) (patch.nested ??= {})[key] = inner;
      continue;
    }
    (patch.set ??= {})[key] = value;
  }
  // Arrays are only nested when of equal length, so only records ever have keys to leave out.
  for (const key of Object.keys(right)) if (!(key in left)) (patch.omit ??= []).push(key);
  return patch.set === undefined && patch.omit === undefined && patch.nested === undefined ? undefined : patch;
}

/** Applies a patch from {@link diffJson} to a freshly built value, in place; returns it. */
export function applyPatch<T extends Record<string, unknown> | unknown[]>(target: T, patch: Patch | undefined): T {
  if (patch === undefined) return target;
  const record = target as Record<string, unknown>;
  for (const key of patch.omit ?? []) delete record[key];
  for (const [key, value] of Object.entries(patch.set ?? {})) record[key] = structuredClone(value);
  for (const [key, inner] of Object.entries(patch.nested ?? {})) {
    const value = record[key];
    if (Array.isArray(value) || isRecord(value)) applyPatch(value, inner);
  }
  return target;
}

/** Reads a patch back from an `ext` value (it is plain JSON there). */
export function asPatch(value: unknown): Patch | undefined {
  return isRecord(value) ? (value as Patch) : undefined;
}
