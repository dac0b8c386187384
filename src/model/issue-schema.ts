import * as z from 'zod/mini';
import { issueCodes, issueLevels } from './issue.js';

/** Something a conversion lost, guessed, repaired or could not read. */
export const issueSchema = z.object({
  code: z.enum(issueCodes),
  level: z.enum(issueLevels),
  message: z.string(),
  /** The format whose decoder or encoder raised it. */
  format: z.optional(z.string()),
  /** The canonical (or foreign) event type concerned. */
  eventType: z.optional(z.string()),
  /** A JSON path inside the record, such as `tool.tool_args`. */
  path: z.optional(z.string()),
  /** Zero-based index of the input record in the conversion. */
  index: z.optional(z.number()),
  /** One-based line number of the record, where the input had lines. */
  line: z.optional(z.number()),
  /** The run concerned, where known. */
  runId: z.optional(z.string()),
});
