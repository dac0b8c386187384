import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

const runnerFixtures = join(import.meta.dirname, '..', 'runner', 'fixtures');

/** Every Runner stream fixture, recorded ones included (not the golden files beside them). */
function streams(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return streams(path);
    return entry.name.endsWith('.jsonl') && !/\.(canonical|issues)\.jsonl$/.test(entry.name) ? [path] : [];
  });
}

/** JSON text as a reader would parse it: what leaves one process and reaches another. */
function overTheWire(output: unknown[]): unknown[] {
  return output.map((record) => JSON.parse(JSON.stringify(record)) as unknown);
}

/** Runner field names no LangChain message has a place for. */
const runnerOnlyNames = ['invocation_id', 'turn_complete', 'llm_response', 'raw_message', 'model_version', 'escalate', 'skip_summarization', 'end_of_agent', 'compaction', 'state_delta', 'transfer_to_agent', 'scratchpad', 'react_step', 'exception_type'];

/** Values of Runner-only fields in a fixture: event ids, model versions, exception types, raw message ids. */
function runnerOnlyValues(records: readonly unknown[]): string[] {
  const values = new Set<string>();
  for (const record of records as Record<string, unknown>[]) {
    if (typeof record.id === 'string') values.add(record.id);
    const response = record.llm_response as Record<string, unknown> | null | undefined;
    if (typeof response?.model_version === 'string') values.add(response.model_version);
    const raw = response?.raw_message as Record<string, unknown> | null | undefined;
    if (typeof raw?.id === 'string') values.add(raw.id);
    const metadata = record.metadata as Record<string, unknown> | undefined;
    if (typeof metadata?.exception_type === 'string') values.add(metadata.exception_type);
  }
  return [...values];
}

describe('runner through langchain', () => {
  for (const path of streams(runnerFixtures)) {
    const name = relative(runnerFixtures, path);

    it(`${name}: runner → langchain → runner with relay is exact, through JSON text`, () => {
      const input = readJsonl(path);
      const middle = overTheWire(convert(input, { from: 'runner', to: 'langchain', relay: true }).output);
      const { output } = convert(middle, { from: 'langchain', to: 'runner', relay: true });
      expect(overTheWire(output)).toEqual(input);
    });

    it(`${name}: without relay, the LangChain messages hold no Runner field name or value that LangChain has no place for`, () => {
      const input = readJsonl(path);
      const text = JSON.stringify(convert(input, { from: 'runner', to: 'langchain' }).output);
      for (const field of runnerOnlyNames) expect(text).not.toContain(`"${field}":`);
      for (const value of runnerOnlyValues(input)) expect(text).not.toContain(JSON.stringify(value));
      expect(text).not.toContain('agent_event_bridge_relay');
    });
  }

  it('a relayed message read without relay is an ordinary message: the carrier is not decoded', () => {
    const input = readJsonl(join(runnerFixtures, 'constructed-4.2-llm-agent-tool-turn.jsonl'));
    const middle = overTheWire(convert(input, { from: 'runner', to: 'langchain', relay: true }).output);
    const { output } = convert(middle, { from: 'langchain', to: 'runner' });
    expect(JSON.stringify(output)).not.toContain('00000000-0000-0000-0042');
  });
});
