/**
 * Appends `items` to `target` one at a time and returns `target`. `target.push(...items)` passes
 * every item as a call argument, which overflows the stack past about 100 000 items (an agno
 * `RunOutput` with 50 000 messages explodes into more events than that).
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
