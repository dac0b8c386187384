import { describe, expect, it } from 'vitest';
import { createTextStream } from '../../src/internal.js';

function deltas(values: string[], mode?: 'auto' | 'delta' | 'cumulative'): string[] {
  const stream = createTextStream(mode);
  return values.map((value) => stream.push(value));
}

describe('createTextStream', () => {
  it('passes deltas through', () => {
    expect(deltas(['Hel', 'lo', ' world'])).toEqual(['Hel', 'lo', ' world']);
  });

  it('turns cumulative values into deltas', () => {
    expect(deltas(['Hel', 'Hello', 'Hello world'])).toEqual(['Hel', 'lo', ' world']);
  });

  it('keeps a repeated short token as a delta instead of reading it as a restatement', () => {
    expect(deltas(['ha', 'ha', 'ha'])).toEqual(['ha', 'ha', 'ha']);
    expect(deltas(['\n', '\n'])).toEqual(['\n', '\n']);
  });

  it('reads a long exact restatement of the whole text (agno leader restatement) as adding nothing', () => {
    const text = 'The Weather Agent says it is sunny.';
    expect(deltas(['The Weather Agent ', 'says it is sunny.', text])).toEqual(['The Weather Agent ', 'says it is sunny.', '']);
  });

  it('in delta mode never drops a value, in cumulative mode a restart begins a new text', () => {
    expect(deltas(['ab', 'ab'], 'delta')).toEqual(['ab', 'ab']);
    expect(deltas(['ab', 'abc', 'x'], 'cumulative')).toEqual(['ab', 'c', 'x']);
  });
});
