import * as z from 'zod/mini';
import { runStatuses } from './schema.js';

// The boundary schemas of agno records: the definition of what the decoder accepts. The decoder
// runs the hand-written checks of `schema.ts` (`agnoRecordMisfit`, `fitsAgnoRunOutput`), which
// property tests hold equal to these, so that a program reading agno bundles no zod.

/**
 * The boundary check of a streamed record: an object with an `event` string. Other fields are
 * read where their type fits and kept verbatim where it does not, so one odd field never costs a record.
 */
export const agnoEventRecordSchema = z.looseObject({
  event: z.string(),
  // The envelope decides which run a record belongs to: a wrong type must not fall back to
  // another run (`run_id: 42` would give its text to the run before it).
  run_id: z.nullish(z.string()),
  parent_run_id: z.nullish(z.string()),
  session_id: z.nullish(z.string()),
  agent_id: z.nullish(z.string()),
  team_id: z.nullish(z.string()),
  workflow_id: z.nullish(z.string()),
  created_at: z.nullish(z.number()),
  nested_depth: z.nullish(z.number()),
});

/** The boundary check of a `RunOutput` / `TeamRunOutput` `to_dict()` aggregate. */
export const agnoRunOutputSchema = z.looseObject({
  run_id: z.optional(z.string()),
  status: z.enum(runStatuses),
  agent_id: z.optional(z.string()),
  team_id: z.optional(z.string()),
  messages: z.optional(z.array(z.unknown())),
  member_responses: z.optional(z.array(z.unknown())),
});
