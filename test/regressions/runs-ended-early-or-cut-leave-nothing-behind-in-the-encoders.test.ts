import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, createConverter, type FormatName } from '../../src/index.js';
import { heapPerRun } from '../support/heap.js';

// The encoders' forget(runId), called for the run the open-run bound ends, and their run ends let
// go of a run's tracks but kept some of what it left open: the agno encoders its tool inputs and
// intermediate text ids, the AI SDK encoders its open blocks, tool inputs and tool parts, the
// LangChain encoder its open blocks (and found them with a scan of every run's at each run end), the
// Runner encoder its text blocks (keyed by block id alone, so a block an error cut stayed for good).

/**
 * The canonical events of run `index`: a draft text agno streamed as intermediate content, a text,
 * a reasoning and a tool call's input in flight, and a call waiting for its result; then every
 * other run fails and the others go silent.
 */
function runEvents(index: number): CanonicalEvent[] {
  const envelope = { runId: `run-${index}`, sessionId: `session-${index}`, actor: { kind: 'agent' as const, name: 'A' }, time: 1_700_000_000_000 };
  const events: CanonicalEvent[] = [
    { type: 'run-start', ...envelope },
    { type: 'step-start', ...envelope },
    { type: 'text-start', ...envelope, id: `draft-${index}`, ext: { agno: { intermediate: true } } },
    { type: 'text-delta', ...envelope, id: `draft-${index}`, delta: `a draft ${index}` },
    { type: 'reasoning-start', ...envelope, id: `thought-${index}` },
    { type: 'reasoning-delta', ...envelope, id: `thought-${index}`, delta: `a thought ${index}` },
    { type: 'text-start', ...envelope, id: `text-${index}` },
    { type: 'text-delta', ...envelope, id: `text-${index}`, delta: `half an answer ${index}` },
    { type: 'tool-call', ...envelope, toolCallId: `asked-${index}`, toolName: 'lookup', input: { query: `question ${index}` } },
    { type: 'tool-input-start', ...envelope, toolCallId: `call-${index}`, toolName: 'lookup' },
    { type: 'tool-input-delta', ...envelope, toolCallId: `call-${index}`, delta: '{"query": ' },
  ];
  if (index % 2 === 1) events.push({ type: 'run-error', ...envelope, error: { message: 'the model failed' } });
  return events;
}

const targets: FormatName[] = ['agno', 'agno-legacy', 'runner', 'langchain', 'ai-sdk-ui', 'ai-sdk-stream', 'canonical'];

describe('runs ended early or cut leave nothing behind in the encoders', () => {
  it.each(targets)('canonical → %s holds the memory of the bound, not of every run that went silent or failed', (to) => {
    const converter = createConverter({ from: 'canonical', to, collectIssues: false, maxOpenRuns: 50 });
    // Past the 1 024 failed runs whose unanswered calls the agno encoders keep for a later result.
    const perRun = heapPerRun((index) => {
      for (const event of runEvents(index)) converter.push(event);
    }, 4_000, 10_000);
    // Before: 114 (langchain) to 1 630 (AI SDK) bytes per run.
    expect(perRun).toBeLessThan(40);
  }, 60_000);
});
