import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(import.meta.dirname, '..', '..', 'adapters', 'langchain');
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));

/** The modules a source loads at runtime: static imports (`import type` left out), `import()` and `require()`. */
function runtimeImports(name: string): string[] {
  const text = readFileSync(join(folder, name), 'utf8');
  const staticImports = [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)];
  const loads = [...text.matchAll(/\b(?:import|require)\('([^']+)'\)/g)];
  return [...staticImports, ...loads].map((match) => match[1] ?? '');
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

  it('only the peer loader (ESM and CommonJS builds) loads @langchain/core, and only the instance helpers use it', () => {
    const loaders = sources.filter((name) => runtimeImports(name).some((module) => module.startsWith('@langchain/')));
    expect(loaders).toEqual(['core-messages-require.ts', 'core-messages.ts']);
    const users = sources.filter((name) => runtimeImports(name).some((module) => module === './core-messages.js'));
    expect(users).toEqual(['instances.ts']);
  });
});
