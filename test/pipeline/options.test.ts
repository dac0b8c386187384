import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { type AnyFormat, ConversionError, convert, createDecoder, defineFormat, type FormatName, getFormat, type TargetOf } from '../../src/index.js';
import { checkOptions } from '../../src/pipeline/options.js';
import { runCli } from '../support/cli.js';

const agnoStream = join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl');
const records = readFileSync(agnoStream, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);

function thrown(run: () => unknown): ConversionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConversionError);
    return error as ConversionError;
  }
  throw new Error('expected a ConversionError');
}

describe('adapter options', () => {
  it('format names, options and targets are typed per format', () => {
    expectTypeOf<TargetOf<'ai-sdk-ui'>>().toEqualTypeOf<'v5' | 'v6' | 'v7'>();
    expectTypeOf<TargetOf<'agno'>>().toEqualTypeOf<'3.x' | '2.x'>();
    expectTypeOf<'agno'>().toExtend<FormatName>();
    const typed = (): void => {
      // @ts-expect-error a misspelt shape does not compile
      convert(records, { from: 'agno', to: 'agno', encode: { shape: 'aggregat' } });
      // @ts-expect-error agno writes 3.x and 2.x only
      convert(records, { to: 'agno', encode: { target: 'v5' } });
      // @ts-expect-error ai-sdk-ui writes v5, v6 and v7 only
      convert(records, { to: 'ai-sdk-ui', encode: { target: 'v8' } });
      // @ts-expect-error a misspelt format name does not compile
      convert(records, { to: 'ai-sdk' });
      // @ts-expect-error the agno decoder has content, not contents
      convert(records, { from: 'agno', to: 'canonical', decode: { contents: 'delta' } });
      convert(records, { from: 'agno', to: 'ai-sdk-ui', decode: { content: 'delta' }, encode: { target: 'v5' } });
    };
    expect(typeof typed).toBe('function');
  });

  it('an unknown encode option is refused with the options the format has', () => {
    const error = thrown(() => convert(records, { to: 'agno', encode: { era: 'A' } as never }));
    expect(error.message).toBe('agno has no encode option "era"; its encode options: shape=auto | events | aggregate, target=3.x | 2.x');
  });

  it('a bad encode value is refused with the values the option accepts', () => {
    const error = thrown(() => convert(records, { to: 'agno', encode: { shape: 'aggregat' } as never }));
    expect(error.message).toBe('encode option shape of agno must be auto | events | aggregate; got "aggregat"');
    expect(thrown(() => convert(records, { to: 'ai-sdk-ui', encode: { target: 'v8' } as never })).message).toBe(
      'encode option target of ai-sdk-ui must be v5 | v6 | v7; got "v8"',
    );
    expect(thrown(() => convert(records, { to: 'agno', encode: { target: 'v5' } as never })).message).toBe(
      'encode option target of agno must be 3.x | 2.x; got "v5"',
    );
  });

  it('a format without options refuses any', () => {
    expect(thrown(() => convert(records, { to: 'runner', encode: { shape: 'events' } as never })).message).toBe(
      'runner has no encode option "shape"; its encode options: none',
    );
  });

  it('with from auto, a decode option goes to the formats that have it, and one no format has is refused', () => {
    const decoder = createDecoder({ decode: { content: 'delta' } });
    expect(decoder.push(records[0]).length).toBeGreaterThan(0);
    const error = thrown(() => createDecoder({ decode: { contnet: 'delta' } as never }));
    expect(error.message).toMatch(/^no format has a decode option "contnet"; decode options per format: .*agno: content=auto \| delta \| cumulative/);
    expect(thrown(() => createDecoder({ decode: { content: 'deltas' } as never })).message).toMatch(/decode option content of agno must be auto \| delta \| cumulative/);
  });
});

describe('option schemas without zod, and a format of your own with zod/mini options', () => {
  it('an integer option refuses fractions, numbers below its minimum and text, naming its range', () => {
    for (const value of [1.5, -2, '3', Number.NaN]) {
      expect(thrown(() => createDecoder({ from: 'agno', decode: { lastEventIndex: value as number } })).message).toBe(
        `decode option lastEventIndex of agno must be an integer from -1; got ${JSON.stringify(value)}`,
      );
    }
    expect(convert(records, { from: 'agno', to: 'agno', decode: { lastEventIndex: -1 } }).output).toEqual(convert(records, { from: 'agno', to: 'agno' }).output);
  });

  it('a handlers option refuses a key the decoder does not dispatch on, a value that is no function and a key given as undefined', () => {
    expect(thrown(() => createDecoder({ from: 'agno', decode: { handlers: { content: 'no function' as never } } })).message).toMatch(
      /^decode option handlers of agno must be an object of functions keyed by agno event role: run-start, content, .*; got \{"content":"no function"\}$/,
    );
    // LangChain's handlers option is the same as the other decoders': undefined is no function.
    expect(thrown(() => createDecoder({ from: 'langchain', decode: { handlers: { ai: undefined } } })).message).toMatch(
      /^decode option handlers of langchain must be an object of functions keyed by LangChain record type: human, ai, .*; got \{"ai":"\[undefined\]"\}$/,
    );
    expect(thrown(() => createDecoder({ from: 'langchain', decode: { handlers: { robot: () => undefined } as never } })).message).toMatch(
      /^decode option handlers of langchain must be an object of functions keyed by LangChain record type: human, ai, system, tool, generic, function, remove, AIMessageChunk, streamEvent; got \{"robot":"\[function\]"\}$/,
    );
  });

  it('a format of your own checks a zod/mini strictObject of options: enum and boolean values named, defaults applied', () => {
    const agno = getFormat('agno') as AnyFormat;
    const own = defineFormat<{ mode?: 'fast' | 'slow'; verbose?: boolean }, Record<string, never>>({
      ...agno,
      name: 'own',
      options: {
        decode: z.strictObject({ mode: z._default(z.optional(z.enum(['fast', 'slow'])), 'fast'), verbose: z.optional(z.boolean()) }),
        encode: z.strictObject({}),
      },
    });
    expect(thrown(() => createDecoder({ from: own, decode: { mode: 'quick' as never } })).message).toBe('decode option mode of own must be fast | slow; got "quick"');
    expect(thrown(() => createDecoder({ from: own, decode: { verbose: 'yes' as never } })).message).toBe('decode option verbose of own must be true | false; got "yes"');
    expect(thrown(() => createDecoder({ from: own, decode: { speed: 1 } as never })).message).toBe('own has no decode option "speed"; its decode options: mode=fast | slow, verbose=true | false');
    expect(checkOptions(own.options?.decode, { verbose: true }, 'own', 'decode')).toEqual({ mode: 'fast', verbose: true });
  });
});

describe('the CLI refuses bad adapter options as a usage error', () => {
  it('--encode shape=aggregat exits 2 and lists the accepted values, writing nothing', () => {
    const result = runCli(['convert', agnoStream, '--to', 'agno', '--encode', 'shape=aggregat']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('encode option shape of agno must be auto | events | aggregate; got "aggregat"');
  });

  it('--target for a format that has no target exits 2 and names the options it has', () => {
    const result = runCli(['convert', agnoStream, '--to', 'runner', '--target', 'v5']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('runner has no encode option "target"; its encode options: none');
  });

  it('--encode target=2.x writes agno 2.x and a misspelt agno target exits 2', () => {
    const written = runCli(['convert', agnoStream, '--to', 'agno', '--encode', 'target=2.x', '--quiet']);
    expect(written.status).toBe(0);
    expect(written.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(records);
    const wrong = runCli(['convert', agnoStream, '--to', 'agno', '--encode', 'target=3']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('encode option target of agno must be 3.x | 2.x; got "3"');
  });

  it('an unknown --decode key exits 2; a boolean option is read from true / false', () => {
    const unknown = runCli(['convert', agnoStream, '--from', 'agno', '--to', 'canonical', '--decode', 'speed=fast']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('agno has no decode option "speed"; its decode options: content=auto | delta | cumulative');
    const headerless = runCli(['convert', agnoStream, '--from', 'agno', '--to', 'canonical', '--encode', 'header=false', '--quiet']);
    expect(headerless.status).toBe(0);
    expect(headerless.stdout.split('\n')[0]).toMatch(/^\{"type":"run-start"/);
  });
});
