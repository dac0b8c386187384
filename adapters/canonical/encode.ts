import type { CanonicalEvent } from '../../src/model/event.js';
import { canonicalVersion } from '../../src/model/version.js';
import type { AdapterContext, Encoder } from '../../src/pipeline/format.js';
import { watchEdits } from '../../src/pipeline/source.js';

/** Options of the canonical encoder. */
export interface CanonicalEncodeOptions {
  /** Write the `{canonicalVersion}` header before the first event (default true). */
  header?: boolean;
}

/** Writes canonical events as they are, after a `{canonicalVersion}` header record. */
export function createCanonicalEncoder(_context: AdapterContext, options: CanonicalEncodeOptions = {}): Encoder {
  let headerPending = options.header !== false;
  return {
    push(event: CanonicalEvent) {
      // The event object itself reaches the caller, who may edit it before another encoder meets it.
      watchEdits(event);
      if (headerPending) {
        headerPending = false;
        return [{ canonicalVersion }, event];
      }
      return [event];
    },
    flush() {
      return [];
    },
    // Events are written as they come: nothing is kept per run.
    forget() {
      return [];
    },
  };
}
