import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAll } from '../../src/index.js';

const testRoot = join(import.meta.dirname, '..');

/** A file the real Python library wrote (test/<format>/fixtures/recorded/<version>/<file>). */
export interface Recording {
  /** `<format>/<version>/<file>`, for test names. */
  name: string;
  format: 'agno' | 'agno-legacy' | 'langchain' | 'runner';
  version: string;
  file: string;
  /** A stored run (`RunOutput.to_dict()` …), one JSON document, rather than a stream. */
  aggregate: boolean;
  records: unknown[];
}

const formats = ['agno', 'agno-legacy', 'langchain', 'runner'] as const;

/** The records of a recorded file: JSONL lines, SSE `data:` frames, or one JSON document. */
export function readRecords(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) return [JSON.parse(text) as unknown];
  return readAll(text, path.endsWith('.sse') ? 'sse' : 'jsonl').flatMap((item) => (item.kind === 'record' ? [item.record] : []));
}

/** Every recording of every format, in a stable order. */
export function recordings(): Recording[] {
  return formats.flatMap((format) => {
    const root = join(testRoot, format, 'fixtures', 'recorded');
    if (!existsSync(root)) return [];
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .flatMap((version) =>
        readdirSync(join(root, version))
          .filter((file) => /\.(jsonl|json|sse)$/.test(file))
          .sort()
          .map((file) => ({
            name: `${format}/${version}/${file}`,
            format,
            version,
            file,
            aggregate: file.endsWith('.json'),
            records: readRecords(join(root, version, file)),
          })),
      );
  });
}
