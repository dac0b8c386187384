import { describe, expect, it } from 'vitest';
import { convert, type CanonicalEvent } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

// A Runner turn ends only when the next turn of its session starts, or at the end of the input,
// so the decoder kept the last turn of every session of a log until the end: +9 MB of heap per
// 10 MB of a log of many sessions. It now keeps 1024 sessions with an open turn and ends the
// turn of the one least recently opened past that, as the end of the input would.

const template = readJsonl(new URL('../runner/fixtures/constructed-4.1-session-two-turns.jsonl', import.meta.url).pathname);

/** The two-turn session of the fixture, `count` times, each copy a session (and turns) of its own. */
function sessions(count: number): unknown[] {
  const records: unknown[] = [];
  for (let copy = 0; copy < count; copy += 1) {
    for (const record of template) {
      const text = JSON.stringify(record).replace(/"(session-1|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g, `"$1~${copy}"`);
      records.push(JSON.parse(text));
    }
  }
  return records;
}

/** The events of `count` sessions, and what the bound reported. */
function converted(count: number) {
  const { output, issues } = convert(sessions(count), { from: 'runner', to: 'canonical', encode: { header: false } });
  return { events: output as CanonicalEvent[], issues: issues.filter((issue) => issue.code === 'approximated' && issue.message.includes('sessions had a turn open')) };
}

/** Where the first session's last turn ends, and where the last session's first turn starts. */
function places(events: CanonicalEvent[], count: number) {
  const lastTurn = events.filter((event) => event.type === 'run-start' && event.sessionId === 'session-1~0').at(-1)?.runId;
  return {
    firstSessionEnds: events.findIndex((event) => event.type === 'run-end' && event.runId === lastTurn),
    lastSessionStarts: events.findIndex((event) => event.type === 'run-start' && event.sessionId === `session-1~${count - 1}`),
  };
}

describe('a Runner log of many sessions', () => {
  it('with up to 1024 sessions ends every last turn at the end of the input, as before', () => {
    const { events, issues } = converted(1024);
    const { firstSessionEnds, lastSessionStarts } = places(events, 1024);
    expect(lastSessionStarts).toBeGreaterThan(0);
    expect(firstSessionEnds).toBeGreaterThan(lastSessionStarts);
    expect(issues).toEqual([]);
  });

  it('with more ends the turn of the session least recently opened where a new one opens, reported once', () => {
    const { events, issues } = converted(1100);
    const { firstSessionEnds, lastSessionStarts } = places(events, 1100);
    expect(firstSessionEnds).toBeGreaterThan(0);
    expect(firstSessionEnds).toBeLessThan(lastSessionStarts);
    expect(issues).toHaveLength(1);
  });

  it('gives every turn the same events either way: only their place moves', () => {
    const { events } = converted(1100);
    /** A run's events as JSON, its copy's suffix and the minted ids made alike. */
    const byRun = new Map<string, string[]>();
    for (const event of events) {
      const copy = /~(\d+)$/.exec(event.runId)?.[1] ?? '';
      const key = event.runId.replace(`~${copy}`, '');
      const text = JSON.stringify(event).replaceAll(`~${copy}"`, '"').replace(/minted-text-\d+/g, 'minted-text');
      const runs = byRun.get(key) ?? [];
      byRun.set(key, runs);
      runs.push(text);
    }
    expect(byRun.size).toBe(2);
    const eventsPerTurn = [...byRun.values()].map((texts) => texts.length / 1100);
    expect(eventsPerTurn).toEqual([7, 5]);
    for (const texts of byRun.values()) expect(new Set(texts).size).toBe(texts.length / 1100);
  });
});
