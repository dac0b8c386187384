import type { CanonicalEvent, EventOfType, EventType } from './event.js';

/**
 * A map with one handler for every canonical event type: the compiler proves coverage.
 * @typeParam R what each handler returns.
 * @typeParam C a context passed to every handler.
 */
export type EventHandlers<R, C = void> = {
  [T in EventType]: (event: EventOfType<T>, context: C) => R;
};

/**
 * Calls the handler of an event's type. Kept apart from the event schemas (`event.ts`), whose
 * module-level `zod/mini` calls a bundler cannot drop: an encoder that imports this holds no zod.
 */
export function dispatch<R, C>(handlers: EventHandlers<R, C>, event: CanonicalEvent, context: C): R {
  const handler = handlers[event.type] as (event: CanonicalEvent, context: C) => R;
  return handler(event, context);
}
