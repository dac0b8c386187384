import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, ConversionError, createConverter, createDecoder, createEncoder, createVerifier, type FormatName } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { heapAfterGc, heapPerRun } from '../support/heap.js';

/** An agno run that starts, says half an answer and is never heard of again. */
function openRun(index: number): Record<string, unknown>[] {
  const base = { created_at: 1700000000, agent_id: 'a', agent_name: 'A', run_id: `run-${index}`, session_id: `session-${index}` };
  return [
    { ...base, event: 'RunStarted', model: 'm', model_provider: 'p' },
    { ...base, event: 'RunContent', content: `half an answer ${index}`, content_type: 'str' },
  ];
}

/** The canonical events of a run left open with a text and a tool call in flight. */
function openCanonicalRun(index: number): CanonicalEvent[] {
  const envelope = { runId: `run-${index}`, sessionId: `session-${index}`, actor: { kind: 'agent' as const, id: 'a', name: 'A' }, time: 1700000000000 };
  return [
    { type: 'run-start', ...envelope },
    { type: 'step-start', ...envelope },
    { type: 'text-start', ...envelope, id: `text-${index}` },
    { type: 'text-delta', ...envelope, id: `text-${index}`, delta: `half an answer ${index}` },
    { type: 'tool-call', ...envelope, toolCallId: `call-${index}`, toolName: 'lookup', input: { query: index } },
  ];
}

const targets: FormatName[] = ['agno', 'agno-legacy', 'runner', 'langchain', 'ai-sdk-ui', 'ai-sdk-stream', 'canonical'];

const bySentence = (issue: { message: string }): boolean => /runs open: the oldest|runs were ended early/.test(issue.message);

describe('more runs open than the bound are ended oldest first and memory stays flat', () => {
  it('convert ends the run opened first when the bound is passed, reports it once and counts them all at the end', () => {
    const converter = createConverter({ from: 'agno', to: 'agno', maxOpenRuns: 100 });
    const output: unknown[] = [];
    let line = 0;
    for (let index = 0; index < 250; index += 1) for (const record of openRun(index)) output.push(...converter.push(record, { line: (line += 1) }));
    output.push(...converter.flush());
    const bound = converter.issues.filter(bySentence);
    expect(bound).toEqual([
      expect.objectContaining({ code: 'approximated', level: 'warning', runId: 'run-0', line: 201, message: expect.stringMatching(/^more than 100 runs open: the oldest, "run-0", was ended here as at the end of the input/) }),
      expect.objectContaining({ code: 'approximated', level: 'warning', line: 201, message: expect.stringMatching(/^150 runs were ended early: more than 100 runs open/) }),
    ]);
    const unended = converter.issues.filter((issue) => issue.message.includes('has no end'));
    expect(unended.map((issue) => issue.runId)).toEqual(Array.from({ length: 100 }, (_, index) => `run-${150 + index}`));
    // agno → agno: every record comes back as read; what the end of the input closes writes nothing.
    expect(output).toHaveLength(500);
  });

  it.each(targets)('agno → %s writes for each run ended early what the end of the input writes for it', (to) => {
    const records = Array.from({ length: 30 }, (_, index) => openRun(index)).flat();
    // Ids minted from a counter (Runner event ids) follow the order records are written in, which
    // the bound changes; every other byte must be the same.
    const sorted = (output: unknown[]): string[] => output.map((record) => JSON.stringify(record).replace(/"minted-event-\d+"/g, '"minted-event"')).sort();
    const unbounded = createConverter({ from: 'agno', to, collectIssues: false });
    const whole = [...records.flatMap((record) => unbounded.push(record)), ...unbounded.flush()];
    const bounded = createConverter({ from: 'agno', to, collectIssues: false, maxOpenRuns: 4 });
    const early = [...records.flatMap((record) => bounded.push(record)), ...bounded.flush()];
    expect(sorted(early)).toEqual(sorted(whole));
  });

  it.each(targets)('agno → %s holds the memory of the bound, not of every run left open', (to) => {
    const converter = createConverter({ from: 'agno', to, collectIssues: false, maxOpenRuns: 2000 });
    const perRun = heapPerRun((index) => {
      for (const record of openRun(index)) converter.push(record);
    }, 10_000, 10_000);
    // Before the bound: about 900 bytes per open run (agno), over 2 000 (snapshot targets).
    expect(perRun).toBeLessThan(40);
  });

  it.each(['agno', 'agno-legacy', 'runner', 'canonical'] as const)('a %s decoder and the lifecycle checker hold the memory of the bound', (from) => {
    const encoder = createEncoder({ to: from, collectIssues: false });
    const decoder = createDecoder({ from, collectIssues: false, maxOpenRuns: 2000 });
    const verifier = createVerifier({ maxOpenRuns: 2000 });
    let next = 0;
    const feed = (runs: number): void => {
      for (const end = next + runs; next < end; next += 1) {
        for (const event of openCanonicalRun(next)) for (const record of encoder.push(event)) for (const decoded of decoder.push(record)) verifier.push(decoded);
      }
    };
    feed(5_000);
    // The encoder that makes the records keeps its own state per open run: measure without it.
    const runs = 15_000;
    const records: unknown[] = [];
    for (let index = next + 1; index <= next + runs; index += 1) for (const event of openCanonicalRun(index)) records.push(...encoder.push(event));
    const before = heapAfterGc();
    for (const record of records) for (const decoded of decoder.push(record)) verifier.push(decoded);
    const perRun = (heapAfterGc() - before) / runs;
    expect(perRun).toBeLessThan(40);
  });

  it('the lifecycle checker stops following the run opened first past its bound, says so once and counts it without an end', () => {
    const decoder = createDecoder({ from: 'agno' });
    const verifier = createVerifier({ maxOpenRuns: 100 });
    const found = [];
    for (let index = 0; index < 250; index += 1) for (const record of openRun(index)) for (const event of decoder.push(record)) found.push(...verifier.push(event));
    expect(found.filter(bySentence)).toEqual([
      expect.objectContaining({ level: 'warning', runId: 'run-0', message: expect.stringMatching(/^more than 100 runs open: the oldest, "run-0", is no longer checked/) }),
    ]);
    const atEnd = verifier.end();
    expect(verifier.unended).toBe(250);
    expect(atEnd.filter((issue) => /has no end|have no end/.test(issue.message)).map((issue) => issue.runId)).toEqual([
      ...Array.from({ length: 100 }, (_, index) => `run-${150 + index}`),
      undefined,
    ]);
    expect(atEnd.at(-1)?.message).toMatch(/^150 more runs have no end/);
  });

  it('the command line takes --max-open-runs for convert and validate and refuses a bound that is not a positive whole number', () => {
    const file = join(tmpdir(), `bound-open-runs-${process.pid}.jsonl`);
    writeFileSync(file, Array.from({ length: 250 }, (_, index) => openRun(index).map((record) => `${JSON.stringify(record)}\n`).join('')).join(''));
    const converted = runCli(['convert', file, '--from', 'agno', '--to', 'agno', '--max-open-runs', '100']);
    expect(converted.status).toBe(0);
    expect(converted.stdout.trim().split('\n')).toHaveLength(500);
    expect(converted.stderr).toContain('line 201: more than 100 runs open: the oldest, "run-0", was ended here');
    expect(converted.stderr).toContain('150 runs were ended early: more than 100 runs open (maxOpenRuns)');
    const validated = runCli(['validate', file, '--from', 'agno', '--max-open-runs', '100']);
    // Said once, by the decoder that ends the run (the checker lets it go without a second issue).
    expect(validated.stdout).toContain('line 201: more than 100 runs open: the oldest, "run-0", was ended here');
    expect(validated.stdout).not.toContain('is no longer checked');
    expect(validated.stdout).toMatch(/^valid: 500 records, 1000 events, 250 runs \(250 without an end\)/m);
    for (const command of [['convert', '--to', 'agno'], ['validate']]) {
      const refused = runCli([...command, file, '--from', 'agno', '--max-open-runs', '0']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('--max-open-runs takes a positive whole number of runs, got "0"');
    }
    expect(() => createConverter({ from: 'agno', to: 'agno', maxOpenRuns: 0.5 })).toThrow(ConversionError);
  });
});
