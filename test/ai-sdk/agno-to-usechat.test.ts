import type { UIMessage } from 'ai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, type Run, accumulate, convert, getFormat } from '../../src/index.js';
import { expectGolden, readJsonl } from '../support/golden.js';
import { invalidChunks, readChunks } from './ui-reader.js';

/** Every agno recording in the repository, with the registered format that reads it. */
const sources = [
  { format: 'agno' as const, folder: join(import.meta.dirname, '../agno/fixtures') },
  { format: 'agno-legacy' as const, folder: join(import.meta.dirname, '../agno-legacy/fixtures') },
]
  .filter(({ format }) => getFormat(format) !== undefined)
  .flatMap(({ format, folder }) =>
    readdirSync(folder)
      .filter((file) => (file.endsWith('.jsonl') && !/\.(canonical|issues)\.jsonl$/.test(file)) || file.endsWith('.json'))
      .map((file) => ({ format, file, folder })),
  );

function readRecording(folder: string, file: string): unknown[] {
  const path = join(folder, file);
  return file.endsWith('.jsonl') ? readJsonl(path) : [JSON.parse(readFileSync(path, 'utf8')) as unknown];
}

const goldens = join(import.meta.dirname, 'fixtures/agno');

/** The encode options that write a recording's own version back: these agno recordings are 2.x (agno writes 3.x by default). */
function backTo(format: 'agno' | 'agno-legacy'): Record<string, string> {
  return format === 'agno' ? { target: '2.x' } : {};
}

interface ToolView {
  input: unknown;
  output?: unknown;
  errorText?: string;
}

/** What a useChat user should see of some runs: their texts, reasonings and tool calls with results. */
function expectedParts(runs: Run[], events: CanonicalEvent[]) {
  const text: unknown[] = [];
  const reasoning: unknown[] = [];
  const tools: Record<string, ToolView> = {};
  const visit = (run: Run) => {
    for (const message of run.messages) {
      for (const part of message.parts) {
        if (message.role !== 'assistant' && message.role !== 'tool') continue;
        if (part.type === 'text') text.push(part.text);
        if (part.type === 'reasoning') reasoning.push(part.text);
        if (part.type === 'tool-call') tools[part.toolCallId] = { input: part.input ?? null };
        if (part.type === 'tool-result') {
          // A result for a call never seen shows the call too, with a null input.
          const tool = (tools[part.toolCallId] ??= { input: null });
          if (part.isError === true) tool.errorText = typeof part.output === 'string' ? part.output : JSON.stringify(part.output);
          else tool.output = part.output ?? null;
        }
      }
    }
    run.members.forEach(visit);
  };
  runs.forEach(visit);
  // A pause for approval shows its tool call, waiting, even when the run then ended otherwise.
  for (const event of events) {
    if (event.type !== 'run-pause') continue;
    for (const requirement of event.requirements) {
      // Every paused call is a tool part to answer: an approval request, or a call waiting for its output.
      if (requirement.toolCallId !== undefined) {
        tools[requirement.toolCallId] ??= { input: requirement.input ?? null };
      }
    }
  }
  return { text, reasoning, tools };
}

function toolView(part: Record<string, unknown>): ToolView {
  const view: ToolView = { input: part.input ?? null };
  if (part.state === 'output-available') view.output = part.output;
  if (part.state === 'output-error') view.errorText = part.errorText as string;
  return view;
}

/**
 * The message useChat already holds when a stream continues an earlier response (agno's continue
 * stream keeps the run id, so the message id): the calls whose outcome arrives without a start.
 */
function continued(events: readonly CanonicalEvent[]): UIMessage | undefined {
  const started = new Set<string>();
  const parts: UIMessage['parts'] = [];
  for (const event of events) {
    if (event.type === 'tool-input-start' || event.type === 'tool-call') started.add(event.toolCallId);
    if ((event.type === 'tool-result' || event.type === 'tool-error') && !started.has(event.toolCallId)) {
      started.add(event.toolCallId);
      parts.push({ type: 'dynamic-tool', toolName: event.toolName ?? 'unknown', toolCallId: event.toolCallId, state: 'input-available', input: null });
    }
  }
  const root = events.find((event) => event.parentRunId === undefined);
  return parts.length === 0 || root === undefined ? undefined : { id: root.runId, role: 'assistant', parts };
}

/**
 * The canonical events, without the raw records of the source format: AI SDK targets report
 * them as dropped (convert to the source format to keep them).
 */
function eventsOf(events: readonly unknown[]): CanonicalEvent[] {
  return (events as CanonicalEvent[]).filter((event) => event.type !== undefined && event.type !== 'raw');
}

/** Events as runs. */
function snapshot(events: readonly unknown[]) {
  return accumulate(eventsOf(events));
}

/** Events the AI SDK targets have no place for (the adapter README lists them): a run of only these is not written. */
const unwritten = new Set(['reasoning-step', 'activity-start', 'activity-end', 'state', 'handoff', 'raw']);

/** Every run of some events that the AI SDK targets write, members included: its id, parent and status. */
function lineage(events: readonly unknown[]): { runId: string; parentRunId?: string; status: string }[] {
  const written = new Set(eventsOf(events).filter((event) => !unwritten.has(event.type)).map((event) => event.runId));
  const flat = (runs: Run[]): Run[] => runs.flatMap((run) => [run, ...flat(run.members)]);
  return flat(snapshot(events))
    .filter((run) => written.has(run.runId))
    .map(({ runId, parentRunId, status }) => ({ runId, ...(parentRunId === undefined ? {} : { parentRunId }), status }));
}

describe('agno recordings served to useChat', () => {
  it('include both agno formats once they are registered', () => {
    expect(sources.some((source) => source.format === 'agno')).toBe(true);
    expect(sources.some((source) => source.format === 'agno-legacy')).toBe(true);
  });

  for (const { format, file, folder } of sources) {
    const records = readRecording(folder, file);
    const name = file.replace(/\.jsonl?$/, '');

    it(`${file} (${format}) writes only chunks uiMessageChunkSchema accepts`, async () => {
      const { output } = convert(records, { from: format, to: 'ai-sdk-ui' });
      expect(output.length).toBeGreaterThan(0);
      expect(await invalidChunks(output)).toEqual([]);
    });

    it(`${file} (${format}) reads in readUIMessageStream as its golden UIMessage`, async () => {
      const { output, issues } = convert(records, { from: format, to: 'ai-sdk-ui' });
      const events = convert(records, { from: format, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
      const read = await readChunks(output, continued(eventsOf(events)));
      const ours = issues.filter((issue) => issue.format === 'ai-sdk-ui');
      // The whole message a useChat app holds, our metadata included.
      const shown = { message: read.message, error: read.error, issues: ours };
      expectGolden(join(goldens, `${name}.uimessage.json`), `${JSON.stringify(shown, null, 2)}\n`);
    });

    it(`${file} (${format}) shows every text, reasoning and tool call of every run, member or not, in the UIMessage`, async () => {
      const events = convert(records, { from: format, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
      const runs = snapshot(events);
      // useChat stops at an error chunk (terminateOnError); what came after it is checked without it.
      const chunks = convert(records, { from: format, to: 'ai-sdk-ui' }).output.filter((chunk) => (chunk as { type: string }).type !== 'error');
      const { message } = await readChunks(chunks, continued(eventsOf(events)));
      const expected = expectedParts(runs, events);
      const parts = (message?.parts ?? []) as unknown as Record<string, unknown>[];
      const shown = {
        text: parts.filter((part) => part.type === 'text').map((part) => part.text),
        reasoning: parts.filter((part) => part.type === 'reasoning').map((part) => part.text),
        tools: Object.fromEntries(parts.filter((part) => typeof part.toolCallId === 'string').map((part) => [part.toolCallId, toolView(part)])),
      };
      expect(shown.text.sort()).toEqual(expected.text.sort());
      expect(shown.reasoning.sort()).toEqual(expected.reasoning.sort());
      expect(shown.tools).toEqual(expected.tools);
    });

    for (const to of ['ai-sdk-ui', 'ai-sdk-stream'] as const) {
      it(`${file} (${format}) read back from ${to} keeps every run with its parent and status`, () => {
        const canonical = convert(records, { from: format, to: 'canonical' }).output;
        const written = convert(records, { from: format, to }).output;
        expect(lineage(convert(written, { from: to, to: 'canonical' }).output)).toEqual(lineage(canonical));
      });

      it(`${file} (${format}) comes back from ${to} record for record with relay`, () => {
        const written = convert(records, { from: format, to, relay: true }).output;
        expect(convert(written, { from: to, to: format, relay: true, encode: backTo(format) }).output).toEqual(records);
      });
    }

    for (const target of ['v5', 'v6'] as const) {
      it(`${file} (${format}) written for ${target} is schema-valid and comes back record for record with relay`, async () => {
        const chunks = convert(records, { from: format, to: 'ai-sdk-ui', encode: { target }, relay: true }).output;
        expect(await invalidChunks(chunks)).toEqual([]);
        expect(convert(chunks, { from: 'ai-sdk-ui', to: format, relay: true, encode: backTo(format) }).output).toEqual(records);
      });
    }
  }
});

const corpus = join(import.meta.dirname, '../corpus');

describe('the canonical corpus served to useChat', () => {
  for (const file of readdirSync(corpus).filter((name) => name.endsWith('.canonical.jsonl'))) {
    const events = readJsonl(join(corpus, file));
    for (const target of ['v5', 'v6', 'v7'] as const) {
      it(`${file} written for ${target} is schema-valid, breaks no consumer rule and reads back event for event with relay`, async () => {
        const { output } = convert(events, { from: 'canonical', to: 'ai-sdk-ui', encode: { target }, relay: true });
        expect(await invalidChunks(output)).toEqual([]);
        const read = await readChunks(output.filter((chunk) => (chunk as { type: string }).type !== 'error'));
        expect(read.error).toBeUndefined();
        expect(eventsOf(convert(output, { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false }, relay: true }).output)).toEqual(eventsOf(events));
      });
    }
    it(`${file} comes back from ai-sdk-stream event for event with relay`, () => {
      const { output } = convert(events, { from: 'canonical', to: 'ai-sdk-stream', relay: true });
      expect(eventsOf(convert(output, { from: 'ai-sdk-stream', to: 'canonical', encode: { header: false }, relay: true }).output)).toEqual(eventsOf(events));
    });
  }
});
