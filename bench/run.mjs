// The benchmark: throughput against the floor, the peer comparison, scaling and memory.
// Usage: npm run bench (builds first), or node bench/run.mjs [--quick] after npm run build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogTemplate, generateLog, generateTextRun } from './generate-log.mjs';
import { measureProcess, median } from './measure-process.mjs';
import { dataFolder, resultsFolder, root, sourceFixtures } from './paths.mjs';

const quick = process.argv.includes('--quick');
/** The build to measure: dist/, or another build's folder (`--build DIR`, e.g. an older commit's dist/ to compare). */
const buildOption = process.argv.indexOf('--build');
const source = resolve(buildOption === -1 ? join(root, 'dist') : process.argv[buildOption + 1]);
const plan = quick
  ? { logBytes: 10e6, bigLogBytes: 50e6, rounds: 3, runEvents: [1e4, 1e5], runRounds: 1, peerChunks: 2000, decodeMegabytes: 20 }
  : { logBytes: 100e6, bigLogBytes: 1e9, rounds: 3, runEvents: [1e4, 1e5, 1e6], runRounds: 3, peerChunks: 10000, decodeMegabytes: 100 };
const megabyte = 1e6;
const mebibyte = 1 << 20;

/** The conversions with a budget against the floor (times the floor's time), and one without. */
const conversions = [
  { from: 'agno', to: 'ai-sdk-ui', log: 'agno', budget: 1.5 },
  { from: 'agno', to: 'agno', log: 'agno', budget: 2 },
  { from: 'agno-legacy', to: 'agno', log: 'agno-legacy', budget: 2 },
  { from: 'runner', to: 'langchain', log: 'runner', budget: 2 },
  { from: 'runner', to: 'runner', log: 'runner', budget: 2 },
  { from: 'agno', to: 'canonical', log: 'agno' },
];

/** Peak RSS converting the big log, every conversion above. */
const peakRssBudget = 150 * mebibyte;

/** The targets of the run-length measure: every format that writes. */
const runLengthTargets = ['ai-sdk-ui', 'ai-sdk-stream', 'agno', 'agno-legacy', 'runner', 'langchain', 'canonical'];

/** The time per event added by the longest run may exceed that of the size before by this factor, for noise. */
const runLengthTolerance = 1.25;

/** Heap a decoder may keep per 10 MB of input read, for the decoding memory to count as flat. */
const flatGrowthPer10Megabytes = 0.5 * mebibyte;

/**
 * The build under measure, copied aside first: a rebuild of dist/ during the run (a watch
 * mode, a parallel build) must not change or remove the code being timed.
 */
function snapshotBuild() {
  // One folder per run, so that a second run (a quick check beside a full run) cannot replace it.
  const build = join(dataFolder, `build-${process.pid}`);
  if (!existsSync(join(source, 'cli.js'))) throw new Error(`${join(source, 'cli.js')} is missing: run npm run build (npm run bench does)`);
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  cpSync(source, build, { recursive: true });
  return build;
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

async function registeredFormats(build) {
  const library = await import(pathToFileURL(join(build, 'index.js')).href);
  return new Set(library.listFormats().map((format) => format.name));
}

/** The generated logs, one per source format whose fixtures exist. */
async function generateLogs(formats) {
  const logs = {};
  const sizes = { main: plan.logBytes, big: plan.bigLogBytes };
  for (const [format, files] of Object.entries(sourceFixtures)) {
    const fixtures = files();
    if (fixtures.length === 0 || !formats.has(format)) continue;
    const template = createLogTemplate(fixtures);
    for (const [size, bytes] of Object.entries(sizes)) {
      log(`generating ${format} log of ${bytes / megabyte} MB…`);
      const generated = await generateLog(join(dataFolder, `${format}-${bytes / megabyte}mb.jsonl`), template, bytes);
      logs[`${format}/${size}`] = { ...generated, fixtures: fixtures.map((file) => file.slice(root.length)) };
    }
  }
  return logs;
}

function cliArgs(build, file, from, to) {
  return [join(build, 'cli.js'), 'convert', file, '--from', from, '--to', to, '--quiet'];
}

/**
 * Whole-pipeline throughput against the floor: the floor and each conversion of a log take
 * turns, round after round, so that load from elsewhere falls on both alike.
 */
async function throughput(build, formats, logs) {
  const cases = conversions.map((each) => ({ ...each, log: `${each.log}/main` }));
  const rows = [];
  const floors = {};
  for (const each of cases) {
    const row = { conversion: `${each.from} → ${each.to}`, ...each };
    const missing = [each.from, each.to].filter((name) => !formats.has(name));
    if (missing.length > 0 || logs[each.log] === undefined) {
      row.skipped = missing.length > 0 ? `${missing.join(', ')} not registered` : `no fixtures for ${each.from}`;
      rows.push(row);
      continue;
    }
    row.file = logs[each.log];
    row.samples = [];
    floors[each.log] ??= [];
    rows.push(row);
  }
  const active = rows.filter((row) => row.skipped === undefined);
  for (let round = 1; round <= plan.rounds; round += 1) {
    log(`throughput round ${round}/${plan.rounds}`);
    for (const logName of Object.keys(floors)) {
      const floor = await measureProcess([join(root, 'bench', 'floor.mjs'), logs[logName].file]);
      if (floor.code !== 0) throw new Error(`the floor script failed on ${logs[logName].file}: ${floor.stderr}`);
      floors[logName].push(floor);
      for (const row of active.filter((candidate) => candidate.log === logName)) {
        const ours = await measureProcess(cliArgs(build, row.file.file, row.from, row.to));
        row.exitCode = ours.code;
        if (ours.code !== 0 && ours.code !== 1) throw new Error(`${row.conversion} failed: ${ours.stderr}`);
        row.samples.push(ours);
      }
    }
  }
  for (const row of active) {
    const floor = floors[row.log];
    row.floorMilliseconds = median(floor.map((sample) => sample.milliseconds));
    row.milliseconds = median(row.samples.map((sample) => sample.milliseconds));
    row.floorCpuMilliseconds = median(floor.map((sample) => sample.cpuMilliseconds));
    row.cpuMilliseconds = median(row.samples.map((sample) => sample.cpuMilliseconds));
    row.cpuRatioToFloor = row.cpuMilliseconds / row.floorCpuMilliseconds;
    row.megabytesPerSecond = row.file.bytes / megabyte / (row.milliseconds / 1000);
    row.floorMegabytesPerSecond = row.file.bytes / megabyte / (row.floorMilliseconds / 1000);
    row.ratioToFloor = row.milliseconds / row.floorMilliseconds;
    row.peakRss = median(row.samples.map((sample) => sample.peakRss ?? 0));
    row.floorPeakRss = median(floor.map((sample) => sample.peakRss ?? 0));
    row.file = { name: row.file.file.slice(root.length), bytes: row.file.bytes, fixtures: row.file.fixtures };
    delete row.samples;
  }
  return rows;
}

/**
 * Time per event of one canonical run of growing length through the CLI, per target: the slope
 * between each size and the one before (a 7-event run first), so that start-up cancels out.
 * Growth is the last slope over the one before it: above 1 when a longer run costs more per event.
 */
async function runLength(build, formats) {
  const rows = [];
  const sizes = [7, ...plan.runEvents];
  for (const to of runLengthTargets) {
    if (!formats.has(to)) {
      rows.push({ to, skipped: 'not registered' });
      continue;
    }
    const measured = [];
    for (const events of sizes) {
      log(`canonical → ${to}: one run of ${events} events`);
      const file = await generateTextRun(join(dataFolder, `text-run-${events}.jsonl`), events);
      const samples = [];
      for (let round = 0; round < plan.runRounds; round += 1) {
        const sample = await measureProcess(cliArgs(build, file, 'canonical', to));
        if (sample.code !== 0 && sample.code !== 1) throw new Error(`canonical → ${to} failed on ${events} events: ${sample.stderr}`);
        samples.push(sample);
      }
      const milliseconds = median(samples.map((sample) => sample.milliseconds));
      const cpuMilliseconds = median(samples.map((sample) => sample.cpuMilliseconds));
      const before = measured.at(-1);
      measured.push({
        events,
        milliseconds,
        cpuMilliseconds,
        // CPU time: the waits for a core on a shared machine are not the run's cost.
        microsecondsPerEvent: before === undefined ? undefined : ((cpuMilliseconds - before.cpuMilliseconds) * 1000) / (events - before.events),
        peakRss: median(samples.map((sample) => sample.peakRss ?? 0)),
      });
    }
    const [shorter, longest] = measured.slice(-2);
    rows.push({ to, sizes: measured, growth: longest.microsecondsPerEvent / shorter.microsecondsPerEvent });
  }
  return rows;
}

/** Peak RSS of each conversion on the big log of its source format, once, with the floor's beside it. */
async function memory(build, formats, logs) {
  const rows = [];
  const floors = {};
  for (const each of conversions) {
    const big = logs[`${each.log}/big`];
    const conversion = `${each.from} → ${each.to}`;
    if (big === undefined || !formats.has(each.to)) {
      rows.push({ conversion, skipped: `${big === undefined ? each.from : each.to} not available` });
      continue;
    }
    if (floors[each.log] === undefined) {
      log(`floor peak RSS on the ${big.bytes / megabyte} MB ${each.log} log`);
      floors[each.log] = await measureProcess([join(root, 'bench', 'floor.mjs'), big.file]);
    }
    log(`peak RSS of ${conversion} on ${big.bytes / megabyte} MB`);
    const ours = await measureProcess(cliArgs(build, big.file, each.from, each.to));
    if (ours.code !== 0 && ours.code !== 1) throw new Error(`${conversion} failed on the big log: ${ours.stderr}`);
    rows.push({
      conversion,
      file: big.file.slice(root.length),
      bytes: big.bytes,
      peakRss: ours.peakRss,
      floorPeakRss: floors[each.log].peakRss,
      milliseconds: ours.milliseconds,
      cpuMilliseconds: ours.cpuMilliseconds,
      floorMilliseconds: floors[each.log].milliseconds,
      floorCpuMilliseconds: floors[each.log].cpuMilliseconds,
      exitCode: ours.code,
    });
  }
  return rows;
}

/** Heap a decoder keeps while it reads a long log of many runs, per source format. */
function decodingMemory(build) {
  log(`decoding memory: ${plan.decodeMegabytes} MB per source format`);
  const output = execFileSync(process.execPath, ['--expose-gc', join(root, 'bench', 'decode-memory.mjs'), String(plan.decodeMegabytes)], {
    env: { ...process.env, BENCH_BUILD: build },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output);
}

function inProcess(build) {
  log('in-process: tool-input scaling and validation cost');
  const output = execFileSync(process.execPath, ['--expose-gc', join(root, 'bench', 'in-process-bench.mjs'), ...(quick ? ['--quick'] : [])], {
    env: { ...process.env, BENCH_BUILD: build },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output);
}

function peer(build) {
  const peers = join(root, 'bench', 'peers');
  if (!existsSync(join(peers, 'node_modules'))) {
    log('installing the peer (npm ci --prefix bench/peers)…');
    execFileSync('npm', ['ci', '--prefix', peers, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  log('peer: @ai-sdk/langchain on AIMessageChunks, LangGraph tuples and streamEvents');
  const output = execFileSync(process.execPath, [join(peers, 'peer-bench.mjs'), String(plan.peerChunks), ...(quick ? ['--quick'] : [])], {
    env: { ...process.env, BENCH_BUILD: build },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output);
}

/**
 * The bundle sizes of `scripts/bundle-size.mjs` (the README's useChat route and the root entry,
 * minified, the optional peers external), bundled against the build under measure.
 */
function bundleSizes(build) {
  log('bundle sizes: the useChat route and the root entry');
  let output;
  try {
    output = execFileSync(process.execPath, [join(root, 'scripts', 'bundle-size.mjs'), '--json', '--build', build], { encoding: 'utf8', maxBuffer: 1 << 24 });
  } catch (error) {
    // A program past its ceiling exits 1 (npm test fails on it); the sizes were still printed.
    if (typeof error.stdout !== 'string' || error.stdout.trim() === '') throw error;
    output = error.stdout;
  }
  return JSON.parse(output.trim().split('\n').at(-1));
}

const megabytes = (bytes) => (bytes === undefined ? '-' : `${(bytes / (1 << 20)).toFixed(0)} MiB`);
const fixed = (value, digits = 2) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));
const verdict = (met) => (met ? 'met' : 'MISSED');

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

function report(results) {
  const lines = [];
  const budgets = [];
  const budget = (name, figure, met) => budgets.push([name, figure, verdict(met)]);
  /** A figure the issue asks to report that has no budget: listed with the budgets, not counted. */
  const figure = (name, value) => budgets.push([name, value, '(no budget)']);
  lines.push(`agent-event-bridge bench (${quick ? 'quick' : 'full'}) of ${results.build} — ${results.machine.cpu} ×${results.machine.cores}, ${results.machine.memory}, Node ${results.machine.node}; load average ${results.loadAtStart.map((value) => value.toFixed(1)).join(' ')} at the start, ${results.loadAtEnd.map((value) => value.toFixed(1)).join(' ')} at the end`);
  lines.push('', `Whole pipeline (built CLI, stdout to /dev/null) against the floor (read + JSON.parse + JSON.stringify + write), medians of ${plan.rounds} alternating rounds; CPU = user + system time of the process:`);
  lines.push(
    table([
      ['conversion', 'log', 'ours CPU', 'floor CPU', 'CPU ratio', 'ours wall', 'floor wall', 'wall ratio', 'MB/s', 'peak RSS', 'budget (CPU ratio)'],
      ...results.throughput.map((row) =>
        row.skipped !== undefined
          ? [row.conversion, '-', '-', '-', '-', '-', '-', '-', '-', '-', `skipped: ${row.skipped}`]
          : [
              row.conversion,
              `${fixed(row.file.bytes / megabyte, 0)} MB`,
              `${fixed(row.cpuMilliseconds / 1000)} s`,
              `${fixed(row.floorCpuMilliseconds / 1000)} s`,
              fixed(row.cpuRatioToFloor),
              `${fixed(row.milliseconds / 1000)} s`,
              `${fixed(row.floorMilliseconds / 1000)} s`,
              fixed(row.ratioToFloor),
              fixed(row.megabytesPerSecond, 1),
              megabytes(row.peakRss),
              row.budget === undefined ? '' : `≤ ${row.budget}×: ${verdict(row.cpuRatioToFloor <= row.budget)}`,
            ],
      ),
    ]),
  );
  for (const row of results.throughput) {
    if (row.budget === undefined) continue;
    budget(
      `${row.conversion} ≤ ${row.budget}× the floor (CPU time)`,
      row.skipped ?? `${fixed(row.cpuRatioToFloor)}× (wall ${fixed(row.ratioToFloor)}×)`,
      row.skipped === undefined && row.cpuRatioToFloor <= row.budget,
    );
  }
  const peerResult = results.peer;
  lines.push('', 'Peer: @ai-sdk/langchain toUIMessageStream against ours (convert(ReadableStream), langchain → ai-sdk-ui) on the same objects, better median of two alternating passes, CPU time of the process (user + system):');
  lines.push(
    table([
      ['job', 'items', 'peer CPU ms', 'ours CPU ms', 'peer items/s', 'ours items/s', 'ours / peer'],
      ...peerResult.jobs.map((job) => [job.job, String(job.items), fixed(job.peer.milliseconds), fixed(job.ours.milliseconds), fixed(job.peer.itemsPerSecond, 0), fixed(job.ours.itemsPerSecond, 0), `${fixed(job.throughputRatio)}×`]),
    ]),
  );
  const onRecords = peerResult.oursOnRecords;
  lines.push(`ours on the same chunks already JSON (convert(array)): ${fixed(onRecords.milliseconds)} ms, ${fixed(onRecords.itemsPerSecond, 0)} items/s`);
  const [chunkJob] = peerResult.jobs;
  budget('ours / @ai-sdk/langchain on AIMessageChunk instances ≥ 3×', `${fixed(chunkJob.throughputRatio)}×`, chunkJob.throughputRatio >= 3);
  for (const job of peerResult.jobs.slice(1)) figure(`ours / @ai-sdk/langchain on ${job.job}`, `${fixed(job.throughputRatio)}×`);
  lines.push('', 'Bundle sizes (scripts/bundle-size.mjs: esbuild --bundle --minify, ai and @langchain/core external, against the build measured):');
  lines.push(table([['program', 'size', 'budget'], ...results.bundleSizes.map((row) => [row.name, `${fixed(row.bytes / 1000, 1)} kB`, `${fixed(row.budget / 1000, 0)} kB`])]));
  for (const row of results.bundleSizes) budget(`bundle ≤ ${fixed(row.budget / 1000, 0)} kB, ${row.name}`, `${fixed(row.bytes / 1000, 1)} kB`, row.bytes <= row.budget);
  lines.push('', 'Tool-input streaming, one-character deltas, canonical → target, median ms per conversion:');
  lines.push(
    table([
      ['target', '1k', '4k', '16k', '16k/1k'],
      ...results.inProcess.toolInput.map((row) =>
        row.skipped !== undefined
          ? [row.target, '-', '-', '-', `skipped: ${row.skipped}`]
          : [row.target, fixed(row.milliseconds[1000]), fixed(row.milliseconds[4000]), fixed(row.milliseconds[16000]), fixed(row.ratio16kTo1k)],
      ),
    ]),
  );
  for (const row of results.inProcess.toolInput) {
    if (row.skipped === undefined) budget(`tool-input 16k / 1k ≤ 20, ${row.target}`, fixed(row.ratio16kTo1k), row.ratio16kTo1k <= 20);
  }
  lines.push('', `One run of growing length (canonical text deltas) through the CLI; µs/event = the CPU time added per event since the size before; growth = the last µs/event over the one before it (≤ ${runLengthTolerance}):`);
  lines.push(
    table([
      ['target', 'events', 'wall', 'CPU', 'CPU µs/event', 'peak RSS', 'growth'],
      ...results.runLength.flatMap((row) =>
        row.skipped !== undefined
          ? [[row.to, '-', '-', '-', '-', '-', `skipped: ${row.skipped}`]]
          : row.sizes.map((size, index) => [
              row.to,
              String(size.events),
              `${fixed(size.milliseconds / 1000)} s`,
              `${fixed(size.cpuMilliseconds / 1000)} s`,
              fixed(size.microsecondsPerEvent),
              megabytes(size.peakRss),
              index === row.sizes.length - 1 ? fixed(row.growth) : '',
            ]),
      ),
    ]),
  );
  for (const row of results.runLength) {
    if (row.skipped === undefined) budget(`time per event does not grow, ${row.sizes.at(-1).events} events → ${row.to}`, `${fixed(row.growth)}×`, row.growth <= runLengthTolerance);
  }
  const decoding = results.decodingMemory;
  lines.push('', `Decoding memory: heap after GC while one decoder reads ${decoding.megabytes} MB of fresh copies of its recordings (start, thirds, end):`);
  lines.push(
    table([
      ['format', 'heap (MiB)', 'growth per 10 MB after the first third'],
      ...decoding.rows.map((row) =>
        row.skipped !== undefined ? [row.format, '-', `skipped: ${row.skipped}`] : [row.format, row.samples.map((sample) => fixed(sample.heap / mebibyte, 1)).join(' → '), `${fixed(row.growthPer10Megabytes / mebibyte)} MiB`],
      ),
    ]),
  );
  for (const row of decoding.rows) {
    if (row.skipped === undefined) {
      budget(`${row.format} decoding memory flat (< ${fixed(flatGrowthPer10Megabytes / mebibyte, 1)} MiB per 10 MB)`, `${fixed(row.growthPer10Megabytes / mebibyte)} MiB per 10 MB`, row.growthPer10Megabytes < flatGrowthPer10Megabytes);
    }
  }
  lines.push('', 'Peak RSS on the big log of each source format (one run each; /usr/bin/time -v):');
  lines.push(
    table([
      ['conversion', 'log', 'peak RSS', 'floor peak RSS', 'CPU', 'floor CPU', 'CPU ratio'],
      ...results.memory.map((row) =>
        row.skipped !== undefined
          ? [row.conversion, '-', '-', '-', '-', '-', `skipped: ${row.skipped}`]
          : [
              row.conversion,
              `${fixed(row.bytes / megabyte, 0)} MB`,
              megabytes(row.peakRss),
              megabytes(row.floorPeakRss),
              `${fixed(row.cpuMilliseconds / 1000, 1)} s`,
              `${fixed(row.floorCpuMilliseconds / 1000, 1)} s`,
              fixed(row.cpuMilliseconds / row.floorCpuMilliseconds),
            ],
      ),
    ]),
  );
  for (const row of results.memory) {
    budget(`peak RSS < 150 MiB, ${row.conversion} on ${row.bytes === undefined ? '-' : fixed(row.bytes / megabyte, 0)} MB`, row.skipped ?? megabytes(row.peakRss), row.skipped === undefined && row.peakRss < peakRssBudget);
  }
  const validation = results.inProcess.validation;
  lines.push('');
  if (validation.skipped !== undefined) lines.push(`Validation cost: skipped (${validation.skipped})`);
  else {
    lines.push(
      `Validation on canonical decode (${validation.events} events of the agno fixtures): canonicalEventSchema.safeParse ${fixed(validation.milliseconds.safeParse)} ms =` +
        ` ${fixed(validation.safeParseShareOfIdentity * 100, 0)}% of canonical → canonical, ${fixed(validation.safeParseShareOfToAiSdkUi * 100, 0)}% of canonical → ai-sdk-ui,` +
        ` ${fixed(validation.safeParseOverFloor)}× the floor of the same events; the schema of the event's own type alone: ${fixed(validation.milliseconds.perTypeSafeParse)} ms`,
    );
  }
  lines.push('', 'Budgets:', table([['budget', 'measured', 'verdict'], ...budgets]));
  const counted = budgets.filter((row) => row[2] !== '(no budget)');
  const missed = counted.filter((row) => row[2] !== 'met').length;
  lines.push(`${counted.length - missed} of ${counted.length} met`);
  return lines.join('\n');
}

async function main() {
  mkdirSync(dataFolder, { recursive: true });
  const build = snapshotBuild();
  const formats = await registeredFormats(build);
  const started = new Date();
  const logs = await generateLogs(formats);
  const results = {
    mode: quick ? 'quick' : 'full',
    build: source,
    started: started.toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memory: `${Math.round(totalmem() / 2 ** 30)} GiB`, node: process.versions.node, platform: `${process.platform} ${process.arch}` },
    formats: [...formats],
    loadAtStart: loadavg(),
    throughput: await throughput(build, formats, logs),
    peer: peer(build),
    bundleSizes: bundleSizes(build),
    inProcess: inProcess(build),
    decodingMemory: decodingMemory(build),
    runLength: await runLength(build, formats),
    memory: await memory(build, formats, logs),
  };
  results.finished = new Date().toISOString();
  results.loadAtEnd = loadavg();
  const text = report(results);
  process.stdout.write(`${text}\n`);
  mkdirSync(resultsFolder, { recursive: true });
  const name = `${results.mode}-${started.toISOString().replace(/[:.]/g, '-')}`;
  writeFileSync(join(resultsFolder, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsFolder, `${name}.txt`), `${text}\n`);
  log(`results: bench/results/${name}.json`);
  rmSync(build, { recursive: true, force: true });
}

await main();
