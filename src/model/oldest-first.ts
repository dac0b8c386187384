/** Entries in the order they were added, to find the oldest one still kept. */
export interface OldestFirst<T> {
  /** Adds an entry, the newest. */
  add(entry: T): void;
  /** The oldest entry still kept, or undefined when none is. */
  oldest(): T | undefined;
}

/**
 * Creates an {@link OldestFirst} over entries that a map of the caller keeps. A `Map`'s own
 * iterator walks over every entry deleted before the first one left, so taking the oldest of a
 * large map one at a time costs the deletions before it: quadratic when a log of runs that never
 * end lets one go per record. Here entries no longer kept are passed over once, and the list is
 * rebuilt when they outnumber the kept ones.
 * @param kept whether the caller still keeps an entry (an ended run is not)
 * @param size how many entries the caller keeps
 */
export function createOldestFirst<T>(kept: (entry: T) => boolean, size: () => number): OldestFirst<T> {
  let entries: T[] = [];
  let head = 0;
  return {
    add(entry) {
      entries.push(entry);
      // Entries passed over, and runs that ended before they were the oldest, are dropped before they pile up.
      if ((head > 1024 && head * 2 > entries.length) || entries.length - head > 2 * size() + 1024) {
        entries = entries.slice(head).filter(kept);
        head = 0;
      }
    },
    oldest() {
      while (head < entries.length && !kept(entries[head] as T)) head += 1;
      return entries[head];
    },
  };
}
