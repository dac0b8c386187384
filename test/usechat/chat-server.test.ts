import { DefaultChatTransport, type UIMessage, UI_MESSAGE_STREAM_HEADERS, getToolName, isToolUIPart, readUIMessageStream } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineageOf } from '../../examples/agno-usechat/page/lineage.js';
import { pendingConfirmations } from '../../examples/agno-usechat/page/pending-confirmations.js';
import { promptOf } from './prompt-of.js';
import { type RunningExample, startExample } from './start-example.js';

let example: RunningExample;

beforeAll(async () => {
  example = await startExample(0);
}, 60_000);

afterAll(async () => {
  await example?.stop();
});

interface Reply {
  message: UIMessage | undefined;
  errors: string[];
}

/** Sends one user message the way `useChat` does and reduces the reply the way it does. */
async function ask(text: string): Promise<Reply> {
  const transport = new DefaultChatTransport({ api: new URL('/api/chat', example.url).href });
  const stream = await transport.sendMessages({
    trigger: 'submit-message',
    chatId: 'chat-1',
    messageId: undefined,
    abortSignal: undefined,
    messages: [{ id: 'user-1', role: 'user', parts: [{ type: 'text', text }] }],
  });
  const errors: string[] = [];
  let message: UIMessage | undefined;
  // An `error` chunk reaches onError; a protocol violation would end the iteration early and throw.
  for await (const snapshot of readUIMessageStream({ stream, terminateOnError: false, onError: (error) => errors.push(String(error)) })) {
    message = snapshot;
  }
  return { message, errors };
}

function texts(message: UIMessage | undefined): string[] {
  return (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : []));
}

function tools(message: UIMessage | undefined) {
  return (message?.parts ?? []).flatMap((part) => (isToolUIPart(part) ? [{ ...part, name: getToolName(part) }] : []));
}

describe('the useChat example server', () => {
  it('answers a chat request with the UI message stream headers and a body that ends with [DONE]', async () => {
    const response = await fetch(new URL('/api/chat', example.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'chat-1', messages: [], trigger: 'submit-message', scenario: 'tools' }),
    });
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) expect(response.headers.get(name)).toBe(value);
    const body = await response.text();
    expect(body.startsWith('data: {"type":"start"')).toBe(true);
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('serves the built page from the same origin and nothing outside it', async () => {
    const page = await fetch(example.url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root"></div>');
    const outside = await fetch(new URL('/..%2F..%2Fpackage.json', example.url));
    expect(outside.status).toBe(404);
  });

  it("answers useChat's reconnect with 204 in replay mode: a replay ends with its connection, so there is nothing to resume", async () => {
    const transport = new DefaultChatTransport({ api: new URL('/api/chat', example.url).href });
    expect(await transport.reconnectToStream({ chatId: 'chat-1' })).toBeNull();
    const response = await fetch(new URL('/api/chat/chat%201/stream', example.url));
    expect([response.status, await response.text()]).toEqual([204, '']);
  });

  it('refuses a message that names no scenario, and says which ones exist', async () => {
    await expect(ask('hello')).rejects.toThrow('Send one of: team, tools, tool-error, pause, run-error.');
  });

  it('streams the team run with the member named in the metadata of its text', async () => {
    const { message, errors } = await ask(promptOf('team'));
    expect(errors).toEqual([]);
    // The team's run is the message; its actor is the app's own knowledge and is not sent.
    expect(message?.id).toMatch(/^run-1\.\d+$/);
    expect(lineageOf(message?.metadata)).toEqual({});
    const memberText = message?.parts.find((part) => part.type === 'text' && part.text === 'Paris is lovely');
    expect(memberText).toBeDefined();
    // useChat keeps the metadata of a text part's last chunk, so the lineage must survive to the end of the part.
    expect(lineageOf(memberText?.type === 'text' ? memberText.providerMetadata : undefined)).toEqual({
      runId: `run-2.${message?.id.split('.')[1]}`,
      parentRunId: message?.id,
      actor: { kind: 'agent', id: 'writer', name: 'Writer' },
    });
    expect(texts(message).at(-1)).toBe('Team says Paris is lovely');
    expect(tools(message).map((tool) => [tool.name, tool.state])).toEqual([['delegate_task_to_member', 'output-available']]);
  });

  it('streams a tool call with its input and output', async () => {
    const { message, errors } = await ask(promptOf('tools'));
    expect(errors).toEqual([]);
    const [tool] = tools(message);
    expect(tool).toMatchObject({ name: 'get_weather', state: 'output-available', input: { city: 'Paris' }, output: 'It is sunny in Paris' });
    expect(texts(message).join('')).toBe('It is sunny in Paris');
  });

  it('streams reasoning and a failed tool call as an output error, not as a result', async () => {
    const { message, errors } = await ask(promptOf('tool-error'));
    expect(errors).toEqual([]);
    const reasoning = message?.parts.filter((part) => part.type === 'reasoning').map((part) => (part.type === 'reasoning' ? part.text : ''));
    expect(reasoning).toEqual(['The user asks about Atlantis. I will call get_weather.']);
    const [tool] = tools(message);
    expect(tool).toMatchObject({ name: 'get_weather', state: 'output-error', input: { city: 'Atlantis' }, errorText: 'City not found: Atlantis' });
    expect(texts(message).join('')).toBe('I could not find Atlantis on the map.');
  });

  it('streams the paused run as a pause waiting for confirmation of its tool', async () => {
    const { message, errors } = await ask(promptOf('pause'));
    expect(errors).toEqual([]);
    expect(pendingConfirmations(message?.parts ?? [])).toEqual([{ kind: 'confirmation', toolName: 'delete_file', input: { path: '/data/report.txt' } }]);
  });

  it('streams the failed run as an error after the text written before it', async () => {
    const { message, errors } = await ask(promptOf('run-error'));
    expect(errors).toEqual(['Error: Model provider rate limit exceeded']);
    expect(texts(message).join('')).toBe('Let me look that up');
  });

  it('reports no conversion issue of level error for any scenario', () => {
    expect(example.log()).not.toMatch(/^\[[a-z-]+\] error /m);
  });
});
