#!/usr/bin/env node
// Bundles the README's useChat route and the root entry with esbuild (minified, the optional peers
// external) against the built package (`npm run build` first) and prints each size with its budget
// and verdict. It exits 1 when a program grows past its ceiling: the size it had when the ceiling
// was last set plus a small margin (about half a kB), never above the budget once the budget is
// met, so a size can only go down. `--details` lists the bytes each module adds. `--sources`
// bundles the same programs from the TypeScript sources instead (no build needed; it checks no
// ceiling) and lists the bytes per source folder: per format (`adapters/<name>`) and per layer.
// `--build DIR` bundles another build of the package (a copy of dist/, as the benchmark takes);
// `--json` prints the sizes as JSON (name, bytes, budget, ceiling) instead of the lines.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const details = process.argv.includes('--details');
const sources = process.argv.includes('--sources');
const json = process.argv.includes('--json');
const buildOption = process.argv.indexOf('--build');
const buildFolder = buildOption === -1 ? undefined : resolve(process.argv[buildOption + 1]);

/** The source file of a package entry: `agent-event-bridge` and `/internal` in src/, a format's in adapters/. */
function sourceEntry(specifier) {
  const subpath = specifier.slice('agent-event-bridge'.length);
  if (subpath === '') return join(root, 'src/index.ts');
  if (subpath === '/internal') return join(root, 'src/internal.ts');
  return join(root, 'adapters', subpath.slice(1), 'index.ts');
}

/** With `--sources`, resolves the package's own entries to their TypeScript sources. */
const fromSources = {
  name: 'from-sources',
  setup(build) {
    build.onResolve({ filter: /^agent-event-bridge(\/|$)/ }, (args) => ({ path: sourceEntry(args.path) }));
  },
};

/** With `--build DIR`, resolves the package's own entries to that build's modules (`DIR/index.js`, `DIR/agno.js` …). */
const fromBuild = {
  name: 'from-build',
  setup(build) {
    build.onResolve({ filter: /^agent-event-bridge(\/|$)/ }, (args) => ({ path: join(buildFolder, `${args.path.slice('agent-event-bridge/'.length) || 'index'}.js`) }));
  },
};

/** The code block of the README section that shows the useChat route: the program measured. */
function readmeRoute() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.indexOf('### Bridge an agno backend to a `useChat` front end');
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(section));
  if (section < 0 || block === null) throw new Error('README.md has no useChat route section with a ts block');
  return block[1];
}

/**
 * The programs measured, with the budget each should meet and the ceiling `npm test` holds it to,
 * in bytes (1 kB = 1000 bytes, as esbuild prints). Lower a ceiling whenever a change shrinks its
 * program.
 */
const programs = [
  { name: "README's useChat route (agent-event-bridge/ai-sdk + agent-event-bridge/agno)", code: readmeRoute(), budget: 80_000, ceiling: 80_000 },
  { name: 'root entry, every format (export * from agent-event-bridge)', code: "export * from 'agent-event-bridge';\n", budget: 200_000, ceiling: 304_692 },
];

/**
 * Groups an esbuild input path: a dependency by package; our code by its chunk in the build, or
 * with `--sources` by its folder (`adapters/agno`, `src/pipeline`; a file of src/ alone).
 */
function groupOf(path) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (dependency !== null) return dependency[1];
  if (!sources) return path;
  const folder = /^(adapters\/[^/]+|src\/[^/]+\/)/.exec(path);
  return folder === null ? path : folder[1].replace(/\/$/, '');
}

let failed = false;
const measured = [];
for (const program of programs) {
  const result = await build({
    stdin: { contents: program.code, loader: 'ts', resolveDir: root, sourcefile: 'program.ts' },
    bundle: true,
    minify: true,
    platform: 'neutral',
    // The optional peers are the user's own installs, as in the package build.
    external: ['ai', '@langchain/core', '@langchain/core/*'],
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: sources ? [fromSources] : buildFolder === undefined ? [] : [fromBuild],
  });
  const bytes = result.outputFiles[0].contents.length;
  const verdict = `${bytes <= program.budget ? 'met' : 'not met'} (ceiling ${program.ceiling / 1000} kB: ${bytes <= program.ceiling ? 'ok' : 'EXCEEDED'})`;
  failed ||= !sources && bytes > program.ceiling;
  measured.push({ name: program.name, bytes, budget: program.budget, ceiling: program.ceiling });
  if (json) continue;
  console.log(`${(bytes / 1000).toFixed(1).padStart(6)} kB  budget ${program.budget / 1000} kB ${sources ? '(from the sources)' : verdict}  ${program.name}`);
  if (!details && !sources) continue;
  const groups = new Map();
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + input.bytesInOutput);
  }
  for (const [group, size] of [...groups].sort((left, right) => right[1] - left[1])) console.log(`          ${(size / 1000).toFixed(1).padStart(6)} kB  ${group}`);
}
if (json) console.log(JSON.stringify(measured));
if (failed) {
  console.error('bundle-size: a program grew past its ceiling (node scripts/bundle-size.mjs --details shows what it holds)');
  process.exitCode = 1;
}
