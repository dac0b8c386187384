import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import { ConversionError } from '../../src/model/issue.js';
import type { CanonicalEvent } from '../../src/model/event.js';
import '../../src/registry.js';
import { readFixture } from '../agno/read-fixture.js';

const stream = readFixture('v2.9.0-agent-tools.jsonl') as Record<string, unknown>[];
/** A RunContent whose run_id is a number: without the check its text went to the run before it. */
const wrong = { ...(stream.find((record) => record.event === 'RunContent') as Record<string, unknown>), run_id: 42, content: 'not yours' };

describe('agno records with wrong field types', () => {
  it('raise invalid-input (error) naming the path and are kept as raw', () => {
    const { output, issues } = convert([...stream.slice(0, 3), wrong], { from: 'agno', to: 'canonical', encode: { header: false } });
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'invalid-input',
        level: 'error',
        path: 'run_id',
        message: 'agno RunContent record with a wrong field type at run_id (expected string); kept as raw, given to no run',
      }),
    );
    expect((output as CanonicalEvent[]).at(-1)).toMatchObject({ type: 'raw', format: 'agno', payload: wrong });
  });

  it('never give their text to another run', () => {
    const { output } = convert([...stream.slice(0, 3), wrong], { from: 'agno', to: 'canonical', encode: { header: false } });
    const deltas = (output as CanonicalEvent[]).filter((event) => event.type === 'text-delta').map((event) => (event as { delta: string }).delta);
    expect(deltas).not.toContain('not yours');
  });

  it('stop a strict conversion', () => {
    expect(() => convert([...stream.slice(0, 3), wrong], { from: 'agno', to: 'canonical', strict: true })).toThrow(ConversionError);
  });

  it('leave every recorded stream as it was (no false alarm)', () => {
    const { issues } = convert(stream, { from: 'agno', to: 'agno' });
    expect(issues.filter((issue) => issue.code === 'invalid-input')).toEqual([]);
  });
});
