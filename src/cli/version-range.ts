/** A range `>=low <high` over dotted numeric versions; either bound may be open. */
interface Range {
  low?: number[];
  high?: number[];
}

const rangePattern = /^(?:>=\s*([\d.]+))?\s*(?:<\s*([\d.]+))?$/;

function parseVersion(text: string): number[] {
  return text.split('.').map(Number);
}

function compare(left: number[], right: number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Narrows the per-record version ranges of one format to the range they all allow
 * (`>=2.0.0 <2.5.4` and `>=2.5.0 <2.5.17` give `>=2.5.0 <2.5.4`). Versions that are not such
 * ranges, or ranges that exclude each other (a log mixing versions), are listed as they are.
 */
export function narrowVersions(versions: readonly string[]): string[] {
  let range: Range = {};
  for (const version of versions) {
    const match = rangePattern.exec(version.trim());
    if (match === null || (match[1] === undefined && match[2] === undefined)) return [...versions].sort();
    if (match[1] !== undefined) {
      const low = parseVersion(match[1]);
      if (range.low === undefined || compare(low, range.low) > 0) range = { ...range, low };
    }
    if (match[2] !== undefined) {
      const high = parseVersion(match[2]);
      if (range.high === undefined || compare(high, range.high) < 0) range = { ...range, high };
    }
  }
  if (range.low !== undefined && range.high !== undefined && compare(range.low, range.high) >= 0) return [...versions].sort();
  const bounds = [range.low && `>=${range.low.join('.')}`, range.high && `<${range.high.join('.')}`].filter(Boolean);
  return bounds.length === 0 ? [] : [bounds.join(' ')];
}
