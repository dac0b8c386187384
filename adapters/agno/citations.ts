import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** One cited URL as canonical `source` fields. */
export interface CitedSource {
  url?: string;
  title?: string;
}

/** The cited URLs of an agno `Citations` dict (`{urls: [{url?, title?}]}`, 1.x and 2.x alike). */
export function citedSources(citations: unknown): CitedSource[] {
  const urls = isRecord(citations) && Array.isArray(citations.urls) ? citations.urls : [];
  return urls.filter(isRecord).map((citation) => {
    const source: CitedSource = {};
    if (typeof citation.url === 'string') source.url = citation.url;
    if (typeof citation.title === 'string') source.title = citation.title;
    return source;
  });
}
