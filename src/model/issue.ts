import * as z from 'zod/mini';

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
