import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, ConversionError, convert, createDecoder, listFormats, readAll } from '../../src/index.js';
import { propertyRuns, propertySeed } from '../support/arbitraries.js';
import type { FormatName } from '../../src/registry.js';

const testRoot = new URL('..', import.meta.url).pathname;
const formats = listFormats().map((format) => format.name as FormatName);

/** The recorded fixtures of every adapter: test/<folder>/fixtures/*.{jsonl,json,sse,txt}, not goldens. */
function fixtureRecords(): { file: string; records: unknown[] }[] {
  const out: { file: string; records: unknown[] }[] = [];
  for (const folder of readdirSync(testRoot)) {
    const fixtures = join(testRoot, folder, 'fixtures');
    if (!existsSync(fixtures)) continue;
    for (const file of readdirSync(fixtures, { recursive: true }) as string[]) {
      if (!/\.(jsonl|json|sse)$/.test(file) || file.includes('.canonical.')) continue;
      const records = readAll(readFileSync(join(fixtures, file), 'utf8'))
        .filter((item) => item.kind === 'record')
        .map((item) => (item as { record: unknown }).record);
      if (records.length > 0) out.push({ file: `${folder}/${file}`, records });
    }
  }
  return out;
}

/** Adds `__proto__`, `constructor` and `prototype` keys to every object of a value, as JSON.parse would. */
function poison(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(poison);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)}:${JSON.stringify(poison(inner))}`);
  entries.push('"__proto__":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}', '"prototype":{"polluted":"yes"}');
  return JSON.parse(`{${entries.join(',')}}`);
}

describe('every registered format', () => {
  for (const from of formats) {
    it(`${from}: decoding arbitrary JSON never throws in lenient mode and yields only valid canonical events`, () => {
      fc.assert(
        fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }), (records) => {
          const decoder = createDecoder({ from });
          const events = [...records.flatMap((record) => decoder.push(record)), ...decoder.flush()];
          for (const event of events) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
        }),
        { numRuns: propertyRuns, seed: propertySeed },
      );
    });

    it(`${from}: strict mode turns a record that is not one into a ConversionError naming its index and format`, () => {
      for (const record of [42, 'text', null, true]) {
        let thrown: unknown;
        try {
          convert([record], { from, to: 'canonical', strict: true });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ConversionError);
        expect((thrown as ConversionError).issue).toMatchObject({ code: 'invalid-input', format: from, index: 0 });
        expect((thrown as ConversionError).message).toMatch(new RegExp(`^record 0, ${from}: `));
        const lenient = convert([record], { from, to: 'canonical' });
        // The same format writes its raw record back verbatim; canonical can hold it as an event.
        expect(lenient.output.at(-1)).toEqual(from === 'canonical' ? record : { type: 'raw', runId: 'unknown', format: from, payload: record });
      }
    });
  }

  it('hostile __proto__, constructor and prototype keys in every fixture never reach a prototype, whatever the target', () => {
    const fixtures = fixtureRecords();
    expect(fixtures.length).toBeGreaterThan(5);
    for (const { records } of fixtures) {
      const poisoned = records.map(poison);
      for (const to of formats) {
        const { output } = convert(poisoned, { from: 'auto', to });
        JSON.stringify(output);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});
