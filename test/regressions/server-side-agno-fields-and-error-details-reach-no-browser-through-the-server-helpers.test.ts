import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { pipeUIMessageStreamToServerResponse, toUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';
import { ConversionError } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const fixtures = join(import.meta.dirname, '..', 'agno', 'fixtures');
const marker = 'MARKER-5e21d0-server-only';

type AgnoRecord = Record<string, unknown> & { event: string };

/**
 * agno 2.9 streams with the marker in what stays on the server: `session_state`, `metadata`,
 * `dependencies`, `references`, `additional_input`, a system and a user message of the run,
 * tool metrics, and the traceback of an error.
 */
function planted(): AgnoRecord[] {
  const tools = readJsonl(join(fixtures, 'v2.9.0-agent-tools.jsonl')) as AgnoRecord[];
  const failing = readJsonl(join(fixtures, 'constructed-v2.9.0-run-error.jsonl')) as AgnoRecord[];
  for (const record of [...tools, ...failing]) {
    if (record.event === 'RunStarted' || record.event === 'RunCompleted') {
      Object.assign(record, {
        session_state: { api_key: marker },
        metadata: { tenant: marker },
        dependencies: { database_url: marker },
        references: [{ query: marker, references: [{ content: marker }] }],
        additional_input: [{ role: 'user', content: marker }],
      });
    }
    if (record.event === 'RunCompleted') {
      record.messages = [
        { role: 'system', content: `You are the agent of ${marker}.` },
        { role: 'user', content: `What is ${marker}?` },
      ];
    }
    const tool = record.tool as Record<string, unknown> | undefined;
    if (tool !== undefined) tool.metrics = { duration: 0.1, host: marker };
    if (record.event === 'RunError') {
      record.content = `boom\nTraceback (most recent call last):\n  File "/srv/${marker}/agent.py", line 12`;
      record.additional_data = { traceback: marker };
    }
  }
  return [...tools, ...failing];
}

async function bodyOf(response: Response): Promise<string> {
  return await response.text();
}

/** What `pipeUIMessageStreamToServerResponse` writes, collected from a stand-in for `ServerResponse`. */
async function piped(records: unknown[], options: Parameters<typeof pipeUIMessageStreamToServerResponse>[2]): Promise<string> {
  let written = '';
  await pipeUIMessageStreamToServerResponse({ writeHead: () => undefined, write: (chunk) => ((written += chunk), true), end: () => undefined }, records, options);
  return written;
}

describe('the server helpers send a browser nothing of the agno run it has no place for', () => {
  it('the planted records hold the marker in every server-side field', () => {
    const text = JSON.stringify(planted());
    for (const field of ['session_state', 'metadata', 'dependencies', 'references', 'additional_input', 'messages', 'metrics', 'additional_data']) {
      expect(text).toContain(`"${field}"`);
    }
    expect(text.split(marker).length - 1).toBeGreaterThanOrEqual(15);
  });

  it('toUIMessageStreamResponse and pipeUIMessageStreamToServerResponse hold no marker, and mask the error text', async () => {
    for (const body of [await bodyOf(toUIMessageStreamResponse(planted(), { from: agnoFormat })), await piped(planted(), { from: agnoFormat })]) {
      expect(body).toContain('Paris');
      expect(body).not.toContain(marker);
      expect(body).not.toContain('boom');
      expect(body).toContain('data: {"type":"error","errorText":"An error occurred."}');
    }
  });

  it('onError decides what the client reads of an error', async () => {
    const body = await bodyOf(toUIMessageStreamResponse(planted(), { from: agnoFormat, onError: (error) => `failed: ${(error as Error).message.split('\n')[0]}` }));
    expect(body).toContain('data: {"type":"error","errorText":"failed: boom"}');
    expect(body).not.toContain(marker);
  });

  it('a failing source is masked the same way', async () => {
    async function* failing(): AsyncGenerator<unknown> {
      yield* planted().slice(0, 3);
      throw new Error(`connection to ${marker} reset`);
    }
    const body = await bodyOf(toUIMessageStreamResponse(failing(), { from: agnoFormat }));
    expect(body).not.toContain(marker);
    expect(body).toContain('"errorText":"An error occurred."');
  });

  it('relay is refused unless exposeSourceRecordsToBrowser names the risk; with it, the records (and the marker) go out', async () => {
    expect(() => toUIMessageStreamResponse(planted(), { from: agnoFormat, relay: true })).toThrow(ConversionError);
    await expect(piped(planted(), { from: agnoFormat, relay: true })).rejects.toThrow(/exposeSourceRecordsToBrowser/);
    const body = await bodyOf(toUIMessageStreamResponse(planted(), { from: agnoFormat, relay: true, exposeSourceRecordsToBrowser: true }));
    expect(body).toContain('data-agent-event-bridge-relay');
    expect(body).toContain(marker);
  });
});
