import { parseArgs } from 'node:util';
import { inputFramings, type InputFraming } from '../framing/record-reader.js';
import { createDecoder } from '../registered.js';
import type { Interruption } from './interrupt.js';
import { openInput, UsageError } from './io.js';
import { readInput } from './read-input.js';
import { narrowVersions } from './version-range.js';

/** `detect --help`. */
export const detectUsage = `Usage: agent-event-bridge detect [FILE|-] [--json] [--in FRAMING]

Names the format and version of every record of a log and counts records and runs per format.

Options:
  --json           print {"formats": [{"format", "versions", "records", "runs"}], "unknown", "rejected"}
  --in FRAMING     input framing: auto, jsonl, sse, concat, json (default: auto)
  -h, --help       this help

Exit codes: 0 every record recognized, 1 unrecognized or unreadable records, 2 usage error.
`;

/** One row of the `detect` report. */
export interface DetectedFormat {
  format: string;
  versions: string[];
  records: number;
  runs: number;
}

/** Runs `detect`; returns the exit code. */
export async function detectCommand(args: string[], interruption?: Interruption): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      in: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(detectUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`detect takes one input file, got ${positionals.length}`);
  if (!inputFramings.includes(values.in as InputFraming)) throw new UsageError(`--in must be one of ${inputFramings.join(', ')}`);

  const decoder = createDecoder({ from: 'auto', collectIssues: false, onReject: () => {} });
  let rejected = 0;
  await readInput(
    openInput(positionals[0]),
    values.in as InputFraming,
    (item) => {
      if (item.kind === 'reject') rejected += 1;
      else decoder.push(item.record, { line: item.line });
    },
    { progress: !values.json, signal: interruption?.signal },
  );
  decoder.flush();
  const stats = decoder.stats;
  const formats: DetectedFormat[] = Object.entries(stats.records).map(([format, records]) => ({
    format,
    versions: narrowVersions(stats.versions[format] ?? []),
    records,
    runs: stats.runsByFormat[format] ?? 0,
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ formats, unknown: stats.unknown, rejected })}\n`);
  } else {
    const rows = [['format', 'versions', 'records', 'runs'], ...formats.map((row) => [row.format, row.versions.join(', ') || '-', String(row.records), String(row.runs)])];
    if (stats.unknown > 0) rows.push(['(unrecognized)', '-', String(stats.unknown), '-']);
    if (rejected > 0) rows.push(['(unreadable)', '-', String(rejected), '-']);
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
  }
  return stats.unknown > 0 || rejected > 0 ? 1 : 0;
}
