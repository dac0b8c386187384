import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, convert, explode } from '../../src/index.js';
import { propertyRuns, propertySeed, runsArbitrary } from '../support/arbitraries.js';

const uiTypes = ['start', 'start-step', 'finish-step', 'text-start', 'text-delta', 'text-end', 'reasoning-start', 'reasoning-delta', 'reasoning-end', 'tool-input-start', 'tool-input-delta', 'tool-input-available', 'tool-input-error', 'tool-output-available', 'tool-output-error', 'tool-output-denied', 'tool-approval-request', 'tool-approval-response', 'source-url', 'source-document', 'file', 'reasoning-file', 'custom', 'steering-message', 'message-metadata', 'reset-step', 'abort', 'error', 'finish', 'data-x', 'data-agent-event-bridge'];
const streamTypes = ['start', 'start-step', 'finish-step', 'text-start', 'text-delta', 'text-end', 'reasoning', 'tool-input-start', 'tool-input-delta', 'tool-input-end', 'tool-call', 'tool-result', 'tool-error', 'tool-output-denied', 'tool-approval-request', 'tool-approval-response', 'source', 'file', 'custom', 'steering-message', 'abort', 'error', 'finish', 'ping', 'raw', 'step-finish', 'tool-call-delta'];
const field = fc.constantFrom('id', 'delta', 'text', 'textDelta', 'toolCallId', 'toolName', 'input', 'output', 'data', 'providerMetadata', 'messageMetadata', 'approvalId', 'toolCall', 'usage', 'totalUsage', 'rawValue', 'file', 'citations', 'error', 'errorText', 'finishReason');
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ 'agent-event-bridge': { next: { runId: 'x', unset: ['id'] } } }), fc.constant({ 'agent-event-bridge': { event: { type: 'text-delta', runId: 1 } } }));

function records(types: string[]) {
  const shaped = fc.record({ type: fc.constantFrom(...types), fields: fc.dictionary(field, value, { maxKeys: 5 }) }).map(({ type, fields }) => ({ ...fields, type }));
  return fc.array(fc.oneof(shaped, fc.jsonValue({ maxDepth: 3 })), { maxLength: 12 });
}

describe('AI SDK decoders', () => {
  for (const [format, types] of [['ai-sdk-ui', uiTypes], ['ai-sdk-stream', streamTypes]] as const) {
    it(`${format} never throws on arbitrary JSON, and what it writes back it reads again`, () => {
      fc.assert(
        fc.property(records([...types]), (input) => {
          const decoded = convert(input, { from: format, to: 'canonical', encode: { header: false } });
          for (const event of decoded.output) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
          const written = convert(decoded.output, { from: 'canonical', to: format });
          convert(written.output, { from: format, to: 'canonical' });
        }),
        { numRuns: propertyRuns, seed: propertySeed },
      );
    });
  }
});

describe('AI SDK encoders', () => {
  for (const [format, encode] of [
    ['ai-sdk-ui', { target: 'v7' }],
    ['ai-sdk-ui', { target: 'v5' }],
    ['ai-sdk-stream', {}],
  ] as const) {
    it(`canonical streams of random runs come back event for event from ${format} ${JSON.stringify(encode)} with relay`, () => {
      fc.assert(
        fc.property(runsArbitrary, (runs) => {
          const events = explode(runs);
          const written = convert(events, { from: 'canonical', to: format, encode, relay: true });
          const back = convert(written.output, { from: format, to: 'canonical', encode: { header: false }, relay: true }).output;
          expect(back).toEqual(events);
        }),
        { numRuns: propertyRuns, seed: propertySeed },
      );
    });
  }
});
