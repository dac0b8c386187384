// The benchmark: throughput against the floor, the peer comparison, scaling and memory.
// Usage: npm run bench (builds first), or node bench/run.mjs [--quick] after npm run build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogTemplate, generateLog, generateTextRun } from './generate-log.mjs';
import { measureProcess, median } from './measure-process.mjs';
import { dataFolder, resultsFolder, root, sourceFixtures } from './paths.mjs';

const quick = process.argv.includes('--quick');
const plan = quick
  ? { logBytes: 10e6, bigLogBytes: 50e6, rounds: 3, runEvents: [1e4, 1e5], peerChunks: 2000 }
  : { logBytes: 100e6, bigLogBytes: 1e9, rounds: 5, runEvents: [1e4, 1e5, 1e6], peerChunks: 10000 };
const megabyte = 1e6;

/**
 * The build under measure, copied aside first: a rebuild of dist/ during the run (a watch
 * mode, a parallel build) must not change or remove the code being timed.
 */
function snapshotBuild() {
  const build = join(dataFolder, 'build');
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build (npm run bench does)');
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  cpSync(join(root, 'dist'), build, { recursive: true });
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
      // The 1 GB log is for the memory measure, which runs on agno 2.x only.
      if (size === 'big' && format !== 'agno') continue;
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
  const cases = [
    { from: 'agno', to: 'ai-sdk-ui', log: 'agno/main', budget: 2 },
    { from: 'agno', to: 'canonical', log: 'agno/main' },
    { from: 'agno-legacy', to: 'agno', log: 'agno-legacy/main' },
    { from: 'runner', to: 'langchain', log: 'runner/main' },
  ];
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

/** Time per event and peak RSS of one canonical run of growing length through the CLI. */
async function runLength(build, formats) {
  const rows = [];
  for (const to of ['ai-sdk-ui', 'agno']) {
    if (!formats.has(to)) {
      rows.push({ to, skipped: 'not registered' });
      continue;
    }
    // A one-event run gives the start-up cost, which is taken off before dividing by the events.
    const startupFile = await generateTextRun(join(dataFolder, 'text-run-7.jsonl'), 7);
    const startup = [];
    for (let round = 0; round < plan.rounds; round += 1) startup.push((await measureProcess(cliArgs(build, startupFile, 'canonical', to))).milliseconds);
    const startupMilliseconds = median(startup);
    for (const events of plan.runEvents) {
      log(`canonical → ${to}: one run of ${events} events`);
      const file = await generateTextRun(join(dataFolder, `text-run-${events}.jsonl`), events);
      const samples = [];
      for (let round = 0; round < plan.rounds; round += 1) samples.push(await measureProcess(cliArgs(build, file, 'canonical', to)));
      const milliseconds = median(samples.map((sample) => sample.milliseconds));
      rows.push({
        to,
        events,
        milliseconds,
        startupMilliseconds,
        microsecondsPerEvent: ((milliseconds - startupMilliseconds) * 1000) / events,
        peakRss: median(samples.map((sample) => sample.peakRss ?? 0)),
      });
    }
  }
  return rows;
}

/** Peak RSS converting the big agno log to ai-sdk-ui, once, with the floor's beside it. */
async function memory(build, formats, logs) {
  const big = logs['agno/big'];
  if (big === undefined || !formats.has('ai-sdk-ui')) return { skipped: 'agno or ai-sdk-ui not registered' };
  log(`peak RSS on ${big.bytes / megabyte} MB`);
  const floor = await measureProcess([join(root, 'bench', 'floor.mjs'), big.file]);
  const ours = await measureProcess(cliArgs(build, big.file, 'agno', 'ai-sdk-ui'));
  return {
    file: big.file.slice(root.length),
    bytes: big.bytes,
    peakRss: ours.peakRss,
    floorPeakRss: floor.peakRss,
    milliseconds: ours.milliseconds,
    floorMilliseconds: floor.milliseconds,
    exitCode: ours.code,
  };
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
  log('peer: LangChain AIMessageChunk stream → UI message chunks');
  const output = execFileSync(process.execPath, [join(peers, 'peer-bench.mjs'), String(plan.peerChunks), ...(quick ? ['--quick'] : [])], {
    env: { ...process.env, BENCH_BUILD: build },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output);
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
  lines.push(`agent-event-bridge bench (${quick ? 'quick' : 'full'}) — ${results.machine.cpu} ×${results.machine.cores}, ${results.machine.memory}, Node ${results.machine.node}`);
  lines.push('', 'Whole pipeline (built CLI, stdout to /dev/null) against the floor (read + JSON.parse + JSON.stringify + write), medians of rounds:');
  lines.push(
    table([
      ['conversion', 'log', 'ours', 'floor', 'ours/floor', 'MB/s', 'peak RSS', 'budget'],
      ...results.throughput.map((row) =>
        row.skipped !== undefined
          ? [row.conversion, '-', '-', '-', '-', '-', '-', `skipped: ${row.skipped}`]
          : [
              row.conversion,
              `${fixed(row.file.bytes / megabyte, 0)} MB`,
              `${fixed(row.milliseconds / 1000)} s`,
              `${fixed(row.floorMilliseconds / 1000)} s`,
              fixed(row.ratioToFloor),
              fixed(row.megabytesPerSecond, 1),
              megabytes(row.peakRss),
              row.budget === undefined ? '' : `≤ ${row.budget}× floor: ${verdict(row.ratioToFloor <= row.budget)}`,
            ],
      ),
    ]),
  );
  const peerResult = results.peer;
  lines.push('', `Peer: ${peerResult.chunks} AIMessageChunks → UI message chunks, median ms per stream:`);
  lines.push(
    table([
      ['converter', 'ms', 'chunks/s', 'UI chunks out'],
      ...peerResult.rows.map((row) => [row.name, fixed(row.milliseconds), fixed(row.chunksPerSecond, 0), String(row.outputChunks)]),
    ]),
  );
  lines.push(`ours / peer throughput: ${fixed(peerResult.throughputRatio)}× (budget ≥ 3×: ${verdict(peerResult.throughputRatio >= 3)})`);
  lines.push('', 'Tool-input streaming, one-character deltas, canonical → target, median ms per conversion:');
  lines.push(
    table([
      ['target', '1k', '4k', '16k', '16k/1k', 'budget ≤ 20'],
      ...results.inProcess.toolInput.map((row) =>
        row.skipped !== undefined
          ? [row.target, '-', '-', '-', '-', `skipped: ${row.skipped}`]
          : [row.target, fixed(row.milliseconds[1000]), fixed(row.milliseconds[4000]), fixed(row.milliseconds[16000]), fixed(row.ratio16kTo1k), verdict(row.ratio16kTo1k <= 20)],
      ),
    ]),
  );
  lines.push('', 'One run of growing length (canonical text deltas) through the CLI:');
  lines.push(
    table([
      ['target', 'events', 'total', 'µs/event (start-up off)', 'peak RSS'],
      ...results.runLength.map((row) =>
        row.skipped !== undefined
          ? [row.to, '-', '-', '-', `skipped: ${row.skipped}`]
          : [row.to, String(row.events), `${fixed(row.milliseconds / 1000)} s`, fixed(row.microsecondsPerEvent), megabytes(row.peakRss)],
      ),
    ]),
  );
  const memoryResult = results.memory;
  lines.push('');
  if (memoryResult.skipped !== undefined) lines.push(`Memory: skipped (${memoryResult.skipped})`);
  else {
    lines.push(
      `Memory: agno → ai-sdk-ui on ${fixed(memoryResult.bytes / megabyte, 0)} MB: peak RSS ${megabytes(memoryResult.peakRss)} (floor ${megabytes(memoryResult.floorPeakRss)}), ${fixed(memoryResult.milliseconds / 1000, 1)} s` +
        ` (budget < 200 MB: ${verdict(memoryResult.peakRss < 200e6)})`,
    );
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
    started: started.toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memory: `${Math.round(totalmem() / 2 ** 30)} GiB`, node: process.versions.node, platform: `${process.platform} ${process.arch}` },
    formats: [...formats],
    throughput: await throughput(build, formats, logs),
    peer: peer(build),
    inProcess: inProcess(build),
    runLength: await runLength(build, formats),
    memory: await memory(build, formats, logs),
  };
  results.finished = new Date().toISOString();
  const text = report(results);
  process.stdout.write(`${text}\n`);
  mkdirSync(resultsFolder, { recursive: true });
  const name = `${results.mode}-${started.toISOString().replace(/[:.]/g, '-')}`;
  writeFileSync(join(resultsFolder, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsFolder, `${name}.txt`), `${text}\n`);
  log(`results: bench/results/${name}.json`);
}

await main();
