import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Issue, convert, createConvertStream, createConverter, createDecoder, createEncoder } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { readJsonl } from '../support/golden.js';

const agnoFixture = join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl');
const langchainFixture = join(import.meta.dirname, '../langchain/fixtures/agent-tools.constructor.jsonl');
const runnerFixture = join(import.meta.dirname, '../runner/fixtures/constructed-4.2-llm-agent-tool-turn.jsonl');

/** The issues that say relay carried nothing: the conversion's only word on it. */
function notRelayed(issues: readonly Issue[]): Issue[] {
  return issues.filter((issue) => /cannot carry source records/.test(issue.message));
}

/** Runs a stream of records through createConvertStream and gathers what it wrote. */
async function throughStream(records: unknown[], options: Parameters<typeof createConvertStream>[0]): Promise<{ output: unknown[]; issues: Issue[] }> {
  const stream = createConvertStream(options);
  const source = new ReadableStream<unknown>({
    start(controller) {
      for (const record of records) controller.enqueue(record);
      controller.close();
    },
  });
  const output: unknown[] = [];
  for await (const record of source.pipeThrough(stream)) output.push(record);
  return { output, issues: stream.issues };
}

describe('relay asked of a target that cannot carry source records', () => {
  it.each([
    ['agno', agnoFixture, 'runner'],
    ['agno', agnoFixture, 'agno-legacy'],
    ['langchain', langchainFixture, 'agno'],
    ['runner', runnerFixture, 'agno'],
  ] as const)('%s → %s with relay is reported once, with the count of records not relayed', (from, path, to) => {
    const input = readJsonl(path);
    const { issues, stats } = convert(input, { from, to, relay: true });
    const reported = notRelayed(issues);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ code: 'dropped', level: 'warning', format: to });
    expect(reported[0]?.message).toBe(
      `${to} cannot carry source records: the ${input.length} ${from} records read were not relayed`,
    );
    expect(stats.records[from]).toBe(input.length);
  });

  it('the converter and the convert stream report it too, at the end of the input', async () => {
    const input = readJsonl(agnoFixture);
    const converter = createConverter({ from: 'agno', to: 'runner', relay: true });
    for (const record of input) converter.push(record);
    expect(notRelayed(converter.issues)).toHaveLength(0);
    converter.flush();
    expect(notRelayed(converter.issues)).toHaveLength(1);
    const streamed = await throughStream(input, { from: 'agno', to: 'runner', relay: true });
    expect(streamed.output.length).toBeGreaterThan(0);
    expect(notRelayed(streamed.issues)).toHaveLength(1);
  });

  it('a lone encoder given decoded events reports it when flushed', () => {
    const input = readJsonl(agnoFixture);
    const decoder = createDecoder({ from: 'agno' });
    const encoder = createEncoder({ to: 'runner', relay: true });
    for (const record of input) for (const event of decoder.push(record)) encoder.push(event);
    for (const event of decoder.flush()) encoder.push(event);
    encoder.flush();
    expect(notRelayed(encoder.issues).map((issue) => issue.message)).toEqual([
      `runner cannot carry source records: the ${input.length} agno records read were not relayed`,
    ]);
  });

  it('nothing is reported where nothing was left behind: without relay, to the source format itself, or to a target that carries them', () => {
    const input = readJsonl(agnoFixture);
    expect(notRelayed(convert(input, { from: 'agno', to: 'runner' }).issues)).toEqual([]);
    expect(notRelayed(convert(input, { from: 'agno', to: 'agno', relay: true, encode: { target: '2.x' } }).issues)).toEqual([]);
    for (const to of ['langchain', 'ai-sdk-ui', 'ai-sdk-stream', 'canonical'] as const) {
      expect(notRelayed(convert(input, { from: 'agno', to, relay: true }).issues)).toEqual([]);
    }
    // Canonical records read from text are source records too (canonical → runner → canonical
    // would need them); events still linked to agno records, written back as agno, leave none behind.
    const canonical = convert(input, { from: 'agno', to: 'canonical' }).output.map((record) => JSON.parse(JSON.stringify(record)) as unknown);
    expect(notRelayed(convert(canonical, { from: 'canonical', to: 'runner', relay: true }).issues)).toHaveLength(1);
    expect(notRelayed(convert(convert(input, { from: 'agno', to: 'canonical' }).output, { from: 'canonical', to: 'agno', relay: true, encode: { target: '2.x' } }).issues)).toEqual([]);
  });

  it('the command line says it on stderr and in the --issues file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aeb-relay-'));
    try {
      const issuesPath = join(folder, 'issues.jsonl');
      const input = readFileSync(agnoFixture, 'utf8');
      const count = input.trim().split('\n').length;
      const { status, stderr } = runCli(['convert', '-', '--from', 'agno', '--to', 'runner', '--relay', '--issues', issuesPath], input);
      expect(status).toBe(0);
      const message = `runner cannot carry source records: the ${count} agno records read were not relayed`;
      // Placed at the first record left behind.
      expect(stderr).toContain(`warning: line 1, runner: ${message} [dropped]\n`);
      const written = readFileSync(issuesPath, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Issue);
      expect(written.filter((issue) => issue.message === message)).toEqual([{ code: 'dropped', level: 'warning', format: 'runner', index: 0, line: 1, message }]);
      // Without --relay the same conversion says nothing of it.
      const plain = runCli(['convert', '-', '--from', 'agno', '--to', 'runner'], input);
      expect(plain.stderr).not.toContain('cannot carry source records');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
