import { describe, expect, it } from 'vitest';
import { convert, createDecoder, type FormatName, listFormats } from '../../src/index.js';
import { recordings } from './recorded.js';

// The recordings are committed, so these checks need no Python; `npm run fixtures:record` renews them.
const recorded = recordings();

/**
 * Checks that fail on a recording because of a bug not fixed yet, by test name, with the bug. Each is
 * an `it.fails`: it starts failing (and must leave this list) the day the bug is fixed.
 */
const knownBugs: Record<string, string> = {};

/** `it`, or `it.fails` for a check a known bug breaks. */
function check(name: string, body: () => void): void {
  if (knownBugs[name] === undefined) it(name, body);
  else it.fails(`${name} (known bug: ${knownBugs[name]})`, body);
}

function detectedFormats(records: unknown[]): { formats: Record<string, number>; unknown: number } {
  const decoder = createDecoder({ from: 'auto', collectIssues: false });
  for (const record of records) decoder.push(record);
  decoder.flush();
  return { formats: decoder.stats.records, unknown: decoder.stats.unknown };
}

describe('recordings of the real Python libraries', () => {
  it('exist for every Python format and library version', () => {
    expect(new Set(recorded.map(({ format, version }) => `${format}/${version}`))).toEqual(
      new Set(['agno/2.9.0', 'agno/3.1.10', 'agno-legacy/1.8.4', 'langchain/python-langchain-core-1.8.3', 'runner/orxhestra-0.0.2']),
    );
  });

  for (const { name, format, records } of recorded) {
    check(`${name}: every record is detected as ${format}`, () => {
      const { formats, unknown } = detectedFormats(records);
      expect(unknown).toBe(0);
      expect(Object.keys(formats)).toEqual([format]);
    });
  }

  for (const { name, format, version, aggregate, records } of recorded) {
    check(`${name}: ${format} to ${format} gives back the very records`, () => {
      // agno writes 3.x by default: a 2.x recording comes back as it was with target 2.x.
      const target = format === 'agno' && version.startsWith('2.') ? { target: '2.x' } : {};
      const { output } = convert(records, { from: format, to: format, encode: { ...(aggregate ? { shape: 'aggregate' } : {}), ...target } });
      expect(output).toEqual(records);
    });
  }

  for (const { name, format, records } of recorded) {
    check(`${name}: converts to every format without an error-level issue`, () => {
      for (const target of listFormats()) {
        const { issues } = convert(records, { from: format, to: target.name as FormatName });
        expect({ target: target.name, errors: issues.filter((issue) => issue.level === 'error') }).toEqual({ target: target.name, errors: [] });
      }
    });
  }
});
