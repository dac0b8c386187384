import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.js';
import { root } from '../support/cli.js';

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
const entries = Object.keys(packageJson.exports).filter((entry) => entry !== './package.json');
const require = createRequire(join(root, 'package.json'));

function specifier(entry: string): string {
  return entry === '.' ? 'agent-event-bridge' : `agent-event-bridge/${entry.slice(2)}`;
}

describe('the public surface', () => {
  it('has the root entry, one subpath per adapter and the adapter kit (internal)', () => {
    expect(entries).toEqual(['.', './agno', './agno-legacy', './runner', './langchain', './ai-sdk', './internal']);
  });

  for (const entry of entries) {
    it(`${specifier(entry)} exports exactly its pinned list, the same from ESM and CJS`, async () => {
      const esm = Object.keys(await import(specifier(entry))).sort();
      const cjs = Object.keys(require(specifier(entry)) as object)
        .filter((key) => key !== '__esModule' && key !== 'default')
        .sort();
      expect(cjs).toEqual(esm.filter((key) => key !== 'default'));
      const name = entry === '.' ? 'index' : entry.slice(2);
      expectGolden(join(root, 'test/exports', `${name}.exports.txt`), `${esm.join('\n')}\n`);
    });
  }

  it('the root entry loads neither optional peer (ai, @langchain/core)', () => {
    const loaded = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)) {
        const target = match[1] as string;
        if (target.startsWith('./')) visit(target.slice(2));
        else loaded.add(target);
      }
    };
    visit('index.js');
    expect([...loaded].filter((name) => name === 'ai' || name.startsWith('@langchain/'))).toEqual([]);
  });
});
