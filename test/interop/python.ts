import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll } from 'vitest';

const here = import.meta.dirname;

/** Set by AEB_SKIP_PYTHON=1: the tests that run the real Python libraries are skipped, and say so. */
export const skipPython = process.env.AEB_SKIP_PYTHON === '1';

/** The reason the interop tests give when they are skipped. */
export const skipReason = 'skipped because AEB_SKIP_PYTHON=1';

/** The interpreter of one environment of test/interop/requirements/, which setup.mjs installs. */
export function pythonOf(environment: string): string {
  const python = join(here, '.venv', environment, 'bin', 'python');
  if (!existsSync(python)) throw new Error(`${python} is missing: run node test/interop/setup.mjs (npm test runs it first)`);
  return python;
}

/** What an oracle says of one record. */
export interface Verdict {
  ok: boolean;
  /** An AgentOS meta frame (`replay` …): stream data the library reads apart from its events. */
  meta?: boolean;
  /** The library rejected the record. */
  error?: string;
  /** Where what the library read back differs from the record. */
  diff?: { path: string; ours: unknown; library: unknown }[];
}

/** How a record is read back: an event of a stream, a stored run, or a LangChain message. */
export type RecordKind = 'event' | 'run' | 'message';

/**
 * One long-lived Python process (test/interop/oracle.py) in which a real library reads records
 * back: JSON lines in, one verdict line out per record.
 */
export class Oracle {
  private readonly pending = new Map<number, (verdict: Verdict) => void>();
  private nextId = 0;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  /** Starts the oracle of an environment and waits until its library is imported. */
  static async start(environment: string): Promise<Oracle> {
    const child = spawn(pythonOf(environment), ['-W', 'ignore', join(here, 'oracle.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const oracle = new Oracle(child);
    child.stderr.on('data', (chunk: Buffer) => {
      oracle.stderr = (oracle.stderr + chunk.toString()).slice(-4000);
    });
    const lines = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the ${environment} oracle exited with ${code}:\n${oracle.stderr}`)));
      lines.once('line', () => resolve());
    });
    lines.on('line', (line) => {
      const verdict = JSON.parse(line) as Verdict & { id: number };
      oracle.pending.get(verdict.id)?.(verdict);
      oracle.pending.delete(verdict.id);
    });
    return oracle;
  }

  /** The verdicts on records, in their order. */
  check(kind: RecordKind, records: readonly unknown[]): Promise<Verdict[]> {
    return Promise.all(
      records.map((record) => {
        const id = this.nextId++;
        return new Promise<Verdict>((resolve) => {
          this.pending.set(id, resolve);
          this.child.stdin.write(`${JSON.stringify({ id, kind, record })}\n`);
        });
      }),
    );
  }

  /** Ends the process. */
  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}

/** The agno versions that read back what the agno encoder writes: environment, index in {@link agnoOracles}, target. */
export const agnoReaders = [
  ['agno-3.1.10', 0, '3.x'],
  ['agno-2.9.0', 1, '2.x'],
] as const;

/** An oracle for each of {@link agnoReaders}, started before the suite's tests and closed after them. */
export function agnoOracles(): Oracle[] {
  const oracles: Oracle[] = [];
  beforeAll(async () => {
    for (const [environment] of agnoReaders) oracles.push(await Oracle.start(environment));
  }, 60_000);
  afterAll(() => {
    for (const oracle of oracles) oracle.close();
  });
  return oracles;
}
