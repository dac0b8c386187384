import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { expectGolden, readJsonl, toJsonl } from '../support/golden.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const recordings = readdirSync(fixtures).filter((name) => name.endsWith('.jsonl') && !name.endsWith('.canonical.jsonl') && !name.endsWith('.issues.jsonl'));

describe('langchain fixtures', () => {
  for (const name of recordings) {
    it(`${name} decodes to its golden canonical events and issues`, () => {
      const records = readJsonl(join(fixtures, name));
      const { output, issues } = convert(records, { from: 'langchain', to: 'canonical', encode: { header: false } });
      expectGolden(join(fixtures, name.replace(/\.jsonl$/, '.canonical.jsonl')), toJsonl(output));
      expectGolden(join(fixtures, name.replace(/\.jsonl$/, '.issues.jsonl')), toJsonl(issues));
    });
  }

  for (const name of recordings.filter((each) => !each.includes('stream-events'))) {
    it(`${name} comes back unchanged from langchain to langchain`, () => {
      const records = readJsonl(join(fixtures, name));
      const { output } = convert(records, { from: 'langchain', to: 'langchain' });
      expect(output).toEqual(records);
    });
  }

  it('agent-tools.constructor.jsonl written as StoredMessage equals what mapChatMessagesToStoredMessages recorded', () => {
    const records = readJsonl(join(fixtures, 'agent-tools.constructor.jsonl'));
    const { output } = convert(records, { from: 'langchain', to: 'langchain', encode: { form: 'stored' } });
    expect(output).toEqual(readJsonl(join(fixtures, 'agent-tools.stored.jsonl')));
  });

  it('reasoning.stored.jsonl written as constructor JSON equals the recorded constructor JSON', () => {
    const records = readJsonl(join(fixtures, 'reasoning.stored.jsonl'));
    const { output } = convert(records, { from: 'langchain', to: 'langchain', encode: { form: 'constructor' } });
    expect(output).toEqual(readJsonl(join(fixtures, 'reasoning.constructor.jsonl')));
  });
});
