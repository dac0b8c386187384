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

  it('turns cumulative values into deltas once two values in a row extend the whole text, holding the first back', () => {
    expect(deltas(['Hel', 'Hello', 'Hello world', 'Hello world!'])).toEqual(['Hel', '', 'lo world', '!']);
  });

  it('releases a held value as a delta when the next one does not extend it, or when the text ends', () => {
    expect(deltas(['#', '## Title', '\n'])).toEqual(['#', '', '## Title\n']);
    const stream = createTextStream();
    expect([stream.push('1'), stream.push('10 items'), stream.release()]).toEqual(['1', '', '10 items']);
    expect(stream.text).toBe('110 items');
  });

  it('keeps a repeated short token as a delta instead of reading it as a restatement', () => {
    expect(deltas(['ha', 'ha', 'ha'])).toEqual(['ha', 'ha', 'ha']);
    expect(deltas(['\n', '\n'])).toEqual(['\n', '\n']);
  });

  it('reads a cumulative source that then repeats the whole text as adding nothing', () => {
    expect(deltas(['The', 'The Weather', 'The Weather Agent', 'The Weather Agent'])).toEqual(['The', '', ' Weather Agent', '']);
  });

  it('after a value that does not extend the text, reads every later value as a delta', () => {
    expect(deltas(['The Weather Agent ', 'says it is sunny.', 'The Weather Agent says it is sunny.'])).toEqual([
      'The Weather Agent ',
      'says it is sunny.',
      'The Weather Agent says it is sunny.',
    ]);
  });

  it('in delta mode never drops a value, in cumulative mode a restart begins a new text', () => {
    expect(deltas(['ab', 'ab'], 'delta')).toEqual(['ab', 'ab']);
    expect(deltas(['ab', 'abc', 'x'], 'cumulative')).toEqual(['ab', 'c', 'x']);
  });
});
