import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, asJsonPatch, diffJson, residual, sameJson } from '../../src/internal.js';
import { propertyRuns, propertySeed } from '../support/arbitraries.js';

const record = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

describe('json patch', () => {
  it('applying diff(original, rebuilt) to rebuilt gives back the original', () => {
    fc.assert(
      fc.property(record, record, (original, rebuilt) => {
        const patch = diffJson(original, rebuilt);
        const serialized = asJsonPatch(JSON.parse(JSON.stringify(patch ?? {})));
        expect(sameJson(applyJsonPatch(structuredClone(rebuilt), serialized), original)).toBe(true);
      }),
      { numRuns: propertyRuns, seed: propertySeed },
    );
  });

  it('is empty for equal records and descends into nested differences', () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBeUndefined();
    expect(diffJson({ tool: { result: 'x', id: 'c' }, kept: null }, { tool: { id: 'c' }, extra: 1 })).toEqual({
      nested: { tool: { set: { result: 'x' } } },
      set: { kept: null },
      omit: ['extra'],
    });
  });

  it('keeps a __proto__ field as data, never as a prototype', () => {
    const original = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const patch = diffJson(original, { a: 1 });
    const rebuilt = applyJsonPatch({ a: 1 } as Record<string, unknown>, asJsonPatch(JSON.parse(JSON.stringify(patch))));
    expect(Object.getPrototypeOf(rebuilt)).toBe(Object.prototype);
    expect(JSON.stringify(rebuilt)).toBe('{"a":1,"__proto__":{"polluted":true}}');
    expect(JSON.stringify(residual(original, new Set(['a'])))).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
