import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { aiSdkUiFormat, toUIMessageStreamResponse } from '../../adapters/ai-sdk/index.js';
import { canonicalFormat } from '../../adapters/canonical/index.js';
import { agnoLegacyFormat } from '../../adapters/agno-legacy/index.js';
import { ConversionError, convert, createDecoder, defineFormat, listFormats } from '../../src/index.js';
import * as core from '../../src/pipeline/converter.js';
import { convert as convertGiven } from '../../src/pipeline/convert.js';
import { readJsonl } from '../support/golden.js';

const agnoTeam = readJsonl(join(import.meta.dirname, '../agno/fixtures/v2.9.0-team-one-member.jsonl'));

describe('the converter core is given its formats', () => {
  it('converts with format objects alone, as the root entry does with their names', () => {
    const given = convertGiven(agnoTeam, { from: agnoFormat, to: aiSdkUiFormat });
    const named = convert(agnoTeam, { from: 'agno', to: 'ai-sdk-ui' });
    expect(given.output.length).toBeGreaterThan(10);
    expect(given.output).toEqual(named.output);
    expect(given.issues).toEqual(named.issues);
  });

  it('the root entry takes format objects too', () => {
    expect(convert(agnoTeam, { from: agnoFormat, to: 'ai-sdk-ui' }).output).toEqual(convert(agnoTeam, { from: 'agno', to: 'ai-sdk-ui' }).output);
  });

  it('refuses a name outside the root entry when no formats were given, saying how to give one', () => {
    expect(() => core.createConverter({ from: 'agno', to: aiSdkUiFormat })).toThrowError(
      /^unknown --from format "agno"; known formats: auto; pass the format object itself \(such as agnoFormat from 'agent-event-bridge\/agno'\) or formats: listFormats\(\) from 'agent-event-bridge'$/,
    );
    expect(() => core.createConverter({ to: aiSdkUiFormat })).toThrowError(
      /^from: 'auto' detects among the formats given, and none were: pass the format object itself \(such as agnoFormat from 'agent-event-bridge\/agno'\) or formats: listFormats\(\) from 'agent-event-bridge'$/,
    );
  });

  it('the useChat helpers take the format, refuse a bare name at the call, and resolve names among formats given', async () => {
    // @ts-expect-error the types ask for formats with a name; JavaScript callers get the error at the call.
    expect(() => toUIMessageStreamResponse(agnoTeam, { from: 'agno' })).toThrowError(ConversionError);
    const byFormat = await toUIMessageStreamResponse(agnoTeam, { from: agnoFormat }).text();
    expect(byFormat).toContain('"type":"text-delta"');
    expect(await toUIMessageStreamResponse(agnoTeam, { from: 'agno', formats: [agnoFormat] }).text()).toBe(byFormat);
    expect(await toUIMessageStreamResponse(agnoTeam, { formats: listFormats() }).text()).toBe(byFormat);
  });

  it('detects among the formats given only', () => {
    const { stats, issues } = convertGiven(agnoTeam, { to: canonicalFormat, formats: [agnoLegacyFormat, canonicalFormat] });
    // agno 2.x records are not agno 1.x ones: with agno left out, nothing claims them.
    expect(stats.unknown).toBe(agnoTeam.length);
    expect(issues[0]).toMatchObject({ code: 'unknown-event', message: 'no format given recognizes this record; it was kept aside verbatim' });
    expect(convertGiven(agnoTeam, { to: canonicalFormat, formats: [agnoFormat] }).stats.records).toEqual({ agno: agnoTeam.length });
  });

  it('detects among formats written as plain objects in the root entry, and asks for a defined one outside it', () => {
    // A spread copies a format's fields, not what `auto` detects with: it is a plain object.
    const plain = { ...agnoFormat };
    const byName = convert(agnoTeam, { to: 'canonical' });
    expect(convert(agnoTeam, { to: canonicalFormat, formats: [plain] }).output).toEqual(byName.output);
    expect(createDecoder({ formats: [plain] }).push(agnoTeam[0]).length).toBeGreaterThan(0);
    expect(() => convertGiven(agnoTeam, { to: canonicalFormat, formats: [plain] })).toThrowError(
      "from: 'auto' needs a format made with defineFormat or composeFormat among the formats given (a copy such as {...agnoFormat} is not one): make yours with defineFormat, or use the root entry's functions",
    );
    expect(convertGiven(agnoTeam, { to: canonicalFormat, formats: [plain, agnoLegacyFormat] }).output).toEqual(byName.output);
    expect(convertGiven(agnoTeam, { to: canonicalFormat, formats: [defineFormat({ ...agnoFormat })] }).output).toEqual(byName.output);
  });

  it('a converter reading with a reader bundles no detection; one reading with the whole format does', async () => {
    const bundle = async (from: string): Promise<string> => {
      const result = await build({
        stdin: {
          contents: `import { createConverter } from './src/pipeline/converter.ts';
import { agnoFormat } from './adapters/agno/index.ts';
import { aiSdkUiWriter } from './adapters/ai-sdk/format.ts';
export const converter = createConverter({ from: ${from}, to: aiSdkUiWriter });`,
          loader: 'ts',
          resolveDir: join(import.meta.dirname, '../..'),
        },
        bundle: true,
        platform: 'neutral',
        external: ['ai', '@langchain/core', '@langchain/core/*'],
        write: false,
        logLevel: 'error',
      });
      return result.outputFiles[0]?.text ?? '';
    };
    const detection = ['no format given recognizes this record', 'shares its id with an open', 'function rankFormats'];
    const withReader = await bundle('agnoReader');
    const withFormat = await bundle('agnoFormat');
    for (const text of detection) {
      expect(withReader).not.toContain(text);
      expect(withFormat).toContain(text);
    }
  });
});
