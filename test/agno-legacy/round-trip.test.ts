import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Issue, convert } from '../../src/index.js';
import { expectGolden, toJsonl } from '../support/golden.js';
import { fixtures, readFixture } from './read-fixture.js';

const names = readdirSync(fixtures).filter((name) => /\.jsonl?$/.test(name) && !name.includes('.canonical.'));

/** The adapter's issues: none, but the one note of content read as cumulative where a fixture restates itself. */
function adapterIssues(name: string, issues: readonly Issue[]): Issue[] {
  const own = issues.filter((issue) => issue.format === 'agno-legacy');
  if (!name.includes('cumulative')) return own;
  expect(own.filter((issue) => issue.code === 'approximated' && issue.level === 'info' && issue.message.includes('read as cumulative'))).toHaveLength(1);
  return own.filter((issue) => issue.code !== 'approximated');
}

describe('agno-legacy own round trip', () => {
  it.each(names)('%s decodes to its golden canonical form', (name) => {
    const { output: records, issues } = convert(readFixture(name), { from: 'agno-legacy', to: 'canonical', encode: { header: false } });
    expectGolden(join(fixtures, name.replace(/\.jsonl?$/, '.canonical.jsonl')), toJsonl(records));
    // Stored runs that say RUNNING stay running; the pipeline notes that, the adapter raises nothing.
    expect(adapterIssues(name, issues)).toEqual([]);
  });

  it.each(names)('%s encodes back to the very records it was decoded from', (name) => {
    const input = readFixture(name);
    const { output: records, issues } = convert(input, { from: 'agno-legacy', to: 'agno-legacy' });
    expect(records).toEqual(input);
    expect(adapterIssues(name, issues)).toEqual([]);
  });
});
