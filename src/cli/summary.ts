import type { ConversionStats } from '../pipeline/converter.js';
import type { Issue } from '../model/issue.js';
import { describeIssue } from '../model/issue.js';

/**
 * The end-of-run summary: records per format, runs, records written, issues by code. Every input
 * record is counted once: converted (per format), unrecognized, or unreadable.
 * @param unreadable records whose text was not JSON (or not a record of its framing).
 */
export function formatSummary(stats: ConversionStats, unreadable: number, target?: string): string {
  const formats = Object.entries(stats.records)
    .map(([format, count]) => `${format} ${count}`)
    .join(', ');
  const read = Object.values(stats.records).reduce((sum, count) => sum + count, 0) + stats.unknown + unreadable;
  const rejected = stats.unknown + unreadable;
  const reasons = [stats.unknown > 0 ? `${stats.unknown} unrecognized` : '', unreadable > 0 ? `${unreadable} unreadable` : ''].filter((reason) => reason !== '');
  const lines = [
    `read ${read} records${formats === '' ? '' : ` (${formats})`}${rejected > 0 ? `; rejected ${rejected} (${reasons.join(', ')})` : ''}`,
    `${stats.runs} runs, ${stats.events} canonical events` +
      (target === undefined ? '' : `; wrote ${stats.written} ${target} records`),
  ];
  const issues = Object.entries(stats.issues)
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  lines.push(`issues: ${issues === '' ? 'none' : issues}`);
  return `${lines.join('\n')}\n`;
}

/** Prints issues on stderr up to a limit, then says how many more there were. */
export function createIssuePrinter(limit: number, hint: string): { print(issue: Issue): void; finish(): void } {
  let count = 0;
  return {
    print(issue) {
      count += 1;
      if (count <= limit) process.stderr.write(`${issue.level}: ${describeIssue(issue)}\n`);
    },
    finish() {
      if (count > limit) process.stderr.write(`… ${count - limit} more issues (${hint})\n`);
    },
  };
}
