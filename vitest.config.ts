import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Python virtual environments of the interop tests hold no tests and many files.
    exclude: [...configDefaults.exclude, 'test/interop/.venv/**'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
