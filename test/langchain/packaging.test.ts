import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(import.meta.dirname, '..', '..', 'adapters', 'langchain');
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));

/** The relative modules a source imports at runtime (`import type` left out). */
function runtimeImports(name: string): string[] {
  const text = readFileSync(join(folder, name), 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((match) => match[1] ?? '');
}

/** Every module reachable at runtime from an adapter module. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const target of runtimeImports(entry)) {
    if (target.startsWith('./')) reachable(target.slice(2).replace(/\.js$/, '.ts'), seen);
    else seen.add(target);
  }
  return seen;
}

describe('langchain packaging', () => {
  it('the registered format never loads @langchain/core at runtime', () => {
    const loaded = [...reachable('format.ts')];
    expect(loaded.filter((module) => module.startsWith('@langchain/'))).toEqual([]);
  });

  it('no adapter module imports a Node built-in', () => {
    const imports = sources.flatMap(runtimeImports);
    expect(imports.filter((module) => module.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'stream'].includes(module))).toEqual([]);
  });

  it('only the subpath entry and its instance helpers load @langchain/core', () => {
    const loaders = sources.filter((name) => runtimeImports(name).some((module) => module.startsWith('@langchain/')));
    expect(loaders).toEqual(['instances.ts']);
  });
});
