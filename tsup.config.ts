import { defineConfig, type Options } from 'tsup';

/** Library entries: the root, one subpath per adapter (`agent-event-bridge/<name>`), and the adapter kit. */
const libraryEntries: Record<string, string> = {
  index: 'src/index.ts',
  internal: 'src/internal.ts',
  agno: 'adapters/agno/index.ts',
  'agno-legacy': 'adapters/agno-legacy/index.ts',
  runner: 'adapters/runner/index.ts',
  langchain: 'adapters/langchain/index.ts',
  'ai-sdk': 'adapters/ai-sdk/index.ts',
};

/** The optional peers stay imports, resolved in the user's app. */
const peers = ['ai', '@langchain/core', /^@langchain\/core\//];

/**
 * CommonJS has no top-level await: there the LangChain peer is loaded with `require`, from the
 * sibling module of the same name.
 */
const requirePeers = {
  name: 'require-peers',
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string; resolveDir: string }) => { path: string }): void }) {
    build.onResolve({ filter: /\/core-messages\.js$/ }, (args) => ({ path: `${args.resolveDir}/${args.path.replace(/^.*\//, '').replace('.js', '-require.ts')}` }));
  },
};

/** What both builds share: no sourcemaps in the package (the code is unminified), tree-shaken shared chunks. */
const shared: Options = {
  target: 'node20',
  platform: 'neutral',
  external: [...peers, /^node:/],
  splitting: true,
  treeshake: true,
  silent: true,
  dts: { entry: libraryEntries, compilerOptions: { ignoreDeprecations: '6.0' } },
};

export default defineConfig([
  {
    ...shared,
    // The CLI shares the library's chunks instead of bundling a second copy; its shebang comes from src/cli/main.ts.
    entry: { ...libraryEntries, cli: 'src/cli/main.ts' },
    format: ['esm'],
    // The two builds run side by side and neither cleans: tsup's declaration pass removes every
    // .d.ts/.d.cts of the folder when `clean` is set, whatever the patterns, so two passes raced
    // on the same files (ENOENT on a rebuild). `npm run build` empties dist/ before both start.
    clean: false,
  },
  {
    ...shared,
    entry: libraryEntries,
    format: ['cjs'],
    clean: false,
    esbuildPlugins: [requirePeers],
  },
]);
