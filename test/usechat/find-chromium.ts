import { existsSync } from 'node:fs';

/** Where Chromium is looked for: only `CHROMIUM_PATH` when it is set, else the Debian and common Linux paths. */
export const chromiumCandidates: readonly string[] =
  process.env.CHROMIUM_PATH === undefined || process.env.CHROMIUM_PATH === ''
    ? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
    : [process.env.CHROMIUM_PATH];

/** The first Chromium executable that exists, if any. */
export function findChromium(): string | undefined {
  return chromiumCandidates.find((path) => existsSync(path));
}

/** Whether the tests run in CI, where a missing browser is a failure rather than a skip. */
export const inContinuousIntegration = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
