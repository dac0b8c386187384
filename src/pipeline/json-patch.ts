import { isRecord, ownEntry } from './adapter-kit.js';

/**
 * The difference between a foreign record and the record an encoder rebuilds from canonical
 * events alone: fields to set, fields to leave out, and nested differences by key (or index,
 * for arrays of the same length). Adapters keep it in `ext.<format>` so their own round trip is
 * lossless while the canonical fields stay the source of truth for everything else.
 */
export interface JsonPatch {
  set?: Record<string, unknown>;
  omit?: string[];
  nested?: Record<string, JsonPatch>;
}

/** Whether two JSON values are equal, key order aside; `undefined` fields count as absent. */
export function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (isRecord(left) && isRecord(right)) {
    const keys = definedKeys(left);
    return keys.length === definedKeys(right).length && keys.every((key) => sameJson(left[key], ownEntry(right, key)));
  }
  return false;
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

function bothContainers(left: unknown, right: unknown): boolean {
  if (Array.isArray(left)) return Array.isArray(right) && left.length === right.length;
  return isRecord(left) && isRecord(right);
}

/**
 * Computes the patch that turns `rebuilt` into `original`.
 * @param depth how many levels to descend before setting a whole value (default: unlimited).
 * @returns undefined when they are already equal.
 */
export function diffJson(
  original: Record<string, unknown> | unknown[],
  rebuilt: Record<string, unknown> | unknown[],
  depth = Number.POSITIVE_INFINITY,
): JsonPatch | undefined {
  const patch: JsonPatch = {};
  const left = original as Record<string, unknown>;
  const right = rebuilt as Record<string, unknown>;
  for (const key of definedKeys(left)) {
    const value = left[key];
    const other = ownEntry(right, key);
    if (sameJson(value, other)) continue;
    if (depth > 1 && bothContainers(value, other)) {
      const inner = diffJson(value as Record<string, unknown>, other as Record<string, unknown>, depth - 1);
      if (inner !== undefined) setOwn((patch.nested ??= {}), key, inner);
      continue;
    }
    setOwn((patch.set ??= {}), key, value);
  }
  // Arrays are only nested when of equal length, so only records have keys to leave out.
  for (const key of definedKeys(right)) if (ownEntry(left, key) === undefined) (patch.omit ??= []).push(key);
  return patch.set === undefined && patch.omit === undefined && patch.nested === undefined ? undefined : patch;
}

/** Applies a patch from {@link diffJson} to a freshly built value, in place; returns it. */
export function applyJsonPatch<T extends Record<string, unknown> | unknown[]>(target: T, patch: JsonPatch | undefined): T {
  if (patch === undefined) return target;
  const record = target as Record<string, unknown>;
  for (const key of patch.omit ?? []) delete record[key];
  for (const [key, value] of Object.entries(patch.set ?? {})) setOwn(record, key, structuredClone(value));
  for (const [key, inner] of Object.entries(patch.nested ?? {})) {
    const value = ownEntry(record, key);
    if (Array.isArray(value) || isRecord(value)) applyJsonPatch(value, inner);
  }
  return target;
}

/** Reads a patch back from an `ext` value, where it is plain JSON. */
export function asJsonPatch(value: unknown): JsonPatch | undefined {
  if (!isRecord(value)) return undefined;
  const patch: JsonPatch = {};
  if (isRecord(value.set)) patch.set = value.set;
  if (Array.isArray(value.omit)) patch.omit = value.omit.filter((key): key is string => typeof key === 'string');
  if (isRecord(value.nested)) {
    for (const [key, inner] of Object.entries(value.nested)) {
      const nested = asJsonPatch(inner);
      if (nested !== undefined) setOwn((patch.nested ??= {}), key, nested);
    }
  }
  return patch.set === undefined && patch.omit === undefined && patch.nested === undefined ? undefined : patch;
}

/**
 * Sets an own property, even one named `__proto__`, which a plain assignment would turn into
 * a prototype change (and lose the field).
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
