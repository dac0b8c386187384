import { canonicalEventSchema, type CanonicalEvent } from '../../src/model/event.js';
import { explode } from '../../src/model/explode.js';
import { canonicalVersion } from '../../src/model/version.js';
import type { AdapterContext, Decoder } from '../../src/pipeline/format.js';
import { isRecord, schemaIssueText } from '../../src/pipeline/adapter-kit.js';
import { canonicalRunsDocumentSchema } from './schema.js';

/**
 * The paths of the fields of `input` that its parse left out (zod objects keep only the keys
 * they know), in the order of the input's keys.
 */
function unreadPaths(input: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) return input.flatMap((item, index) => unreadPaths(item, parsed[index], `${path}${index}.`));
  if (!isRecord(input) || !isRecord(parsed)) return [];
  return Object.keys(input).flatMap((key) => (key in parsed ? unreadPaths(input[key], parsed[key], `${path}${key}.`) : [`${path}${key}`]));
}

/** Options of the canonical decoder. */
export interface CanonicalDecodeOptions {}

/**
 * Reads canonical JSONL: an optional `{canonicalVersion}` header, then one event per record;
 * a `{canonicalVersion, runs}` snapshot document is exploded into events. Valid events pass
 * through untouched (canonical → canonical is the identity); invalid ones become `raw`.
 */
export function createCanonicalDecoder(context: AdapterContext, _options?: CanonicalDecodeOptions): Decoder {
  function checkVersion(version: unknown): boolean {
    if (version === canonicalVersion) return true;
    context.report({
      code: 'invalid-input',
      level: 'error',
      path: 'canonicalVersion',
      message: `canonical version ${String(version)} is not supported (this library reads version ${canonicalVersion}); convert it with the library that wrote it`,
    });
    return false;
  }

  /** A field the reader does not read (a newer writer's): the events hold no place for it. */
  function reportUnread(path: string, where: string): void {
    context.report({ code: 'dropped', level: 'info', path, message: `the field ${path} of ${where} is not part of canonical version ${canonicalVersion}; left out` });
  }

  function invalid(record: unknown, path: string, message: string): CanonicalEvent[] {
    context.report({ code: 'invalid-input', level: 'error', path, message: `not a valid canonical record: ${message}; kept as raw` });
    const runId = isRecord(record) && typeof record.runId === 'string' ? record.runId : 'unknown';
    return [{ type: 'raw', runId, format: 'canonical', payload: record }];
  }

  return {
    push(record) {
      if (isRecord(record) && 'canonicalVersion' in record && !('type' in record)) {
        if (!checkVersion(record.canonicalVersion)) return invalid(record, 'canonicalVersion', 'unsupported version');
        if (!('runs' in record)) {
          for (const key of Object.keys(record)) if (key !== 'canonicalVersion') reportUnread(key, 'the canonical header');
          return [];
        }
        const document = canonicalRunsDocumentSchema.safeParse(record);
        if (!document.success) {
          const first = document.error.issues[0];
          return invalid(record, first?.path.join('.') ?? '', schemaIssueText(first));
        }
        for (const path of unreadPaths(record, document.data, '')) reportUnread(path, 'a canonical runs document');
        return explode(document.data.runs, { snapshot: true });
      }
      const parsed = canonicalEventSchema.safeParse(record);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return invalid(record, first?.path.join('.') ?? '', schemaIssueText(first));
      }
      // The input object itself, not zod's copy: key order and all, so the identity is byte-exact.
      return [record as CanonicalEvent];
    },
    flush() {
      return [];
    },
    // Events pass through: nothing is kept per run.
    forget() {
      return [];
    },
  };
}
