import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, verify } from '../../src/index.js';

const start: CanonicalEvent = { type: 'run-start', runId: 'r' };
const end: CanonicalEvent = { type: 'run-end', runId: 'r' };

function messages(events: CanonicalEvent[]): string[] {
  return verify(events).map((issue) => `${issue.level} #${issue.index}: ${issue.message}`);
}

describe('verify', () => {
  it('accepts a well-formed run with text, a tool call and its result', () => {
    expect(
      verify([
        start,
        { type: 'text-start', runId: 'r', id: 't' },
        { type: 'text-delta', runId: 'r', id: 't', delta: 'a' },
        { type: 'text-end', runId: 'r', id: 't' },
        { type: 'tool-input-start', runId: 'r', toolCallId: 'c', toolName: 'f' },
        { type: 'tool-input-delta', runId: 'r', toolCallId: 'c', delta: '{}' },
        { type: 'tool-call', runId: 'r', toolCallId: 'c', toolName: 'f', input: {} },
        { type: 'tool-result', runId: 'r', toolCallId: 'c', output: 1 },
        end,
      ]),
    ).toEqual([]);
  });

  it('names the event index and id of a delta before its start', () => {
    expect(messages([start, { type: 'text-delta', runId: 'r', id: 't1', delta: 'a' }, end])).toEqual([
      'error #1: event 1 (text-delta) for "t1" is a delta before its start; emit text-start first',
    ]);
  });

  it('reports a second end and content after the run ended', () => {
    expect(messages([start, end, end, { type: 'text-start', runId: 'r', id: 't' }])).toEqual([
      'error #2: event 2 (run-end) is a second end after run "r" ended with run-end; drop it or start a new run',
      'error #3: event 3 (text-start) is content after run "r" ended with run-end; drop it or start a new run',
    ]);
  });

  it('reports a tool result for a call it never saw', () => {
    expect(messages([start, { type: 'tool-error', runId: 'r', toolCallId: 'ghost', error: 'x' }, end])).toEqual([
      'error #1: event 1 (tool-error) for unknown tool call "ghost"; emit its tool-call first',
    ]);
  });

  it('reports unbalanced pause and resume, and a reasoning block left open at the end', () => {
    expect(
      messages([
        start,
        { type: 'run-resume', runId: 'r' },
        { type: 'run-pause', runId: 'r', requirements: [] },
        { type: 'run-pause', runId: 'r', requirements: [] },
        { type: 'reasoning-start', runId: 'r', id: 'x' },
        end,
      ]),
    ).toEqual([
      'error #1: event 1: run "r" resumed without a pause',
      'error #3: event 3: run "r" paused twice without a resume',
      'warning #5: event 5: reasoning "x" of run "r" was never ended',
    ]);
  });

  it('warns about events before run-start and a run that never ends', () => {
    expect(messages([{ type: 'text-start', runId: 'q', id: 't' }])).toEqual([
      'warning #0: event 0 (text-start) of run "q" comes before its run-start',
      'info #0: run "q" has no end: it is still running at the end of the stream',
    ]);
  });
});
