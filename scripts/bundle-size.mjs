#!/usr/bin/env node
// Bundles the README's useChat route and the root entry with esbuild (minified, the optional peers
// external) against the built package (`npm run build` first) and prints each size with its budget
// and verdict. It exits 1 when a program grows past its ceiling: the size it had when the ceiling
// was last set plus a small margin (about half a kB), never above the budget once the budget is
// met, so a size can only go down. `--details` lists the bytes each module adds.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const details = process.argv.includes('--details');

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
  { name: "README's useChat route (agent-event-bridge/ai-sdk + agent-event-bridge/agno)", code: readmeRoute(), budget: 80_000, ceiling: 78_600 },
  { name: 'root entry, every format (export * from agent-event-bridge)', code: "export * from 'agent-event-bridge';\n", budget: 200_000, ceiling: 287_800 },
];

/** Groups an esbuild input path: a dependency by package, our code by its folder in the build. */
function groupOf(path) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return dependency === null ? path : dependency[1];
}

let failed = false;
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
  });
  const bytes = result.outputFiles[0].contents.length;
  const verdict = `${bytes <= program.budget ? 'met' : 'not met'} (ceiling ${program.ceiling / 1000} kB: ${bytes <= program.ceiling ? 'ok' : 'EXCEEDED'})`;
  failed ||= bytes > program.ceiling;
  console.log(`${(bytes / 1000).toFixed(1).padStart(6)} kB  budget ${program.budget / 1000} kB ${verdict}  ${program.name}`);
  if (!details) continue;
  const groups = new Map();
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + input.bytesInOutput);
  }
  for (const [group, size] of [...groups].sort((left, right) => right[1] - left[1])) console.log(`          ${(size / 1000).toFixed(1).padStart(6)} kB  ${group}`);
}
if (failed) {
  console.error('bundle-size: a program grew past its ceiling (node scripts/bundle-size.mjs --details shows what it holds)');
  process.exitCode = 1;
}
