import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CanonicalEvent,
  canonicalEventSchema,
  type EventType,
  eventSchemas,
  eventTypes,
  issueSchema,
  messageSchema,
  runSchema,
  usageSchema,
} from '../../src/index.js';

/** One valid example of every canonical event type. */
export const exampleEvents: Record<EventType, CanonicalEvent> = {
  'run-start': { type: 'run-start', runId: 'r', model: 'm', provider: 'p', input: 'hi', time: 1 },
  'run-end': { type: 'run-end', runId: 'r', output: 'done', usage: { inputTokens: 1 }, finishReason: 'stop' },
  'run-error': { type: 'run-error', runId: 'r', error: { message: 'boom', type: 'ValueError' } },
  'run-cancel': { type: 'run-cancel', runId: 'r', reason: 'user' },
  'run-pause': { type: 'run-pause', runId: 'r', requirements: [{ id: 'q', kind: 'confirmation', toolCallId: 'c' }] },
  'run-resume': { type: 'run-resume', runId: 'r' },
  'step-start': { type: 'step-start', runId: 'r', messageId: 'msg' },
  'step-end': { type: 'step-end', runId: 'r', usage: { outputTokens: 2 } },
  'text-start': { type: 'text-start', runId: 'r', id: 't' },
  'text-delta': { type: 'text-delta', runId: 'r', id: 't', delta: 'a' },
  'text-end': { type: 'text-end', runId: 'r', id: 't', citations: [{ url: 'https://example.com' }] },
  'reasoning-start': { type: 'reasoning-start', runId: 'r', id: 'x' },
  'reasoning-delta': { type: 'reasoning-delta', runId: 'r', id: 'x', delta: 'b' },
  'reasoning-end': { type: 'reasoning-end', runId: 'r', id: 'x', signature: 's' },
  'reasoning-step': { type: 'reasoning-step', runId: 'r', title: 'plan', confidence: 0.5 },
  'tool-input-start': { type: 'tool-input-start', runId: 'r', toolCallId: 'c', toolName: 'f' },
  'tool-input-delta': { type: 'tool-input-delta', runId: 'r', toolCallId: 'c', delta: '{' },
  'tool-call': { type: 'tool-call', runId: 'r', toolCallId: 'c', toolName: 'f', input: { a: 1 } },
  'tool-result': { type: 'tool-result', runId: 'r', toolCallId: 'c', toolName: 'f', output: 42 },
  'tool-error': { type: 'tool-error', runId: 'r', toolCallId: 'c', error: 'bad' },
  message: { type: 'message', runId: 'r', message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } },
  'activity-start': { type: 'activity-start', runId: 'r', name: 'memory-update' },
  'activity-end': { type: 'activity-end', runId: 'r', name: 'memory-update', data: { count: 1 } },
  file: { type: 'file', runId: 'r', mediaType: 'image/png', url: 'https://example.com/a.png' },
  source: { type: 'source', runId: 'r', url: 'https://example.com' },
  state: { type: 'state', runId: 'r', delta: { a: 1 } },
  handoff: { type: 'handoff', runId: 'r', to: 'billing' },
  data: { type: 'data', runId: 'r', name: 'weather', data: { c: 20 } },
  raw: { type: 'raw', runId: 'r', format: 'agno', payload: { event: 'Future' } },
};

describe('canonical schemas', () => {
  it('accept one example of every event type, with the full envelope', () => {
    for (const type of eventTypes) {
      const event = { ...exampleEvents[type], parentRunId: 'p', sessionId: 's', actor: { kind: 'agent', name: 'A' }, ext: { agno: { x: 1 } } };
      expect(canonicalEventSchema.safeParse(event).success, type).toBe(true);
      expect(eventSchemas[type].safeParse(event).success, type).toBe(true);
    }
  });

  it('reject an event without a run id, with an unknown type, or with a field of the wrong type', () => {
    expect(canonicalEventSchema.safeParse({ type: 'text-delta', id: 't', delta: 'a' }).success).toBe(false);
    expect(canonicalEventSchema.safeParse({ type: 'text-explode', runId: 'r' }).success).toBe(false);
    expect(canonicalEventSchema.safeParse({ type: 'text-delta', runId: 'r', id: 't', delta: 3 }).success).toBe(false);
    expect(canonicalEventSchema.safeParse({ type: 'run-pause', runId: 'r', requirements: [{ id: 'q', kind: 'vote' }] }).success).toBe(false);
    expect(canonicalEventSchema.safeParse({ type: 'run-start', runId: 'r', actor: { kind: 'robot' } }).success).toBe(false);
  });

  it('the discriminated union covers exactly the event types of the schema map', () => {
    expectTypeOf<CanonicalEvent['type']>().toEqualTypeOf<EventType>();
    expect(canonicalEventSchema._zod.def.options.map((option) => option.shape.type._zod.def.values[0]).sort()).toEqual([...eventTypes].sort());
  });

  it('validate snapshots, usage and issues', () => {
    expect(
      runSchema.safeParse({
        runId: 'r',
        status: 'completed',
        messages: [{ role: 'assistant', parts: [{ type: 'tool-call', toolCallId: 'c', toolName: 'f', input: {} }] }],
        members: [{ runId: 'm', parentRunId: 'r', status: 'error', error: { message: 'x' }, messages: [], members: [] }],
      }).success,
    ).toBe(true);
    expect(runSchema.safeParse({ runId: 'r', status: 'done', messages: [], members: [] }).success).toBe(false);
    expect(messageSchema.safeParse({ role: 'robot', parts: [] }).success).toBe(false);
    expect(usageSchema.safeParse({ inputTokens: '3' }).success).toBe(false);
    expect(issueSchema.safeParse({ code: 'dropped', level: 'warning', message: 'm' }).success).toBe(true);
    expect(issueSchema.safeParse({ code: 'lost', level: 'warning', message: 'm' }).success).toBe(false);
  });
});
