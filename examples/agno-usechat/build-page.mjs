// @ts-check
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const exampleDirectory = fileURLToPath(new URL('.', import.meta.url));

/** Where the page is built by default (git-ignored). */
export const defaultPageDirectory = join(exampleDirectory, 'dist');

/**
 * Builds the React page (page/) with Vite and returns the directory it was written to.
 * @param {string} [outDir] where to write it; emptied first.
 */
export async function buildPage(outDir = defaultPageDirectory) {
  await build({
    root: join(exampleDirectory, 'page'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
