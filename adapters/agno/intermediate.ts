import type { CanonicalEvent } from '../../src/model/event.js';
import type { Ext } from '../../src/model/snapshot.js';
import { addIdOfRun, deleteIdOfRun, endsRun, isRecord } from '../../src/pipeline/adapter-kit.js';

/**
 * The `ext` of the `text-start` of a text that agno streamed as intermediate content (the main
 * model's draft before an output model rewrites it: `RunIntermediateContent` in 2.x,
 * `RunIntermediateResponseContent` in 1.7.9+). The canonical model has no field for a draft, so
 * this one flag, on the block's start only, lets both agno encoders name the event again.
 */
export function intermediateTextExt(): Ext {
  return { agno: { intermediate: true } };
}

/** Whether a `text-start` opens an intermediate text (see {@link intermediateTextExt}). */
export function isIntermediateStart(event: CanonicalEvent): boolean {
  const agno = event.ext?.agno;
  return event.type === 'text-start' && isRecord(agno) && agno.intermediate === true;
}

/** The open intermediate texts of an encoder, by run and text id. */
export interface IntermediateTexts {
  /** Whether a text event belongs to an open intermediate text. */
  has(event: { runId: string; id: string }): boolean;
  /**
   * Follows one event: a `text-start` with the flag opens an intermediate text, its `text-end`
   * closes it, and a run's end, error, cancel or pause cuts those the run left open.
   */
  track(event: CanonicalEvent): void;
  /** Lets go of a run's open intermediate texts (a run that gets no more events). */
  forget(runId: string): void;
}

/** Creates {@link IntermediateTexts}: kept by run, so a run that stops lets go of the texts it left open. */
export function createIntermediateTexts(): IntermediateTexts {
  const byRun = new Map<string, Set<string>>();
  return {
    has: (event) => byRun.get(event.runId)?.has(event.id) === true,
    track(event) {
      if (isIntermediateStart(event)) {
        const { runId, id } = event as CanonicalEvent & { id: string };
        addIdOfRun(byRun, runId, id);
      } else if (event.type === 'text-end') {
        deleteIdOfRun(byRun, event.runId, event.id);
      } else if (endsRun(event) || event.type === 'run-pause') {
        byRun.delete(event.runId);
      }
    },
    forget(runId) {
      byRun.delete(runId);
    },
  };
}
