// Decoding memory: the heap a decoder keeps while it reads a long log of many runs. Each source
// format's decoder reads fresh copies of its recordings (as bench/generate-log.mjs makes them);
// the heap is measured after a forced GC at the start, a third of the way, two thirds and the end.
// A decoder whose state is bounded keeps the heap flat; one that keeps something per run grows
// with the input. Prints one JSON object on stdout.
// Usage: node --expose-gc bench/decode-memory.mjs [MEGABYTES]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogTemplate } from './generate-log.mjs';
import { root, sourceFixtures } from './paths.mjs';

const build = process.env.BENCH_BUILD ?? join(root, 'dist');
const { createDecoder, getFormat } = await import(pathToFileURL(join(build, 'index.js')).href);

const megabytes = Number(process.argv[2] ?? 30);
const checkpoints = 3;

function heapAfterCollection() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Heap after GC at each checkpoint while one decoder reads `megabytes` MB of copies. */
function measure(format) {
  const template = createLogTemplate(sourceFixtures[format]());
  const decoder = createDecoder({ from: format, collectIssues: false });
  const copyBytes = Buffer.byteLength(template.copy(0));
  const copies = Math.ceil((megabytes * 1e6) / copyBytes);
  const samples = [{ bytes: 0, heap: heapAfterCollection() }];
  let bytes = 0;
  let events = 0;
  for (let copy = 0; copy < copies; copy += 1) {
    const text = template.copy(copy);
    bytes += text.length;
    let start = 0;
    let newline;
    while ((newline = text.indexOf('\n', start)) !== -1) {
      if (newline > start) events += decoder.push(JSON.parse(text.slice(start, newline))).length;
      start = newline + 1;
    }
    if ((copy + 1) % Math.ceil(copies / checkpoints) === 0 || copy === copies - 1) samples.push({ bytes, heap: heapAfterCollection() });
  }
  events += decoder.flush().length;
  const first = samples[1];
  const last = samples.at(-1);
  // Growth from the first third to the end: what a decoder keeps per run, not its warm-up.
  const growthPer10Megabytes = ((last.heap - first.heap) / (last.bytes - first.bytes)) * 10e6;
  return { format, bytes, copies, events, samples, growthPer10Megabytes };
}

const rows = [];
for (const format of ['agno', 'agno-legacy', 'runner']) {
  if (getFormat(format) === undefined || sourceFixtures[format]().length === 0) rows.push({ format, skipped: 'format or fixtures missing' });
  else rows.push(measure(format));
}
process.stdout.write(`${JSON.stringify({ megabytes, rows })}\n`);
