import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, inContinuousIntegration } from './find-chromium.js';
import { type RunningExample, startExample } from './start-example.js';

/** Flags that let Chromium run as root in a container, offline, with nothing but loopback. */
const launchFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium to drive, or undefined after registering what stands for the suite without one: a
 * failing test under CI (which must provide the browser), else a skipped test that says why.
 * Call it inside the suite's `describe`.
 * @param skippedTitle the title of the skipped test outside CI.
 */
export function chromiumOrStandIn(skippedTitle: string): string | undefined {
  const chromiumPath = findChromium();
  if (chromiumPath !== undefined) return chromiumPath;
  const missingBrowser = `no Chromium found (looked at ${chromiumCandidates.join(', ')}); install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
  if (inContinuousIntegration) {
    it('finds Chromium, which CI must provide', () => {
      throw new Error(`CI=${process.env.CI}: ${missingBrowser}`);
    });
  } else {
    it(skippedTitle, (context) => {
      console.warn(`browser test skipped: ${missingBrowser}`);
      context.skip(missingBrowser);
    });
  }
  return undefined;
}

/** A page of the example open in headless Chromium, and the script errors it raised. */
export interface OpenPage {
  browser: Browser;
  page: Page;
  pageErrors: string[];
}

/** Opens `url` in headless Chromium; locators fail in seconds, naming what is missing, not at the 30 s test timeout. */
export async function openPage(executablePath: string, url: string): Promise<OpenPage> {
  const browser = await chromium.launch({ executablePath, headless: true, args: launchFlags });
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  page.setDefaultTimeout(5_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return { browser, page, pageErrors };
}

/** Waits until useChat's status is `ready` or `error`: the stream is over. */
export async function streamEnded(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.querySelector('[data-testid="chat-status"]')?.getAttribute('data-status') ?? ''),
    undefined,
    { timeout },
  );
}

/** Types a prompt, sends it and returns the new assistant message once it appeared (the stream may go on). */
export async function sendPrompt(page: Page, prompt: string): Promise<Locator> {
  const replies = page.locator('li[data-role="assistant"]');
  const before = await replies.count();
  await page.getByLabel('Message').fill(prompt);
  await page.getByLabel('Message').press('Enter');
  await expect.poll(() => replies.count(), { timeout: 15_000 }).toBe(before + 1);
  return replies.nth(before);
}

/** A tool part of a reply, by tool name. */
export function toolOf(reply: Locator, name: string): Locator {
  return reply.locator(`[data-testid="tool"][data-tool-name="${name}"]`);
}

/** The example server and its page in Chromium, filled in before the suite's first test. */
export interface ExampleInChromium {
  example: RunningExample;
  page: Page;
  pageErrors: string[];
}

/**
 * Starts the example in `mode` before the suite and opens its page in Chromium; closes both after.
 * @param replayDelayMs pause between agno records in replay mode.
 */
export function exampleInChromium(chromiumPath: string, mode: 'replay' | 'live', replayDelayMs = 5): ExampleInChromium {
  const shown = {} as ExampleInChromium & { browser?: Browser };
  beforeAll(async () => {
    shown.example = await startExample(replayDelayMs, mode);
    Object.assign(shown, await openPage(chromiumPath, shown.example.url));
    // The page asks the server for its mode and scenarios before it offers them.
    await shown.page.locator(`main[data-mode="${mode}"]`).waitFor();
  }, 150_000);
  afterAll(async () => {
    await shown.browser?.close();
    await shown.example?.stop();
  }, 30_000);
  return shown;
}
