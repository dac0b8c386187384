import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from '@langchain/core/load';
import { AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { type LangChainRecordHandlers, createLangChainDecoder, langchainRecordHandlers, reviveLangChainRecord } from '../../adapters/langchain/index.js';
import type { CanonicalEvent, IssueInput } from '../../src/index.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { toolMessageChunkHistory } from '../upstream/langchain-tool-message-chunk.js';
import { toolCallChunkCases } from '../upstream/langchain-tool-call-chunks.js';

const fixtures = join(import.meta.dirname, 'fixtures');

function context(issues: IssueInput[]): AdapterContext {
  let next = 0;
  return { report: (issue) => void issues.push(issue), mint: (kind) => `${kind}-${++next}` };
}

/**
 * What the decoder makes of some records: its events, the issues it reports, and what each
 * handler is given (an override of `handlers` sees the record as it reads it).
 */
function decode(records: readonly unknown[]): { events: CanonicalEvent[]; issues: IssueInput[]; handled: unknown[][] } {
  const issues: IssueInput[] = [];
  const handled: unknown[][] = [];
  const recording = Object.fromEntries(
    Object.entries(langchainRecordHandlers).map(([type, handler]) => [
      type,
      (...args: unknown[]) => {
        // The state and the output list are the decoder's own: what it was given is the rest.
        handled.push([type, args[1], ...args.slice(3)]);
        (handler as (...given: unknown[]) => void)(...args);
      },
    ]),
  ) as unknown as LangChainRecordHandlers;
  const decoder = createLangChainDecoder(context(issues), { handlers: recording });
  const events = [...records.flatMap((record) => decoder.push(record)), ...decoder.flush()];
  return { events, issues, handled };
}

/** Whether a value holds a @langchain/core instance at any depth. */
function holdsInstance(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsInstance);
  if (typeof value !== 'object' || value === null) return false;
  return Object.getPrototypeOf(value) !== Object.prototype || Object.values(value).some(holdsInstance);
}

/** A record as its instance; records @langchain/core JS cannot build (Python's stored chunks) stay JSON. */
function revived(record: unknown): unknown {
  try {
    return reviveLangChainRecord(record);
  } catch {
    return record;
  }
}

/** The LangChain record fixtures, each record revived as the instances an application holds. */
async function fixtureInstances(): Promise<{ name: string; instances: unknown[] }[]> {
  const files = readdirSync(fixtures).filter((file) => file.endsWith('.jsonl') && !file.endsWith('.canonical.jsonl') && !file.endsWith('.issues.jsonl'));
  return Promise.all(
    files.map(async (file) => {
      const lines = readFileSync(join(fixtures, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
      // streamEvents records are revived by `load` (their messages as instances), messages by their class.
      const instances = file.includes('stream-events') ? await Promise.all(lines.map((line) => load(line))) : lines.map((line) => revived(JSON.parse(line)));
      return { name: file, instances };
    }),
  );
}

/** A chunk changed after it was built: `toJSON` writes what the instance holds, not what it was built with. */
function changedChunk(): AIMessageChunk {
  const chunk = new AIMessageChunk({ id: 'chunk-changed', content: 'built with' });
  chunk.content = 'changed to';
  return chunk;
}

/**
 * `toJSON` copies each object of a message's fields key by key before `JSON.stringify` sees it:
 * an object with a `toJSON` of its own (a Date) is written as `{}`, as LangChain stores it.
 */
const at = new Date('2026-12-07T04:00:00.000Z');

/** streamEvents records whose messages (input, chunk, output, tool output) hold a Date in their fields. */
function datedStreamEvents(): unknown[] {
  const envelope = { run_id: 'run-dated', name: 'model', tags: [], metadata: {} };
  return [
    { event: 'on_chat_model_start', ...envelope, data: { input: { messages: [[new HumanMessage({ content: 'when?', additional_kwargs: { at } })]] } } },
    { event: 'on_chat_model_stream', ...envelope, data: { chunk: new AIMessageChunk({ id: 'chunk-dated', content: 'now', additional_kwargs: { at } }) } },
    { event: 'on_chat_model_end', ...envelope, data: { output: new AIMessageChunk({ id: 'chunk-dated', content: 'now', response_metadata: { at } }) } },
    { event: 'on_tool_end', run_id: 'tool-dated', name: 'clock', tags: [], metadata: {}, data: { output: new ToolMessage({ content: 'noon', tool_call_id: 'call-dated', artifact: { at } }) } },
  ];
}

const instanceCases = async (): Promise<{ name: string; instances: unknown[] }[]> => [
  ...(await fixtureInstances()),
  ...toolCallChunkCases.map((chunkCase) => ({ name: `upstream: ${chunkCase.name}`, instances: chunkCase.chunks })),
  { name: 'upstream: a ToolMessageChunk in a history', instances: toolMessageChunkHistory() },
  { name: 'a chunk changed after it was built', instances: [changedChunk()] },
  // toJSON writes a camelCase field in snake_case.
  { name: 'a chunk with a camelCase field', instances: [new AIMessageChunk({ id: 'chunk-camel', content: 'text', providerName: 'fake' } as never)] },
  { name: 'streamEvents records whose messages hold a Date', instances: datedStreamEvents() },
];

describe('the LangChain decoder on @langchain/core instances', () => {
  it('decodes the instances of every fixture and upstream case as it decodes their JSON: events in key order, issues, and what each handler is given', async () => {
    const cases = await instanceCases();
    for (const { name, instances } of cases) {
      expect(instances.some(holdsInstance), name).toBe(true);
      const json = JSON.parse(JSON.stringify(instances)) as unknown[];
      const fromInstances = decode(instances);
      const fromJson = decode(json);
      expect(fromInstances.events.length, name).toBeGreaterThan(0);
      expect(fromInstances.handled.length, name).toBe(instances.length);
      expect(fromInstances.events, name).toStrictEqual(fromJson.events);
      expect(fromInstances.issues, name).toStrictEqual(fromJson.issues);
      expect(JSON.stringify(fromInstances.events), name).toBe(JSON.stringify(fromJson.events));
      // A chunk's fields are the instance's own values: nested keys it holds as undefined, which
      // JSON leaves out, are still there, so handlers are given records equal as JSON.
      expect(JSON.stringify(fromInstances.handled), name).toBe(JSON.stringify(fromJson.handled));
    }
  });
});
