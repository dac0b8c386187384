import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, type Run } from '../../src/index.js';
import { lineageKey } from '../../adapters/langchain/index.js';
import { readJsonl } from '../support/golden.js';
import type { FormatName } from '../../src/registry.js';

const agnoTeam = join(import.meta.dirname, 'fixtures', 'agno', 'v2.9.0-team-one-member.jsonl');

/** What a run says, format aside: lineage, actor, status, and per message its texts, tool calls and results. */
function projection(runs: readonly Run[]): unknown[] {
  return runs.map((run) => ({
    runId: run.runId,
    parentRunId: run.parentRunId,
    actor: run.actor?.name,
    status: run.status,
    messages: run.messages.map((message) => ({
      role: message.role,
      parts: message.parts.map((part) => {
        switch (part.type) {
          case 'text':
          case 'reasoning':
            return { type: part.type, text: part.text };
          case 'tool-call':
            return { type: part.type, toolCallId: part.toolCallId, toolName: part.toolName, input: part.input };
          case 'tool-result':
            return { type: part.type, toolCallId: part.toolCallId, output: part.output, isError: part.isError === true };
          default:
            return { type: part.type };
        }
      }),
    })),
    members: projection(run.members),
  }));
}

function canonicalRuns(records: readonly unknown[], from: FormatName): Run[] {
  return accumulate(convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
}

describe('langchain across formats', () => {
  it('an agno 2.x team run keeps every text, tool call, argument, result, error status and member through LangChain', () => {
    const records = readJsonl(agnoTeam);
    const written = convert(records, { from: 'agno', to: 'langchain' });
    expect(written.issues.filter((issue) => issue.level !== 'info')).toEqual([]);
    const back = canonicalRuns(written.output, 'langchain');
    expect(projection(back)).toEqual(projection(canonicalRuns(records, 'agno')));
  });

  it('writes for an agno team run only the documented lineage in each message: no agno field, no ext', () => {
    const written = convert(readJsonl(agnoTeam), { from: 'agno', to: 'langchain' }).output as { kwargs: Record<string, unknown> }[];
    const lineages = written.map((record) => (record.kwargs.response_metadata as Record<string, Record<string, unknown>>)[lineageKey]);
    expect(lineages.every((lineage) => lineage !== undefined)).toBe(true);
    const documented = ['run_id', 'parent_run_id', 'session_id', 'actor', 'run', 'input', 'json', 'message_name', 'placeholder'];
    for (const lineage of lineages) {
      expect(Object.keys(lineage ?? {}).filter((key) => !documented.includes(key))).toEqual([]);
      if (lineage?.run !== undefined) expect(Object.keys(lineage.run as object).filter((key) => !['status', 'usage', 'requirements'].includes(key))).toEqual([]);
    }
    const text = JSON.stringify(written);
    for (const foreign of ['"ext"', '"patch"', '"agno"', 'session_state']) expect(text).not.toContain(foreign);
  });

  it("writes the agno member's messages with the agent's name and its parent run in the lineage", () => {
    const written = convert(readJsonl(agnoTeam), { from: 'agno', to: 'langchain' }).output as { kwargs: Record<string, unknown> }[];
    const member = written.filter((record) => (record.kwargs.response_metadata as Record<string, { run_id?: string }>)[lineageKey]?.run_id === 'run-2');
    expect(member.map((record) => record.kwargs.name)).toEqual(['Writer']);
    expect(member.map((record) => (record.kwargs.response_metadata as Record<string, { parent_run_id?: string }>)[lineageKey]?.parent_run_id)).toEqual(['run-1']);
  });

  it('keeps the status of an errored, a cancelled and a paused run through LangChain, and the requirements of the pause, but no error text', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', runId: 'a', input: 'go' },
      { type: 'run-error', runId: 'a', error: { message: 'model overloaded', type: 'RateLimit' } },
      { type: 'run-start', runId: 'b' },
      { type: 'run-cancel', runId: 'b', reason: 'user stopped' },
      { type: 'run-start', runId: 'c' },
      { type: 'run-pause', runId: 'c', requirements: [{ id: 'r1', kind: 'confirmation', toolCallId: 'call_9', toolName: 'delete' }] },
    ];
    const written = convert(events, { from: 'canonical', to: 'langchain' }).output;
    expect(canonicalRuns(written, 'langchain').map(({ runId, status, requirements }) => ({ runId, status, requirements }))).toEqual([
      { runId: 'a', status: 'error', requirements: undefined },
      { runId: 'b', status: 'cancelled', requirements: undefined },
      { runId: 'c', status: 'paused', requirements: [{ id: 'r1', kind: 'confirmation', toolCallId: 'call_9', toolName: 'delete' }] },
    ]);
    const text = JSON.stringify(written);
    for (const runOnly of ['model overloaded', 'RateLimit', 'user stopped']) expect(text).not.toContain(runOnly);
  });

  it('writes the serialized form the caller picks', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', runId: 'a' },
      { type: 'message', runId: 'a', message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } },
      { type: 'run-end', runId: 'a' },
    ];
    const shapes = (['constructor', 'stored', 'openai', 'tuple'] as const).map((form) => {
      const [record] = convert(events, { from: 'canonical', to: 'langchain', encode: { form } }).output as Record<string, unknown>[];
      return Array.isArray(record) ? 'tuple' : Object.keys(record ?? {}).sort().join(',');
    });
    expect(shapes).toEqual(['id,kwargs,lc,type', 'data,type', 'content,response_metadata,role', 'tuple']);
  });

  it('reports the lineage a [type, content] tuple cannot hold', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', runId: 'a' },
      { type: 'message', runId: 'a', message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } },
      { type: 'run-end', runId: 'a' },
    ];
    const { output, issues } = convert(events, { from: 'canonical', to: 'langchain', encode: { form: 'tuple' } });
    expect(output).toEqual([['human', 'hi']]);
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'dropped', path: 'response_metadata' }]);
  });

  it('reads a streamEvents log as one run with its tool error matched to the tool call', () => {
    const records = readJsonl(join(import.meta.dirname, 'fixtures', 'agent-tools.stream-events.jsonl'));
    const [run] = canonicalRuns(records, 'langchain') as [Run];
    expect(run.status).toBe('completed');
    const results = run.messages.flatMap((message) => message.parts).filter((part) => part.type === 'tool-result');
    expect(results.map((part) => [part.toolCallId, part.isError === true])).toEqual([
      ['call_weather', false],
      ['call_stock', true],
    ]);
  });
});
