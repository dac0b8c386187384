/**
 * Counts the steps a piece of code takes over collections: every element an iterator yields
 * (arrays, maps, sets, for…of, spread), every callback of an array method, every element
 * `indexOf`/`includes`/`join`/`slice`/`splice`/`sort` may visit, every key `Object.keys` and its
 * kin list. A scan over state that grows with the input shows up as steps per record that grow
 * with the input, whatever the machine's speed: a measure of work, not of time.
 */
export function countCollectionSteps(work: () => void): number {
  let steps = 0;
  const restore: Array<() => void> = [];

  function replace<T extends object>(holder: T, key: PropertyKey, wrap: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown): void {
    const original = Reflect.get(holder, key) as (...args: unknown[]) => unknown;
    Object.defineProperty(holder, key, { value: wrap(original), writable: true, configurable: true, enumerable: false });
    restore.push(() => Object.defineProperty(holder, key, { value: original, writable: true, configurable: true, enumerable: false }));
  }

  function countingIterator(iterator: Iterator<unknown>): IterableIterator<unknown> {
    return {
      next() {
        steps += 1;
        return iterator.next();
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }

  for (const prototype of [Array.prototype, Map.prototype, Set.prototype]) {
    for (const key of [Symbol.iterator, 'entries', 'keys', 'values'] as PropertyKey[]) {
      replace(prototype, key, (original) =>
        function (this: unknown, ...args: unknown[]) {
          return countingIterator(original.apply(this, args) as Iterator<unknown>);
        },
      );
    }
    replace(prototype, 'forEach', (original) =>
      function (this: unknown, callback: unknown, ...rest: unknown[]) {
        return original.call(this, counting(callback), ...rest);
      } as (...args: unknown[]) => unknown,
    );
  }
  function counting(callback: unknown): unknown {
    if (typeof callback !== 'function') return callback;
    return function (this: unknown, ...args: unknown[]) {
      steps += 1;
      return (callback as (...args: unknown[]) => unknown).apply(this, args);
    };
  }
  for (const key of ['map', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce', 'reduceRight', 'flatMap']) {
    replace(Array.prototype, key, (original) =>
      function (this: unknown, callback: unknown, ...rest: unknown[]) {
        return original.call(this, counting(callback), ...rest);
      } as (...args: unknown[]) => unknown,
    );
  }
  for (const key of ['indexOf', 'lastIndexOf', 'includes', 'join', 'slice', 'splice', 'sort', 'concat']) {
    replace(Array.prototype, key, (original) =>
      function (this: unknown[], ...args: unknown[]) {
        steps += this.length;
        return original.apply(this, args);
      },
    );
  }
  for (const key of ['keys', 'values', 'entries']) {
    replace(Object, key, (original) => (value: unknown) => {
      const listed = original(value) as unknown[];
      steps += listed.length;
      return listed;
    });
  }
  try {
    work();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return steps;
}
