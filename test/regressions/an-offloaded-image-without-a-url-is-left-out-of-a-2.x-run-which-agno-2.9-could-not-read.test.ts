import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { Oracle, skipPython, skipReason } from '../interop/python.js';
import { readRecords } from '../interop/recorded.js';

/**
 * A 3.x media whose bytes were offloaded (`media_reference`) and whose reference has no URL holds
 * nothing inline. Written as 2.x it was `{id, mime_type}`, an `Image` agno 2.9 cannot build ("One of
 * 'url', 'filepath', or 'content' must be provided"): `RunOutput.from_dict` logged a warning and
 * left the image out of the run it read, so the 2.x record said more than 2.9 could hold.
 */
const [run] = readRecords(join(import.meta.dirname, '../agno/fixtures/migration/constructed-v3.1.10-losses.run-output.json')) as Record<string, unknown>[];

function asTwo() {
  return convert([run], { from: 'agno', to: 'agno', encode: { shape: 'aggregate', target: '2.x' } });
}

describe('an offloaded image written as agno 2.x', () => {
  it('keeps an image whose reference has a URL, as that URL, and leaves out one with nothing inline, reported as dropped', () => {
    const { output, issues } = asTwo();
    expect((output[0] as Record<string, unknown>).images).toEqual([{ id: 'img-1', mime_type: 'image/png', url: 'https://bucket.example/img-1.png' }]);
    expect(issues.filter((issue) => issue.path === 'media_reference').map(({ code, level, message }) => ({ code, level, message }))).toEqual([
      {
        code: 'approximated',
        level: 'info',
        message: 'agno 2.x media have no media_reference (offloaded storage); a reference with a URL is written as the media url',
      },
      {
        code: 'dropped',
        level: 'warning',
        message: 'agno 2.x media have no media_reference (offloaded storage); a media with nothing inline (no url, filepath or content) cannot be built by agno 2.x and is left out',
      },
    ]);
  });

  describe.skipIf(skipPython)(`read by agno 2.9.0${skipPython ? ` (${skipReason})` : ''}`, () => {
    let oracle: Oracle;
    beforeAll(async () => {
      oracle = await Oracle.start('agno-2.9.0');
    }, 60_000);
    afterAll(() => oracle?.close());

    it('is read back with every image it has', async () => {
      expect(await oracle.check('run', asTwo().output)).toEqual([{ id: expect.any(Number), ok: true }]);
    });
  });
});
