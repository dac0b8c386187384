import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDecoder, readAll } from '../../src/index.js';

const testRoot = new URL('..', import.meta.url).pathname;

/** The format every recording of a fixture folder is in. */
function expectedFormat(folder: string, file: string): string | undefined {
  if (file.includes('.canonical.') || file.includes('.issues.') || file.endsWith('.uimessage.json')) return undefined;
  // test/interop/fixtures.test.ts checks the recordings of the real Python libraries.
  if (file.startsWith('recorded/')) return undefined;
  if (!/\.(jsonl|json|sse)$/.test(file)) return undefined;
  switch (folder) {
    case 'agno':
      return 'agno';
    case 'agno-legacy':
      return file.startsWith('v2/') ? 'agno' : 'agno-legacy';
    case 'runner':
      return folder;
    case 'langchain':
      // langchain/fixtures/agno/ holds the agno input of a LangChain test.
      return file.startsWith('agno/') ? 'agno' : 'langchain';
    case 'ai-sdk':
      return file.includes('.ui.') ? 'ai-sdk-ui' : 'ai-sdk-stream';
    default:
      return undefined;
  }
}

function detect(text: string): { records: Record<string, number>; unknown: number } {
  const decoder = createDecoder({ from: 'auto', collectIssues: false, onReject: () => {} });
  for (const item of readAll(text)) if (item.kind === 'record') decoder.push(item.record);
  decoder.flush();
  return { records: decoder.stats.records, unknown: decoder.stats.unknown };
}

const fixtures = ['agno', 'agno-legacy', 'runner', 'langchain', 'ai-sdk'].flatMap((folder) =>
  (readdirSync(join(testRoot, folder, 'fixtures'), { recursive: true }) as string[]).flatMap((file) => {
    const format = expectedFormat(folder, file);
    return format === undefined ? [] : [{ path: join(testRoot, folder, 'fixtures', file), name: `${folder}/${file}`, format }];
  }),
);

describe('detect', () => {
  it('finds recordings of every adapter', () => {
    expect(new Set(fixtures.map((fixture) => fixture.format))).toEqual(new Set(['agno', 'agno-legacy', 'runner', 'langchain', 'ai-sdk-ui', 'ai-sdk-stream']));
  });

  for (const { path, name, format } of fixtures) {
    it(`names ${format} for every record of ${name}`, () => {
      const { records, unknown } = detect(readFileSync(path, 'utf8'));
      expect(unknown).toBe(0);
      expect(Object.keys(records)).toEqual([format]);
    });
  }

  it('names every record of the bundled log that interleaves six recordings', () => {
    const sources: Record<string, string> = {
      'agno-legacy': 'agno-legacy/fixtures/v1.8.4-agent-tools.jsonl',
      agno: 'agno/fixtures/v2.9.0-team-one-member.jsonl',
      runner: 'runner/fixtures/constructed-4.2-llm-agent-tool-turn.jsonl',
      langchain: 'langchain/fixtures/agent-tools.chunks.jsonl',
      'ai-sdk-ui': 'ai-sdk/fixtures/reasoning-tool-two-steps.ui.jsonl',
      'ai-sdk-stream': 'ai-sdk/fixtures/tool-errors.stream.jsonl',
    };
    const expected = Object.fromEntries(
      Object.entries(sources).map(([format, file]) => [format, readAll(readFileSync(join(testRoot, file), 'utf8')).length]),
    );
    const { records, unknown } = detect(readFileSync(join(testRoot, '../examples/logs/mixed.jsonl'), 'utf8'));
    expect(unknown).toBe(0);
    expect(records).toEqual(expected);
  });
});
