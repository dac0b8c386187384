import * as z from 'zod/mini';
import { runSchema } from '../../src/model/snapshot.js';

/** The first record of a canonical JSONL document. */
export const canonicalHeaderSchema = z.object({ canonicalVersion: z.number() });

/** A canonical snapshot document: runs with their members. */
export const canonicalRunsDocumentSchema = z.object({ canonicalVersion: z.number(), runs: z.array(runSchema) });

/** A canonical header record. */
export type CanonicalHeader = z.infer<typeof canonicalHeaderSchema>;
