import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readRecords } from '../interop/recorded.js';
import { Oracle, skipPython, skipReason } from '../interop/python.js';

// agno 1.x teams have no pause event: a team's pause is written as the agent RunPaused, which
// team_run_response_event_from_dict resolves to RunResponsePausedEvent. That class takes no
// team_id: agno 1.8.4 raised TypeError on the team_id we wrote.
const teamPause = readRecords(join(import.meta.dirname, '../agno/fixtures/constructed-v2.9.0-team-member-pause.jsonl'));

function teamPaused(records: unknown[]): Record<string, unknown> | undefined {
  return (records as Record<string, unknown>[]).find((record) => record.run_id === 'run-1' && String(record.event).endsWith('RunPaused'));
}

describe("a team's pause written as agno 1.x", () => {
  it("is the agent RunPaused with the team's id and name in agent_id and agent_name, reported", () => {
    const { output, issues } = convert(teamPause, { from: 'agno', to: 'agno-legacy' });
    const paused = teamPaused(output);
    expect(paused).toMatchObject({ event: 'RunPaused', agent_id: 'my-team', agent_name: 'My Team', run_id: 'run-1' });
    expect(paused).not.toHaveProperty('team_id');
    expect(issues).toMatchObject([{ code: 'approximated', eventType: 'run-pause', runId: 'run-1', format: 'agno-legacy' }]);
  });

  it("comes back from agno 1.x as the team's pause", () => {
    const legacy = convert(teamPause, { from: 'agno', to: 'agno-legacy' }).output;
    const back = convert(legacy, { from: 'agno-legacy', to: 'agno' }).output;
    expect(teamPaused(back)).toMatchObject({ event: 'TeamRunPaused', team_id: 'my-team', team_name: 'My Team' });
  });
});

describe.skipIf(skipPython)(`a team's pause written as agno 1.x, read by agno 1.8.4${skipPython ? ` (${skipReason})` : ''}`, () => {
  let oracle: Oracle;
  beforeAll(async () => {
    oracle = await Oracle.start('agno-1.8.4');
  }, 60_000);
  afterAll(() => oracle.close());

  it('is read with every field it was written with', async () => {
    const paused = teamPaused(convert(teamPause, { from: 'agno', to: 'agno-legacy' }).output);
    expect(await oracle.check('event', [paused])).toEqual([{ id: expect.any(Number), ok: true }]);
  });
});
