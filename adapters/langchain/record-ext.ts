import type { Ext } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type JsonPatch, applyJsonPatch, asJsonPatch, diffJson, sameJson } from '../../src/pipeline/json-patch.js';
import type { Lineage } from './lineage.js';
import { constructorId, type MessageForm, type MessageKind } from './schema.js';

/** What a record has that the fields rebuilt from canonical parts lack: top-level keys to set and to omit. */
export type FieldDiff = Pick<JsonPatch, 'set' | 'omit'>;

/** The top-level difference that turns `rebuilt` into `original`. */
export function diffFields(original: Record<string, unknown>, rebuilt: Record<string, unknown>): FieldDiff {
  return diffJson(original, rebuilt, 1) ?? {};
}

/** Applies a difference to rebuilt fields, in place. */
export function applyDiff(fields: Record<string, unknown>, diff: FieldDiff | undefined): Record<string, unknown> {
  return applyJsonPatch(fields, diff);
}

/** Reads a difference kept in `ext.langchain` (or a chunk descriptor). */
export function diffOf(ext: Record<string, unknown> | undefined): FieldDiff | undefined {
  if (ext === undefined) return undefined;
  const patch = asJsonPatch({ set: ext.set, omit: ext.omit });
  return patch === undefined ? undefined : { ...(patch.set === undefined ? {} : { set: patch.set }), ...(patch.omit === undefined ? {} : { omit: patch.omit }) };
}

/**
 * What a decoded LangChain record keeps in `ext.langchain` of its message (or event) so the
 * encoder writes the same record back: its form when not the default constructor JSON, the
 * fields the canonical parts do not rebuild, and the lineage it carried.
 */
export interface RecordExt extends FieldDiff {
  form?: MessageForm;
  lineage?: Lineage;
}

/** Where one chunk of a streamed message ends and what the rebuilt chunk lacks. */
export interface ChunkDescriptor extends FieldDiff {
  /** How many canonical events of the step this chunk carries. */
  n: number;
}

/** The default form of a kind: JS constructor JSON. */
export function defaultForm(kind: MessageKind, chunk = false): MessageForm {
  return { form: 'constructor', id: constructorId(kind, chunk) };
}

/** Builds the `ext.langchain` of a record: undefined when there is nothing to keep. */
export function recordExt(form: MessageForm, kind: MessageKind, chunk: boolean, diff: FieldDiff, lineage: Lineage | undefined): RecordExt | undefined {
  const ext: RecordExt = { ...diff };
  if (!sameJson(form, defaultForm(kind, chunk))) ext.form = form;
  if (lineage !== undefined) ext.lineage = lineage;
  return Object.keys(ext).length === 0 ? undefined : ext;
}

/** Reads the `ext.langchain` a decoder wrote. */
export function readRecordExt(ext: Ext | Record<string, unknown> | undefined): { form?: MessageForm; diff?: FieldDiff; lineage?: Lineage } {
  const own = ext === undefined ? undefined : (ext as Ext).langchain;
  if (!isRecord(own)) return {};
  const read: { form?: MessageForm; diff?: FieldDiff; lineage?: Lineage } = {};
  if (isRecord(own.form) && typeof own.form.form === 'string') read.form = own.form as unknown as MessageForm;
  const diff = diffOf(own);
  if (diff !== undefined) read.diff = diff;
  if (isRecord(own.lineage) && typeof own.lineage.run_id === 'string') read.lineage = own.lineage as unknown as Lineage;
  return read;
}
