import type * as z from 'zod/mini';
// The schema lives in its own module: its module-level zod/mini calls cannot be dropped by a
// bundler, and every program that converts anything needs ConversionError from here.
import type { issueSchema } from './issue-schema.js';

/** The closed list of things a conversion can report. */
export const issueCodes = [
  'dropped',
  'approximated',
  'minted',
  'unknown-event',
  'invalid-input',
  'invalid-sequence',
] as const;

/** One of {@link issueCodes}. */
export type IssueCode = (typeof issueCodes)[number];

/** How serious an issue is; `strict` mode throws on `error`. */
export const issueLevels = ['info', 'warning', 'error'] as const;

/** One of {@link issueLevels}. */
export type IssueLevel = (typeof issueLevels)[number];

/** Something a conversion lost, guessed, repaired or could not read. */
export type Issue = z.infer<typeof issueSchema>;

/** An issue as an adapter raises it; the pipeline fills in `format`, `index` and `line`. */
export type IssueInput = Omit<Issue, 'index' | 'line'> & { index?: number; line?: number };

/** Thrown in `strict` mode for the first issue of level `error`, and for misuse of the API. */
export class ConversionError extends Error {
  /** The issue that stopped the conversion, when there is one. */
  readonly issue: Issue | undefined;

  constructor(message: string, issue?: Issue) {
    super(message);
    this.name = 'ConversionError';
    this.issue = issue;
  }

  /** Builds the error for an issue, naming the record, the format and the path. */
  static fromIssue(issue: Issue): ConversionError {
    return new ConversionError(describeIssue(issue), issue);
  }
}

/** One human-readable line for an issue: where, what, and the code. */
export function describeIssue(issue: Issue): string {
  const where: string[] = [];
  if (issue.line !== undefined) where.push(`line ${issue.line}`);
  else if (issue.index !== undefined) where.push(`record ${issue.index}`);
  if (issue.format !== undefined) where.push(issue.format);
  if (issue.eventType !== undefined) where.push(issue.eventType);
  if (issue.path !== undefined) where.push(`at ${issue.path}`);
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  return `${prefix}${issue.message} [${issue.code}]`;
}
