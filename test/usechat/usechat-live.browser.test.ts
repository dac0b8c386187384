import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import liveScenarios from '../../examples/agno-usechat/live-scenarios.json' with { type: 'json' };
import type { UIMessage } from 'ai';
import type { Locator, Page } from 'playwright-core';
import { savedChatKey } from '../../examples/agno-usechat/page/saved-chat.js';
import { skipPython, skipReason } from '../interop/python.js';
import { chromiumOrStandIn, exampleInChromium, sendPrompt, streamEnded, toolOf } from './chromium-page.js';

const artifactDirectory = join(import.meta.dirname, '../../test-results/usechat');

/** The prompt of a live scenario (live-scenarios.json). */
function promptOf(name: string): string {
  const scenario = liveScenarios.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`live-scenarios.json has no scenario "${name}"`);
  return scenario.prompt;
}

describe.skipIf(skipPython)(`the useChat example on agno's live AgentOS, in headless Chromium${skipPython ? ` (${skipReason})` : ''}`, () => {
  const chromiumPath = chromiumOrStandIn('answers every pause kind and stops a run');
  if (chromiumPath === undefined) return;

  const shown = exampleInChromium(chromiumPath, 'live', 0);

  /** Sends a scenario's prompt and waits until its run paused on a tool: returns the reply and the tool's answer form. */
  async function pausedReply(name: string, toolName: string): Promise<{ reply: Locator; tool: Locator; answer: Locator }> {
    const reply = await sendPrompt(shown.page, promptOf(name));
    await streamEnded(shown.page);
    const tool = toolOf(reply, toolName);
    const answer = tool.getByTestId('answer');
    await answer.waitFor();
    expect(await reply.getByTestId('pause').textContent()).toContain('Answer above: agno continues the run in this message.');
    return { reply, tool, answer };
  }

  /** Waits until the continued run ended in the same message: the scripted agent's closing text. */
  async function continued(reply: Locator): Promise<void> {
    await expect.poll(() => reply.locator('.text').allTextContents(), { timeout: 15_000 }).toEqual(['I need your say first.', 'Done as you said.']);
    await streamEnded(shown.page);
    expect(await shown.page.getByTestId('chat-status').getAttribute('data-status')).toBe('ready');
    // The answered pause is gone, and no form is left to answer.
    expect(await reply.getByTestId('pause').count()).toBe(0);
    expect(await reply.getByTestId('answer').count()).toBe(0);
  }

  it('Approve continues the paused run: agno runs the tool and its output and closing text appear in the same message', async () => {
    const replies = shown.page.locator('li[data-role="assistant"]');
    const { reply, tool, answer } = await pausedReply('confirmation', 'delete_file');
    expect(await tool.getAttribute('data-state')).toBe('approval-requested');
    const before = await replies.count();
    await answer.getByRole('button', { name: 'Approve' }).click();
    await continued(reply);
    expect(await replies.count()).toBe(before);
    expect(await tool.getAttribute('data-state')).toBe('output-available');
    expect(await tool.locator('.tool-output').textContent()).toBe('Deleted /tmp/report.txt');
  });

  it('Deny with a reason continues the run without running the tool', async () => {
    const { reply, tool, answer } = await pausedReply('confirmation', 'delete_file');
    await answer.getByLabel('Reason').fill('keep the report');
    await answer.getByRole('button', { name: 'Deny' }).click();
    await continued(reply);
    // agno's continued stream says nothing of the denied tool; the route passes the answers, so it ends denied.
    expect(await tool.getAttribute('data-state')).toBe('output-denied');
    expect(await tool.locator('.tool-error').textContent()).toBe('denied: keep the report');
    expect(await tool.locator('.tool-output').count()).toBe(0);
  });

  it("a user-input form fills the tool's missing field, and agno runs the tool with it", async () => {
    const { reply, tool, answer } = await pausedReply('user-input', 'send_email');
    expect(await tool.getAttribute('data-state')).toBe('input-available');
    expect(await answer.getByLabel('subject').inputValue()).toBe('Weekly report');
    await answer.getByLabel('recipient').fill('ada@example.com');
    await answer.getByRole('button', { name: 'Send' }).click();
    await continued(reply);
    expect(await tool.getAttribute('data-state')).toBe('output-available');
    expect(await tool.locator('.tool-output').textContent()).toBe("Sent 'Weekly report' to ada@example.com");
  });

  it("the answer to the agent's feedback question continues the run", async () => {
    const { reply, tool, answer } = await pausedReply('user-feedback', 'ask_user');
    expect(await answer.locator('legend').allTextContents()).toEqual(['Which format do you want?']);
    await answer.getByLabel('PDF').check();
    await answer.getByRole('button', { name: 'Send' }).click();
    await continued(reply);
    expect(await tool.getAttribute('data-state')).toBe('output-available');
    expect(await tool.locator('.tool-output').textContent()).toBe('{\n  "Which format do you want?": [\n    "PDF"\n  ]\n}');
  });

  it("an external tool's result supplied in the page becomes the tool's result in agno", async () => {
    const { reply, tool, answer } = await pausedReply('external-execution', 'run_shell');
    await answer.getByLabel('Result').fill('report.txt notes.md');
    await answer.getByRole('button', { name: 'Send' }).click();
    await continued(reply);
    expect(await tool.getAttribute('data-state')).toBe('output-available');
    expect(await tool.locator('.tool-output').textContent()).toBe('report.txt notes.md');
  });

  it('a team run names its member beside what it said, and tool calls show their outputs and errors', async () => {
    const team = await sendPrompt(shown.page, promptOf('team'));
    await streamEnded(shown.page);
    expect(await team.locator('[data-testid="turn"][data-actor="Researcher"] .text').allTextContents()).toEqual(['Oslo: sunny, 21 degrees.']);
    expect(await team.locator('.text').last().textContent()).toBe('The researcher says Oslo is sunny at 21 degrees.');
    const tools = await sendPrompt(shown.page, promptOf('tools'));
    await streamEnded(shown.page);
    expect(await toolOf(tools, 'get_weather').getAttribute('data-state')).toBe('output-available');
    expect(await toolOf(tools, 'get_stock_price').getAttribute('data-state')).toBe('output-error');
    expect(await tools.locator('.text').last().textContent()).toBe('Paris is sunny at 21 degrees. The quote service is down.');
  });

  it("a failing run shows agno's error, keeping the text written before it", async () => {
    const reply = await sendPrompt(shown.page, promptOf('run-error'));
    await streamEnded(shown.page);
    expect(await shown.page.getByTestId('chat-status').getAttribute('data-status')).toBe('error');
    expect(await shown.page.getByTestId('chat-error').textContent()).toContain('The scripted provider is overloaded');
    expect(await reply.locator('.text').allTextContents()).toEqual(['Checking']);
  });

  it('Stop ends the stream in the page and AgentOS reports the agno run cancelled', async () => {
    const reply = await sendPrompt(shown.page, promptOf('slow'));
    await expect.poll(() => reply.locator('.text').first().textContent(), { timeout: 15_000 }).toMatch(/^Working\.+/);
    await shown.page.getByRole('button', { name: 'Stop', exact: true }).click();
    await streamEnded(shown.page);
    const runId = await reply.getAttribute('data-run-id');
    const chatId = await shown.page.locator('main').getAttribute('data-chat-id');
    const status = async () => {
      // The example's agno session of this chat with slow-agent (sessionOf in agentos-backend.mjs).
      const response = await fetch(`${shown.example.agentOsUrl}/agents/slow-agent/runs/${runId}?session_id=${chatId}.slow-agent`);
      return ((await response.json()) as { status?: unknown }).status;
    };
    await expect.poll(status, { timeout: 10_000, interval: 250 }).toBe('CANCELLED');
    // The text stopped where Stop was pressed: the agent's closing words never came.
    expect(await reply.locator('.text').first().textContent()).not.toContain('done.');
  });

  it('a page reloaded mid-run shows the same assistant message again, which useChat completes exactly once; after the run a reload has nothing to resume', async () => {
    // A page of its own: a new chat, and sessionStorage of its own.
    const browser = shown.page.context().browser();
    if (browser === null) throw new Error('the example page has no browser');
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    page.setDefaultTimeout(5_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const finalText = `Counting:${Array.from({ length: 40 }, (_, index) => ` ${index + 1}`).join('')}. Done.`;
      /** The answer to useChat's reconnect (`resume: true`) that the next load sends. */
      const reconnect = (chatId: string) => page.waitForResponse((response) => new URL(response.url()).pathname === `/api/chat/${chatId}/stream`);
      const status = () => page.getByTestId('chat-status').getAttribute('data-status');

      const firstLoad = page.waitForResponse((response) => /^\/api\/chat\/[^/]+\/stream$/.test(new URL(response.url()).pathname));
      await page.goto(shown.example.url);
      await page.locator('main[data-mode="live"]').waitFor();
      const chatId = String(await page.locator('main').getAttribute('data-chat-id'));
      // The chat is named in the URL, so a reload keeps it; a new chat has nothing to resume.
      expect(new URL(page.url()).searchParams.get('chat')).toBe(chatId);
      expect((await firstLoad).status()).toBe(204);

      const reply = await sendPrompt(page, promptOf('reload'));
      await expect.poll(() => reply.locator('.text').first().textContent(), { timeout: 15_000 }).toMatch(/^Counting: 1 2 3/);
      const runId = String(await reply.getAttribute('data-run-id'));

      // The run counts for twelve seconds: this reload comes about a second into it.
      const resumed = reconnect(chatId);
      await page.reload();
      const answer = await resumed;
      expect(answer.status()).toBe(200);
      expect(answer.headers()['content-type']).toBe('text/event-stream');
      const runStatus = async () => {
        const run = await fetch(`${shown.example.agentOsUrl}/agents/counting-agent/runs/${runId}?session_id=${chatId}.counting-agent`);
        return ((await run.json()) as { status?: unknown }).status;
      };
      // The page re-attached while agno still ran the run: the reload came mid-run.
      expect(await runStatus()).toBe('RUNNING');
      const replies = page.locator('li[data-role="assistant"]');
      const message = replies.first();
      await expect.poll(status, { timeout: 30_000 }).toBe('ready');

      // What the user sees: their prompt and one assistant message, the same one, with the whole text once.
      expect(await page.locator('li[data-role="user"]').allTextContents()).toEqual([`You${promptOf('reload')}`]);
      expect(await replies.count()).toBe(1);
      expect(await message.getAttribute('data-run-id')).toBe(runId);
      expect(await message.locator('.text').allTextContents()).toEqual([finalText]);
      // What useChat holds (the page saves its messages in sessionStorage).
      const saved = async () => JSON.parse(String(await page.evaluate((key) => sessionStorage.getItem(key), savedChatKey(chatId)))) as UIMessage[];
      const messages = await saved();
      expect(messages.map((each) => each.role)).toEqual(['user', 'assistant']);
      expect(messages[1]?.id).toBe(runId);
      expect(messages[1]?.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []))).toEqual([finalText]);
      // The reload closed the first stream, and agno ran on: the run completed.
      expect(await runStatus()).toBe('COMPLETED');

      // After the run: nothing to resume, and the page shows the chat as it was saved.
      const afterRun = reconnect(chatId);
      await page.reload();
      expect((await afterRun).status()).toBe(204);
      await expect.poll(status).toBe('ready');
      expect(await replies.count()).toBe(1);
      expect(await message.getAttribute('data-run-id')).toBe(runId);
      expect(await message.locator('.text').allTextContents()).toEqual([finalText]);
      expect(await saved()).toEqual(messages);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('ran without a script error; the page is saved as a screenshot', async () => {
    expect(shown.pageErrors).toEqual([]);
    mkdirSync(artifactDirectory, { recursive: true });
    await shown.page.screenshot({ path: join(artifactDirectory, 'live.png'), fullPage: true });
  });
});
