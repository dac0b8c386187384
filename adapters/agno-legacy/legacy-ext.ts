import type { Ext } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type JsonPatch, asJsonPatch } from '../../src/pipeline/json-patch.js';
import { type LegacyEra, legacyFormatName } from './schema.js';

/** What `ext['agno-legacy']` holds on a canonical event, message or run. */
export interface LegacyExt {
  /** Set when the record came from era A (1.0 – 1.5). */
  era?: LegacyEra;
  /** Set on the run when it came from a stored aggregate rather than a stream. */
  shape?: 'aggregate';
  /** The difference between the record and what the encoder writes from the canonical fields. */
  patch?: JsonPatch;
  /** Set on the events of a record whose record is written by another of its events. */
  secondary?: true;
}

/** Reads `ext['agno-legacy']` of an event, message or run. */
export function legacyExtOf(holder: { ext?: Ext | undefined }): LegacyExt | undefined {
  const value = holder.ext?.[legacyFormatName];
  if (!isRecord(value)) return undefined;
  const ext: LegacyExt = {};
  if (value.era === 'A' || value.era === 'B') ext.era = value.era;
  if (value.shape === 'aggregate') ext.shape = 'aggregate';
  const patch = asJsonPatch(value.patch);
  if (patch !== undefined) ext.patch = patch;
  if (value.secondary === true) ext.secondary = true;
  return ext;
}

/** Builds an `ext` holding a {@link LegacyExt}; undefined when there is nothing to keep. */
export function legacyExt(ext: LegacyExt): Ext | undefined {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ext)) if (value !== undefined) kept[key] = value;
  return Object.keys(kept).length === 0 ? undefined : { [legacyFormatName]: kept };
}
