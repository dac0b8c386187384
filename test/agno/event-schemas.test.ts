import { describe, expect, it } from 'vitest';
import { allEventNames, detectAgno } from '../../adapters/agno/index.js';
import { workflowMappedEvents } from '../../adapters/agno/schema.js';
import { convert } from '../../src/index.js';

function minimalRecord(name: string): Record<string, unknown> {
  const identity = name.startsWith('Team') ? { team_id: 't1', team_name: 'Team' } : { agent_id: 'a1', agent_name: 'Agent' };
  return { created_at: 1700000000, event: name, ...identity, run_id: 'r1', session_id: 's1', nested_depth: 0 };
}

describe('agno 2.x and 3.x event strings', () => {
  it('lists every agent and team event string of 2.0 – 3.1 once (3.0 added two agent-only compaction events)', () => {
    expect(new Set(allEventNames).size).toBe(allEventNames.length);
    expect(allEventNames).toHaveLength(37 + 34 + 5);
    expect(allEventNames).not.toContain('TeamCompactionStarted');
  });

  it.each(allEventNames)('%s is recognized, detected as agno and written back unchanged', (name) => {
    const record = minimalRecord(name);
    const decoded = convert([record], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(decoded.issues.filter((issue) => issue.code === 'unknown-event')).toEqual([]);
    expect(detectAgno(record)?.confidence).toBeGreaterThan(0.5);
    expect(convert([record], { from: 'agno', to: 'agno' }).output).toEqual([record]);
  });

  it('an unknown event string becomes a raw event with an unknown-event issue and is written back unchanged', () => {
    const record = { ...minimalRecord('FutureEventType'), surprise: [1, 2] };
    const decoded = convert([record], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(decoded.output).toEqual([{ type: 'raw', runId: 'r1', format: 'agno', payload: record }]);
    expect(decoded.issues).toMatchObject([{ code: 'unknown-event', level: 'warning', eventType: 'FutureEventType', format: 'agno' }]);
    expect(convert([record], { from: 'agno', to: 'agno' }).output).toEqual([record]);
  });

  it('a workflow event without a canonical meaning is kept as a raw event with an info issue', () => {
    const record = { created_at: 1700000000, event: 'StepOutput', workflow_id: 'wf', run_id: 'w1', nested_depth: 0, step_name: 'draft' };
    const decoded = convert([record], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(decoded.output).toEqual([{ type: 'raw', runId: 'w1', format: 'agno', payload: record }]);
    expect(decoded.issues).toMatchObject([{ code: 'unknown-event', level: 'info', eventType: 'StepOutput' }]);
    expect(convert([record], { from: 'agno', to: 'agno' }).output).toEqual([record]);
  });

  it('reads AgentOS resume notices as transport, not run events: no event, an info issue, written back by agno', () => {
    const record = { event: 'catch_up', run_id: 'r1', status: 'running', missed_events: 2, current_event_count: 5, message: 'catching up' };
    const decoded = convert([record], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(decoded.output).toEqual([]);
    expect(decoded.issues).toMatchObject([{ code: 'dropped', level: 'info', eventType: 'catch_up', runId: 'r1' }]);
    expect(convert([record], { from: 'agno', to: 'agno' }).output).toEqual([record]);
  });

  it.each(Object.keys(workflowMappedEvents))('workflow event %s decodes for the workflow actor and is written back unchanged', (name) => {
    const record = { created_at: 1700000000, event: name, workflow_id: 'wf', workflow_name: 'Flow', session_id: 's1', run_id: 'w1', nested_depth: 0 };
    const decoded = convert([record], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(decoded.issues.filter((issue) => issue.code === 'unknown-event')).toEqual([]);
    expect(decoded.output).toContainEqual(expect.objectContaining({ actor: { kind: 'workflow', id: 'wf', name: 'Flow' } }));
    expect(convert([record], { from: 'agno', to: 'agno' }).output).toEqual([record]);
  });
});
