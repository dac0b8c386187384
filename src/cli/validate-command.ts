import { parseArgs } from 'node:util';
import { inputFramings, type InputFraming } from '../framing/record-reader.js';
import { describeIssue, type Issue } from '../model/issue.js';
import { isDecisive, rankFormats, type RecordDetection } from '../detect.js';
import { createVerifier } from '../model/verify.js';
import { createDecoder } from '../registered.js';
import { getFormat, listFormats } from '../registry.js';
import type { Interruption } from './interrupt.js';
import { openInput, positiveWholeNumber, UsageError } from './io.js';
import { readInput } from './read-input.js';
import type { FormatName } from '../registry.js';

/** `validate --help`. */
export const validateUsage = `Usage: agent-event-bridge validate [FILE|-] --from FORMAT [--json] [--in FRAMING]

Checks that every record is of one format (its detect claims it and no other format claims it
decisively), decodes it with that format and checks the lifecycle of the resulting events
(starts before deltas, one end per run, results for known tool calls, paired pause and resume).

Options:
  --from FORMAT    the format the records must be in (required)
  --json           print {"valid", "records", "foreign", "events", "runs", "unended", "rejected",
                   "issues"} (foreign: records that are not of the format; unended: runs with
                   no end, which the issues name up to 100 and then count)
  --in FRAMING     input framing: auto, jsonl, sse, concat, json (default: auto)
  --max-open-runs N
                   check at most N runs open at once (default 100000): past it the run opened
                   first is no longer followed and counts as a run without an end (reported once)
  -h, --help       this help

Exit codes: 0 valid, 1 error-level issues or unreadable records, 2 usage error.
`;

/**
 * Why a record is not one of `name`'s, or undefined when it is: the format's own `detect` does
 * not claim it, or another format claims it decisively (alone, or at least 0.9 sure and clearly
 * ahead), as `--from auto` would decide.
 */
export function notOfFormat(record: unknown, name: string): string | undefined {
  const ranked = rankFormats(record, listFormats());
  const own = ranked.find((candidate) => candidate.format.name === name);
  const leader = ranked[0];
  const named = (candidate: RecordDetection): string => `${candidate.format.name}${candidate.version === undefined ? '' : ` ${candidate.version}`}`;
  if (own === undefined) return leader === undefined ? 'no format recognizes it' : `it reads as ${named(leader)}`;
  if (leader !== undefined && leader !== own && isDecisive(ranked)) return `it reads as ${named(leader)} (sure at ${leader.confidence}, ${name} at ${own.confidence})`;
  return undefined;
}

/** At most this many issues are listed; all are counted. */
const listedIssues = 1000;

/** Runs `validate`; returns the exit code. */
export async function validateCommand(args: string[], interruption?: Interruption): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      json: { type: 'boolean', default: false },
      in: { type: 'string', default: 'auto' },
      'max-open-runs': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(validateUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`validate takes one input file, got ${positionals.length}`);
  if (values.from === undefined) throw new UsageError('validate needs --from FORMAT');
  const format = getFormat(values.from);
  if (format === undefined) {
    throw new UsageError(`unknown --from format "${values.from}"; known: ${listFormats().map((f) => f.name).join(', ')}`);
  }
  if (!inputFramings.includes(values.in as InputFraming)) throw new UsageError(`--in must be one of ${inputFramings.join(', ')}`);

  const issues: Issue[] = [];
  let errors = 0;
  let total = 0;
  const keep = (issue: Issue): void => {
    total += 1;
    if (issue.level === 'error') errors += 1;
    if (issues.length < listedIssues) issues.push(issue);
  };
  const maxOpenRuns = positiveWholeNumber('max-open-runs', values['max-open-runs'], 'runs');
  const bound = maxOpenRuns === undefined ? {} : { maxOpenRuns };
  const decoder = createDecoder({ from: values.from as FormatName | 'auto', collectIssues: false, onIssue: keep, ...bound });
  // The decoder is bounded alike and reports the run it ends; the checker follows it quietly.
  const verifier = createVerifier({ ...bound, boundReported: true });
  let rejected = 0;
  let records = 0;
  let foreign = 0;
  const check = (line: number | undefined, events: ReturnType<typeof decoder.push>): void => {
    for (const event of events) {
      for (const issue of verifier.push(event, line)) keep(line === undefined ? issue : { ...issue, line });
    }
  };
  await readInput(
    openInput(positionals[0]),
    values.in as InputFraming,
    (item) => {
      if (item.kind === 'reject') {
        rejected += 1;
        keep({ code: 'invalid-input', level: 'error', line: item.line, message: `unreadable record: ${item.error}` });
        return;
      }
      records += 1;
      const mismatch = notOfFormat(item.record, format.name);
      if (mismatch !== undefined) {
        foreign += 1;
        keep({ code: 'invalid-input', level: 'error', format: format.name, line: item.line, message: `not ${format.name}: ${mismatch}` });
      }
      for (const warning of item.warnings ?? []) keep({ ...warning, line: item.line });
      check(item.line, decoder.push(item.record, { line: item.line }));
    },
    { progress: !values.json, signal: interruption?.signal },
  );
  check(undefined, decoder.flush());
  for (const issue of verifier.end()) keep(issue);

  const valid = errors === 0 && rejected === 0;
  if (values.json) {
    const report = { valid, records, foreign, events: decoder.stats.events, runs: decoder.stats.runs, unended: verifier.unended, rejected, issues };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    for (const issue of issues) process.stdout.write(`${issue.level}: ${describeIssue(issue)}\n`);
    if (total > issues.length) process.stdout.write(`… ${total - issues.length} more issues\n`);
    process.stdout.write(
      `${valid ? 'valid' : 'invalid'}: ${records} records${foreign > 0 ? ` (${foreign} not ${format.name})` : ''}, ${decoder.stats.events} events, ${decoder.stats.runs} runs${verifier.unended > 0 ? ` (${verifier.unended} without an end)` : ''}, ${errors} errors, ${total} issues\n`,
    );
  }
  return valid ? 0 : 1;
}
