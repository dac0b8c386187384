import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FormatName, convert } from '../../src/index.js';
import { Oracle, type RecordKind, skipPython, skipReason } from './python.js';
import { readRecords } from './recorded.js';

const testRoot = join(import.meta.dirname, '..');

/** The libraries that read back what `agno` writes: 3.x by default, 2.x with `target: '2.x'`. */
const agnoReader = 'agno-3.1.10';
const agno2Reader = 'agno-2.9.0';

interface Target {
  name: string;
  to: FormatName;
  encode: Record<string, unknown>;
  environment: string;
  kindOf: (record: unknown) => RecordKind;
}

/** agno's stored runs have no `event`, except agno 1.x's, whose `event` names the class. */
const storedRunEvents = new Set(['RunResponse', 'TeamRunResponse']);
const eventOrRun = (record: unknown): RecordKind => {
  const event = (record as { event?: unknown }).event;
  return typeof event === 'string' && !storedRunEvents.has(event) ? 'event' : 'run';
};

const targets: Target[] = [
  { name: 'agno', to: 'agno', encode: {}, environment: agnoReader, kindOf: eventOrRun },
  { name: 'agno stored runs', to: 'agno', encode: { shape: 'aggregate' }, environment: agnoReader, kindOf: eventOrRun },
  { name: 'agno 2.x', to: 'agno', encode: { target: '2.x' }, environment: agno2Reader, kindOf: eventOrRun },
  { name: 'agno 2.x stored runs', to: 'agno', encode: { shape: 'aggregate', target: '2.x' }, environment: agno2Reader, kindOf: eventOrRun },
  { name: 'agno-legacy', to: 'agno-legacy', encode: {}, environment: 'agno-1.8.4', kindOf: eventOrRun },
  { name: 'agno-legacy stored runs', to: 'agno-legacy', encode: { shape: 'aggregate' }, environment: 'agno-1.8.4', kindOf: eventOrRun },
  { name: 'runner', to: 'runner', encode: {}, environment: 'orxhestra-0.0.2', kindOf: () => 'event' },
  { name: 'langchain messages_to_dict', to: 'langchain', encode: { form: 'stored' }, environment: 'langchain-core-1.8.3', kindOf: () => 'message' },
  { name: 'langchain dumpd', to: 'langchain', encode: { form: 'constructor' }, environment: 'langchain-core-1.8.3', kindOf: () => 'message' },
];

interface Fixture {
  name: string;
  from: 'auto' | 'canonical';
  /** The format the records are in. */
  format: string;
  records: unknown[];
}

/** The format of a fixture file, by its folder. */
function formatOf(folder: string, file: string): string {
  if (folder === 'agno-legacy' && file.startsWith('v2/')) return 'agno';
  if (folder === 'langchain' && file.startsWith('agno/')) return 'agno';
  if (folder === 'ai-sdk') return file.includes('.ui.') ? 'ai-sdk-ui' : 'ai-sdk-stream';
  return folder;
}

/** Every recording of every format (goldens aside) and the canonical corpus. */
function fixtures(): Fixture[] {
  const recorded = ['agno', 'agno-legacy', 'runner', 'langchain', 'ai-sdk'].flatMap((folder) => {
    const root = join(testRoot, folder, 'fixtures');
    return (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => /\.(jsonl|json|sse)$/.test(file) && !/\.(canonical|issues)\./.test(file) && !file.endsWith('.uimessage.json'))
      .sort()
      .map((file) => ({ name: `${folder}/${file}`, from: 'auto' as const, format: formatOf(folder, file), records: readRecords(join(root, file)) }));
  });
  const corpus = join(testRoot, 'corpus');
  const canonical = readdirSync(corpus)
    .filter((file) => file.endsWith('.canonical.jsonl'))
    .sort()
    .map((file) => ({ name: `corpus/${file}`, from: 'canonical' as const, format: 'canonical', records: readRecords(join(corpus, file)) }));
  return [...recorded, ...canonical];
}

const all = fixtures();
const oracles = new Map<string, Oracle>();

/**
 * What the real libraries found and is not fixed yet, as `[fixture, target, bug]`: each is an
 * `it.fails` until fixed, and must then leave this list.
 */
const failing: [fixture: string, target: string, bug: string][] = [];

const knownBugs = new Map(failing.map(([fixture, target, bug]) => [`${fixture} → ${target}`, bug]));

describe.skipIf(skipPython)(`what we write is read back by the real Python library${skipPython ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    const environments = [...new Set(targets.map((target) => target.environment))];
    const started = await Promise.all(environments.map((environment) => Oracle.start(environment)));
    environments.forEach((environment, index) => oracles.set(environment, started[index]!));
  }, 60_000);

  afterAll(() => {
    for (const oracle of oracles.values()) oracle.close();
  });

  it('reads every fixture', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  for (const target of targets) {
    for (const fixture of all) {
      const name = `${fixture.name} → ${target.name} is read back unchanged by ${target.environment}`;
      const bug = knownBugs.get(`${fixture.name} → ${target.name}`);
      const body = async () => {
        const { output } = convert(fixture.records, { from: fixture.from, to: target.to, encode: target.encode });
        const oracle = oracles.get(target.environment)!;
        const verdicts = await Promise.all(output.map(async (record) => (await oracle.check(target.kindOf(record), [record]))[0]!));
        // A record written back verbatim (an own round trip) that the library cannot read is not ours
        // to fix: it could not read the input either (an unknown event, an older version's fields).
        const verbatim = (record: unknown) => fixture.format === target.to && fixture.records.some((input) => isDeepStrictEqual(input, record));
        const failures = verdicts.flatMap((verdict, index) => (verdict.ok || verbatim(output[index]) ? [] : [{ record: index, ...verdict }]));
        expect(failures, JSON.stringify(failures).slice(0, 3000)).toEqual([]);
      };
      if (bug === undefined) it(name, body);
      else it.fails(`${name} (known bug: ${bug})`, body);
    }
  }
});
