// In-process measures over the built package: tool-input scaling and the cost of validation on
// decode. Prints one JSON object on stdout. Usage: node --expose-gc bench/in-process-bench.mjs [--quick]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogTemplate, toolInputRun } from './generate-log.mjs';
import { median } from './measure-process.mjs';
import { root, sourceFixtures } from './paths.mjs';

// The build snapshot the runner took (bench/run.mjs), or dist/ when run on its own.
const build = process.env.BENCH_BUILD ?? join(root, 'dist');
const { canonicalEventSchema, convert, eventSchemas, getFormat } = await import(pathToFileURL(join(build, 'index.js')).href);

const quick = process.argv.includes('--quick');
const repeats = quick ? 5 : 9;

/**
 * Median wall time (ms) of one run of `task`: a sample repeats the task until it lasts about
 * 50 ms (so that timer resolution and one-off pauses do not decide small cases), after warm-up runs.
 */
function time(task) {
  const warmStarted = performance.now();
  let warmRuns = 0;
  while (warmRuns < 3 || performance.now() - warmStarted < 100) {
    task();
    warmRuns += 1;
  }
  const batch = Math.max(1, Math.ceil(50 / ((performance.now() - warmStarted) / warmRuns)));
  const samples = [];
  for (let index = 0; index < repeats; index += 1) {
    // Each sample starts on a collected heap, so no sample pays for the garbage of the one before.
    globalThis.gc?.();
    const started = performance.now();
    for (let run = 0; run < batch; run += 1) task();
    samples.push((performance.now() - started) / batch);
  }
  return median(samples);
}

function toolInputScaling() {
  const rows = [];
  for (const target of ['ai-sdk-ui', 'agno', 'langchain']) {
    if (getFormat(target) === undefined) {
      rows.push({ target, skipped: 'format not registered' });
      continue;
    }
    const row = { target, milliseconds: {} };
    for (const deltas of [1000, 4000, 16000]) {
      const events = toolInputRun(deltas);
      row.milliseconds[deltas] = time(() => convert(events, { from: 'canonical', to: target }));
    }
    row.ratio16kTo1k = row.milliseconds[16000] / row.milliseconds[1000];
    rows.push(row);
  }
  return rows;
}

/** Canonical events of the recorded agno 2.x fixtures, copied with fresh ids to `records` records. */
function canonicalEvents(records) {
  if (getFormat('agno') === undefined) return undefined;
  const template = createLogTemplate(sourceFixtures.agno());
  const lines = [];
  for (let copy = 0; lines.length < records; copy += 1) {
    for (const line of template.copy(copy).split('\n')) if (line !== '') lines.push(JSON.parse(line));
  }
  return convert(lines, { from: 'agno', to: 'canonical', encode: { header: false } }).output;
}

/**
 * What validation costs when canonical JSONL is read: zod's safeParse of every event, against the
 * whole canonical → canonical and canonical → ai-sdk-ui conversions of the same events, and the
 * floor (parse + stringify) of their text.
 */
function validationCost() {
  const events = canonicalEvents(quick ? 20_000 : 100_000);
  if (events === undefined) return { skipped: 'agno not registered (its fixtures are the source of the events)' };
  const lines = events.map((event) => JSON.stringify(event));
  const safeParse = time(() => {
    for (const event of events) canonicalEventSchema.safeParse(event);
  });
  // The schema of the event's own type, looked up by its tag: what a discriminated union could cost at best.
  const perTypeSafeParse = time(() => {
    for (const event of events) eventSchemas[event.type]?.safeParse(event);
  });
  const identity = time(() => convert(events, { from: 'canonical', to: 'canonical', collectIssues: false }));
  const toUi = time(() => convert(events, { from: 'canonical', to: 'ai-sdk-ui', collectIssues: false }));
  const floor = time(() => {
    for (const line of lines) JSON.stringify(JSON.parse(line));
  });
  return {
    events: events.length,
    milliseconds: { safeParse, perTypeSafeParse, canonicalToCanonical: identity, canonicalToAiSdkUi: toUi, floor },
    safeParseShareOfIdentity: safeParse / identity,
    safeParseShareOfToAiSdkUi: safeParse / toUi,
    safeParseOverFloor: safeParse / floor,
  };
}

process.stdout.write(`${JSON.stringify({ toolInput: toolInputScaling(), validation: validationCost() })}\n`);
