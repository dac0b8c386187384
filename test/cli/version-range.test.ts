import { describe, expect, it } from 'vitest';
import { narrowVersions } from '../../src/cli/version-range.js';

describe('narrowVersions', () => {
  it('intersects the per-record ranges of one format', () => {
    expect(narrowVersions(['>=2.0.0 <2.5.17', '>=2.0.0 <2.5.4', '>=2.5.0 <2.5.17'])).toEqual(['>=2.5.0 <2.5.4']);
    expect(narrowVersions(['>=2.5.17', '>=2.5.4'])).toEqual(['>=2.5.17']);
  });

  it('lists versions that are not ranges, or ranges that exclude each other, as they are', () => {
    expect(narrowVersions(['1.6 – 1.8', '1.0 – 1.5'])).toEqual(['1.0 – 1.5', '1.6 – 1.8']);
    expect(narrowVersions(['<2.1', '>=2.5'])).toEqual(['<2.1', '>=2.5']);
  });
});
