import type { Citation } from '../../src/model/snapshot.js';
import { sameJson } from '../../src/pipeline/json-patch.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** Reads AI SDK citations (`{source, citedText?, …}`) as canonical citations. */
export function readCitations(value: unknown): Citation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((citation) => {
    const source = isRecord(citation.source) ? citation.source : {};
    const result: Citation = {};
    if (typeof source.url === 'string') result.url = source.url;
    if (typeof source.title === 'string') result.title = source.title;
    if (typeof source.id === 'string') result.id = source.id;
    if (typeof citation.citedText === 'string') result.text = citation.citedText;
    return result;
  });
}

/** Writes canonical citations in the AI SDK's shape (url sources; a document when there is no url). */
export function writeCitations(citations: Citation[], mintId: () => string): Record<string, unknown>[] {
  return citations.map((citation) => {
    const id = citation.id ?? mintId();
    const source: Record<string, unknown> =
      citation.url === undefined
        ? { type: 'source', sourceType: 'document', id, mediaType: 'text/plain', title: citation.title ?? '' }
        : { type: 'source', sourceType: 'url', id, url: citation.url, ...(citation.title === undefined ? {} : { title: citation.title }) };
    return { source, ...(citation.text === undefined ? {} : { citedText: citation.text }) };
  });
}

/**
 * Canonical citations read from AI SDK ones, and the originals when reading lost something
 * (offsets, provider metadata): they are kept in `ext` so that writing gives them back.
 */
export function splitCitations(value: unknown): { citations?: Citation[]; original?: unknown } {
  const citations = readCitations(value);
  if (citations === undefined) return value === undefined ? {} : { original: value };
  let counter = 0;
  const rebuilt = writeCitations(citations, () => `citation-${++counter}`);
  return sameJson(rebuilt, value) ? { citations } : { citations, original: value };
}
