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
