import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Memory regressions compare the heap after full collections; vitest runs without --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap in use, in bytes, after two full collections. */
export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * The heap each further run costs: `warm` runs first, so that bounded state is full, then five
 * spans of `runs` more, each measured after full collections. What every run keeps shows in every
 * span; what the thread keeps once (code compiled late, a cache filled) shows in one
 * (and a page the collector keeps for a while is given back in a later one), so the least growth
 * of the five is the cost per run.
 * @param pushRun pushes the records of run `index`.
 */
export function heapPerRun(pushRun: (index: number) => void, warm: number, runs: number): number {
  for (let index = 0; index < warm; index += 1) pushRun(index);
  let least = Number.POSITIVE_INFINITY;
  let before = heapAfterGc();
  for (let span = 0; span < 5; span += 1) {
    const start = warm + span * runs;
    for (let index = start; index < start + runs; index += 1) pushRun(index);
    const after = heapAfterGc();
    least = Math.min(least, (after - before) / runs);
    before = after;
  }
  return least;
}
