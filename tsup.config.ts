import { defineConfig } from 'tsup';

/** Library entries: the root and one subpath per adapter (`agent-event-bridge/<name>`). */
const libraryEntries: Record<string, string> = {
  index: 'src/index.ts',
  agno: 'adapters/agno/index.ts',
  'agno-legacy': 'adapters/agno-legacy/index.ts',
  runner: 'adapters/runner/index.ts',
  langchain: 'adapters/langchain/index.ts',
  'ai-sdk': 'adapters/ai-sdk/index.ts',
};

export default defineConfig([
  {
    entry: libraryEntries,
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    external: ['ai', '@langchain/core', /^@langchain\/core\//],
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['ai', '@langchain/core', /^@langchain\/core\//],
    splitting: false,
  },
]);
