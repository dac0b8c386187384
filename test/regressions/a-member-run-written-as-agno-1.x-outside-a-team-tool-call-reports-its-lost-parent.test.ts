import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert } from '../../src/index.js';
import { sequentialLastChildRaises } from '../upstream/runner-sequential-last-child-raises.js';

// agno 1.x events name no parent run: a reader nests a run under the team whose tool call is in
// flight when the run is first seen (agno-legacy README, envelope row). A member of a run that is
// no team, or that starts outside its team's tool call (a langchain_adk SequentialAgent's
// children), reads back as a top-level run of its own: that loss of lineage must be reported.

const teamRecording = readFileSync(join(import.meta.dirname, '../../examples/agno-usechat/recordings/team.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as unknown);

function parentsOf(events: readonly CanonicalEvent[]): Record<string, string | undefined> {
  return Object.fromEntries(events.filter((event) => event.type === 'run-start').map((event) => [event.runId, event.parentRunId]));
}

describe('a member run written as agno 1.x outside a team tool call reports its lost parent', () => {
  it('the children of a Runner SequentialAgent read back without their parent, and the conversion says so for each', () => {
    const source = parentsOf(convert(sequentialLastChildRaises, { from: 'runner', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    const written = convert(sequentialLastChildRaises, { from: 'runner', to: 'agno-legacy' });
    const back = parentsOf(convert(written.output, { from: 'agno-legacy', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    const lostParents = Object.keys(source).filter((runId) => source[runId] !== undefined && back[runId] !== source[runId]);
    expect(lostParents).toEqual(['minted-run-1/drafter', 'minted-run-1/reviewer']);
    const reported = written.issues.filter((issue) => issue.level === 'warning' && issue.eventType === 'run-start' && issue.path === 'parentRunId').map((issue) => issue.runId);
    expect(reported).toEqual(lostParents);
  });

  it('an agno team whose members run inside its tool calls keeps them nested in agno 1.x, with no such report', () => {
    const source = parentsOf(convert(teamRecording, { from: 'agno', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    const written = convert(teamRecording, { from: 'agno', to: 'agno-legacy' });
    const back = parentsOf(convert(written.output, { from: 'agno-legacy', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[]);
    expect(Object.values(source).some((parent) => parent !== undefined)).toBe(true);
    expect(back).toEqual(source);
    expect(written.issues.filter((issue) => issue.path === 'parentRunId')).toEqual([]);
  });
});
