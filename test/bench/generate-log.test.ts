import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogTemplate, generateLog, generateTextRun, toolInputRun } from '../../bench/generate-log.mjs';
import { sourceFixtures } from '../../bench/paths.mjs';
import { canonicalEventSchema } from '../../src/model/event.js';
import { convert } from '../../src/registered.js';
import { createDecoder } from '../../src/registered.js';
import { readJsonl } from '../support/golden.js';

const folder = mkdtempSync(join(tmpdir(), 'bench-generate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const copies = 3;

/** The values of the run-id keys a format uses, per record. */
const runIdKeys = ['run_id', 'runId', 'invocation_id'];

function runIds(records: unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const record of records) {
    for (const key of runIdKeys) {
      const value = (record as Record<string, unknown>)[key];
      if (typeof value === 'string' && value !== '') ids.add(value);
    }
  }
  return ids;
}

async function generated(format: 'agno' | 'agno-legacy' | 'runner') {
  const fixtures = sourceFixtures[format]();
  const template = createLogTemplate(fixtures);
  const oneCopy = Buffer.byteLength(template.copy(0));
  const log = await generateLog(join(folder, `${format}.jsonl`), template, oneCopy * copies);
  const lines = readFileSync(log.file, 'utf8').split('\n').filter((line) => line !== '');
  const records = lines.map((line) => JSON.parse(line) as unknown);
  const files = fixtures.map((file) => readJsonl(file));
  return { template, log, lines, records, files, original: files.flat() };
}

describe.each(['agno', 'agno-legacy', 'runner'] as const)('the generated %s log', (format) => {
  it('is made of copies of every record of the recorded fixtures, each line JSON', async () => {
    const { log, records, original, template } = await generated(format);
    expect(original.length).toBeGreaterThan(0);
    expect(template.records).toBe(original.length);
    expect(log.copies).toBe(copies);
    expect(records).toHaveLength(original.length * copies);
  });

  it('gives every recording in every copy run ids of its own', async () => {
    const { records, original, files } = await generated(format);
    // The recordings reuse ids among themselves (each starts at run-1): each one counts apart.
    const perRecording = files.reduce((sum, file) => sum + runIds(file).size, 0);
    const perCopy = Array.from({ length: copies }, (_, copy) => runIds(records.slice(copy * original.length, (copy + 1) * original.length)));
    for (const ids of perCopy) expect(ids.size).toBe(perRecording);
    const all = new Set(perCopy.flatMap((ids) => [...ids]));
    expect(all.size).toBe(perRecording * copies);
  });

  it('is named by auto detection as its own format, every record, as the detect command counts', async () => {
    const { records } = await generated(format);
    const decoder = createDecoder({ from: 'auto', collectIssues: false });
    for (const record of records) decoder.push(record);
    decoder.flush();
    expect(decoder.stats.records).toEqual({ [format]: records.length });
    expect(decoder.stats.unknown).toBe(0);
  });

  it('converts every copy to the same events and issues, ids aside', async () => {
    const { records, original } = await generated(format);
    const shape = (copy: number) => {
      const result = convert(records.slice(copy * original.length, (copy + 1) * original.length), { from: format, to: 'canonical', encode: { header: false } });
      return { types: result.output.map((event) => (event as { type?: string }).type), issues: result.issues.map((issue) => issue.code) };
    };
    const first = shape(0);
    expect(first.types.length).toBeGreaterThan(original.length / 2);
    for (let copy = 1; copy < copies; copy += 1) expect(shape(copy)).toEqual(first);
  });
});

describe('the synthetic canonical streams', () => {
  it('a tool-input run streams exactly the asked number of one-character deltas that join to its input', () => {
    const events = toolInputRun(1000);
    const deltas = events.filter((event) => event.type === 'tool-input-delta').map((event) => event.delta as string);
    expect(deltas).toHaveLength(1000);
    expect(deltas.every((delta) => delta.length === 1)).toBe(true);
    const call = events.find((event) => event.type === 'tool-call');
    expect(JSON.parse(deltas.join(''))).toEqual(call?.input);
    for (const event of events) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
  });

  it('a text run file holds the asked number of valid events after its header', async () => {
    const file = await generateTextRun(join(folder, 'text-run-50.jsonl'), 50);
    const [header, ...events] = readJsonl(file);
    expect(header).toEqual({ canonicalVersion: 1 });
    expect(events).toHaveLength(50);
    for (const event of events) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
    const result = convert(events, { from: 'canonical', to: 'canonical', encode: { header: false } });
    expect(result.issues).toEqual([]);
  });
});
