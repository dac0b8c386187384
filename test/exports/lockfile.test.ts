import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { optionalDependencies?: Record<string, string> }>;
};

describe('package-lock.json', () => {
  it('names every optional dependency, so that npm ci accepts it on any platform (see .ci/complete-lockfile.mjs)', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        // npm resolves a dependency in the package's own node_modules, then in each folder above.
        const parts = path.split('node_modules/').filter(Boolean);
        const candidates = parts.map((_, depth) => `${parts.slice(0, parts.length - depth).map((part) => `node_modules/${part}`).join('')}node_modules/${name}`.replace(/\/+/g, '/'));
        candidates.push(`node_modules/${name}`);
        if (!candidates.some((candidate) => candidate in lock.packages)) missing.push(`${path} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
