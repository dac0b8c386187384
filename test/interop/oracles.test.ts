import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FormatName, convert } from '../../src/index.js';
import { Oracle, type RecordKind, type Verdict, skipPython, skipReason } from './python.js';
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

  /**
   * A run with every 3.x field agno 2.x lacks (fixtures/migration/: the real 3.1.10 tools run, with a
   * durable-queue attempt, a cancel stage, a compaction record, offloaded images and a delegated tool
   * call, written by agno 3.1.10's own to_dict()), and its events with compaction events. agno 2.9.0
   * reading the 3.x records as they are loses exactly the fields the migration reports; the migrated
   * records it reads back field for field.
   */
  describe('a 3.x run with what agno 2.x cannot hold, migrated to 2.x', () => {
    const migration = (file: string) => readRecords(join(testRoot, 'agno/fixtures/migration', file));
    const storedRun = migration('constructed-v3.1.10-losses.run-output.json');
    const events = migration('constructed-v3.1.10-losses.jsonl');
    const verdictsOf = (environment: string, kind: RecordKind, records: unknown[]) => oracles.get(environment)!.check(kind, records);
    /** The verdicts that are not ok, by record index: the paths the library lost, or its error. */
    const losses = (verdicts: Verdict[]) =>
      verdicts.flatMap((verdict, index) => (verdict.ok ? [] : [[index, verdict.error ?? verdict.diff?.map((difference) => `${difference.path}: ${JSON.stringify(difference.library)}`)]]));

    it('is what agno 3.1.10 reads back unchanged: the fixture holds only what 3.x has', async () => {
      expect(losses(await verdictsOf(agnoReader, 'run', storedRun))).toEqual([]);
      expect(losses(await verdictsOf(agnoReader, 'event', events))).toEqual([]);
    });

    it('stored run: agno 2.9.0 reading the 3.x record loses exactly what the migration to 2.x reports, and reads the migrated record back unchanged', async () => {
      // 2.9's RunOutput.from_dict ignores the 3.x fields and cannot build either image (neither holds its bytes).
      expect(losses(await verdictsOf(agno2Reader, 'run', storedRun))).toEqual([
        [0, ['queue_attempt: "(missing)"', 'cancellation_stage: "(missing)"', 'compaction: "(missing)"', 'images: "(missing)"', 'tools[0].parent_tool_call_id: "(missing)"']],
      ]);
      const { output, issues } = convert(storedRun, { from: 'agno', to: 'agno', encode: { shape: 'aggregate', target: '2.x' } });
      expect(issues.map((issue) => [issue.code, issue.level, issue.path])).toEqual([
        ['dropped', 'warning', 'parent_tool_call_id'],
        ['dropped', 'info', 'queue_attempt'],
        ['dropped', 'info', 'cancellation_stage'],
        ['dropped', 'warning', 'compaction'],
        ['approximated', 'info', 'media_reference'],
        ['dropped', 'info', 'metadata'],
        ['dropped', 'warning', 'media_reference'],
      ]);
      // What 2.9 holds of the images: the one whose reference has a URL, as that URL.
      expect((output[0] as { images?: unknown }).images).toEqual([{ id: 'img-1', mime_type: 'image/png', url: 'https://bucket.example/img-1.png' }]);
      expect(losses(await verdictsOf(agno2Reader, 'run', output))).toEqual([]);
    });

    it('events: agno 2.9.0 rejects the compaction events and loses the parent tool call id; the migrated events it reads back unchanged', async () => {
      const compactionAt = events.flatMap((record, index) => (String((record as { event?: unknown }).event).startsWith('Compaction') ? [index] : []));
      const delegatedAt = events.flatMap((record, index) => ((record as { tool?: { parent_tool_call_id?: unknown } }).tool?.parent_tool_call_id ? [index] : []));
      expect(losses(await verdictsOf(agno2Reader, 'event', events))).toEqual([
        ...compactionAt.map((index) => [index, `ValueError: Unknown event type: ${(events[index] as { event: string }).event}`]),
        ...delegatedAt.map((index) => [index, ['tool.parent_tool_call_id: "(missing)"']]),
      ]);
      const { output, issues } = convert(events, { from: 'agno', to: 'agno', encode: { target: '2.x' } });
      expect(issues.map((issue) => [issue.code, issue.level, issue.eventType ?? issue.path])).toEqual([
        // 2.x has no compaction events: they are written from their canonical fields (said once).
        ['dropped', 'info', undefined],
        ['approximated', 'info', 'activity-start'],
        ['approximated', 'info', 'activity-end'],
        ['dropped', 'warning', 'parent_tool_call_id'],
      ]);
      // The compaction events become CustomEvents that 2.9 reads with their data.
      expect(compactionAt.map((index) => output[index])).toMatchObject([
        { event: 'CustomEvent', activity: 'compaction', phase: 'start' },
        { event: 'CustomEvent', activity: 'compaction', phase: 'end', data: { messages_compacted: 4, tokens_before: 900, tokens_after: 200, archived: true } },
      ]);
      expect(losses(await verdictsOf(agno2Reader, 'event', output))).toEqual([]);
    });
  });
});
