import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { updating } from '../support/golden.js';
import scenarios from '../../examples/agno-usechat/scenarios.json' with { type: 'json' };
import { promptOf } from './prompt-of.js';
import { chromiumOrStandIn, exampleInChromium, sendPrompt, streamEnded, toolOf } from './chromium-page.js';

const repository = join(import.meta.dirname, '../..');
const screenshotPath = join(repository, 'examples/agno-usechat/screenshot.png');
const artifactDirectory = join(repository, 'test-results/usechat');

describe('the useChat example in headless Chromium', () => {
  const chromiumPath = chromiumOrStandIn('renders every agno scenario');
  if (chromiumPath === undefined) return;

  const shown = exampleInChromium(chromiumPath, 'replay', 5);

  /** Types a scenario's prompt, sends it, waits until the stream is over and returns the reply. */
  async function send(name: string): Promise<Locator> {
    const reply = await sendPrompt(shown.page, promptOf(name));
    await streamEnded(shown.page);
    return reply;
  }

  function turn(reply: Locator, actor: string): Locator {
    return reply.locator(`[data-testid="turn"][data-actor="${actor}"]`);
  }

  const tool = toolOf;

  it('shows the team run with the member named beside what it said', async () => {
    const reply = await send('team');
    const turns = reply.getByTestId('turn');
    expect(await turns.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-actor')))).toEqual([
      'Assistant',
      'Writer',
      'Assistant',
    ]);
    const member = turn(reply, 'Writer');
    expect(await member.getAttribute('class')).toBe('turn member');
    expect(await member.locator('.text').allTextContents()).toEqual(['Paris is lovely']);
    // Each replay is a fresh run: the server suffixes the recording's run ids with the replay's number.
    expect(await member.locator('.parent').textContent()).toMatch(/^member run run-2\.(\d+), started by run-1\.\1$/);
    expect(await turns.last().locator('.text').allTextContents()).toEqual(['Team says Paris is lovely']);
    const delegation = tool(reply, 'delegate_task_to_member');
    expect(await delegation.getAttribute('data-state')).toBe('output-available');
    expect(await delegation.locator('.tool-input').textContent()).toBe('{"member_id":"writer","task":"Describe Paris"}');
    expect(await delegation.locator('.tool-output').textContent()).toBe('Paris is lovely');
  });

  it('shows a tool call with its name, input and output, then the final text', async () => {
    const reply = await send('tools');
    const weather = tool(reply, 'get_weather');
    expect(await weather.getAttribute('data-state')).toBe('output-available');
    expect(await weather.locator('.tool-input').textContent()).toBe('{"city":"Paris"}');
    expect(await weather.locator('.tool-output').textContent()).toBe('It is sunny in Paris');
    expect(await reply.locator('.text').last().textContent()).toBe('It is sunny in Paris');
    expect(await turn(reply, 'Assistant').count()).toBeGreaterThan(0);
  });

  it('shows reasoning and a failed tool call in its error state', async () => {
    const reply = await send('tool-error');
    expect(await reply.locator('.reasoning p').allTextContents()).toEqual(['The user asks about Atlantis. I will call get_weather.']);
    const weather = tool(reply, 'get_weather');
    expect(await weather.getAttribute('data-state')).toBe('output-error');
    expect(await weather.locator('.tool-error').textContent()).toBe('City not found: Atlantis');
    expect(await weather.locator('.tool-output').count()).toBe(0);
    expect(await reply.locator('.text').last().textContent()).toBe('I could not find Atlantis on the map.');
  });

  it('shows the paused run waiting for confirmation of its tool, without a result', async () => {
    const reply = await send('pause');
    expect(await reply.getByTestId('pause').locator('strong').textContent()).toBe('Assistant paused.');
    expect(await reply.getByTestId('pending').allTextContents()).toEqual(['confirmation of delete_file{"path":"/data/report.txt"}']);
    expect(await reply.locator('.tool-output').count()).toBe(0);
    expect(await shown.page.getByTestId('chat-status').getAttribute('data-status')).toBe('ready');
  });

  it('shows the failed run as an error, keeping the text written before it', async () => {
    const reply = await send('run-error');
    expect(await shown.page.getByTestId('chat-status').getAttribute('data-status')).toBe('error');
    expect(await shown.page.getByTestId('chat-error').textContent()).toBe('The run failed: Model provider rate limit exceeded');
    expect(await reply.locator('.text').allTextContents()).toEqual(['Let me look that up']);
  });

  it('renders every scenario on one page without a script error, saved as a screenshot', async () => {
    expect(await shown.page.locator('li[data-role="assistant"]').count()).toBe(scenarios.length);
    expect(shown.pageErrors).toEqual([]);
    mkdirSync(artifactDirectory, { recursive: true });
    const artifact = join(artifactDirectory, 'screenshot.png');
    await shown.page.screenshot({ path: artifact, fullPage: true });
    // The README's screenshot is refreshed on request only, so a test run leaves the tree clean.
    if (updating) copyFileSync(artifact, screenshotPath);
  });
});
