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
 * The heap each further run costs: `warm` runs first, so that bounded state is full, then `runs`
 * more, measured after full collections.
 * @param pushRun pushes the records of run `index`.
 */
export function heapPerRun(pushRun: (index: number) => void, warm: number, runs: number): number {
  for (let index = 0; index < warm; index += 1) pushRun(index);
  const before = heapAfterGc();
  for (let index = warm; index < warm + runs; index += 1) pushRun(index);
  return (heapAfterGc() - before) / runs;
}
