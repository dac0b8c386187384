import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';

// Token deltas that begin with everything said so far ("#" then "## Title") were read as a
// restatement of the text and cut down to their tail: the client saw "## Title".
const deltaStreams: string[][] = [
  ['#', '## Title'],
  ['1', '10 items'],
  ['a', 'ab', 'c'],
  ['#', '## Title', '\n\nBody'],
];

type Shape = 'agno agent' | 'agno team leader' | 'agno 1.8 agent' | 'agno 1.5 agent';

function stream(shape: Shape, contents: string[]): Record<string, unknown>[] {
  const whole = contents.join('');
  switch (shape) {
    case 'agno agent': {
      const envelope = { agent_id: 'writer', agent_name: 'Writer', run_id: 'run-1', session_id: 'sess-1', nested_depth: 0 };
      return [
        { created_at: 1700000000, event: 'RunStarted', ...envelope, model: 'fake-model', model_provider: 'Fake' },
        ...contents.map((content) => ({ created_at: 1700000000, event: 'RunContent', ...envelope, content, workflow_agent: false, content_type: 'str', reasoning_content: '' })),
        { created_at: 1700000000, event: 'RunCompleted', ...envelope, content: whole, content_type: 'str' },
      ];
    }
    case 'agno team leader': {
      const envelope = { team_id: 'team', team_name: 'Team', run_id: 'run-1', session_id: 'sess-1', nested_depth: 0 };
      return [
        { created_at: 1700000000, event: 'TeamRunStarted', ...envelope, model: 'fake-model', model_provider: 'Fake' },
        ...contents.map((content) => ({ created_at: 1700000000, event: 'TeamRunContent', ...envelope, content, content_type: 'str', reasoning_content: '' })),
        { created_at: 1700000000, event: 'TeamRunCompleted', ...envelope, content: whole, content_type: 'str' },
      ];
    }
    case 'agno 1.8 agent': {
      const envelope = { agent_id: 'writer', agent_name: 'Writer', run_id: 'run-1', session_id: 'sess-1' };
      return [
        { created_at: 1700000000, event: 'RunStarted', ...envelope, model: 'fake-model', model_provider: 'Fake' },
        ...contents.map((content) => ({ created_at: 1700000000, event: 'RunResponseContent', ...envelope, content, content_type: 'str', thinking: '' })),
        { created_at: 1700000000, event: 'RunCompleted', ...envelope, content: whole, content_type: 'str' },
      ];
    }
    case 'agno 1.5 agent': {
      const envelope = { run_id: 'run-1', agent_id: 'writer', session_id: 'sess-1', created_at: 1700000000 };
      return [
        { content: 'Run started', content_type: 'str', event: 'RunStarted', ...envelope },
        ...contents.map((content) => ({ content, content_type: 'str', event: 'RunResponse', ...envelope })),
        { content: whole, content_type: 'str', event: 'RunCompleted', model: 'fake-model', ...envelope },
      ];
    }
  }
}

const shapes: [Shape, 'agno' | 'agno-legacy'][] = [
  ['agno agent', 'agno'],
  ['agno team leader', 'agno'],
  ['agno 1.8 agent', 'agno-legacy'],
  ['agno 1.5 agent', 'agno-legacy'],
];

async function clientText(records: Record<string, unknown>[], from: 'agno' | 'agno-legacy'): Promise<string> {
  const { output } = convert(records, { from, to: 'ai-sdk-ui' });
  const { message, error } = await readChunks(output);
  expect(error).toBeUndefined();
  return (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

describe('agno content that starts with the text so far', () => {
  for (const [shape, from] of shapes) {
    it.each(deltaStreams.map((contents) => [JSON.stringify(contents), contents] as const))(`reaches the client whole from an ${shape} (%s)`, async (_, contents) => {
      expect(await clientText(stream(shape, contents), from)).toBe(contents.join(''));
    });

    it(`from an ${shape} is not dropped when the input ends before the run does`, async () => {
      const records = stream(shape, ['#', '## Title']).slice(0, -1);
      expect(await clientText(records, from)).toBe('### Title');
    });

    it(`from an ${shape} still writes back the very records it was read from`, () => {
      for (const contents of deltaStreams) {
        const records = stream(shape, contents);
        expect(convert(records, { from, to: from }).output).toEqual(records);
        const cut = records.slice(0, -1);
        expect(convert(cut, { from, to: from }).output).toEqual(cut);
      }
    });
  }

  it('from an agno agent is always read as deltas, however consistently it seems to restate', async () => {
    const contents = ['Paris', 'Paris is', 'Paris is big'];
    const { issues } = convert(stream('agno agent', contents), { from: 'agno', to: 'ai-sdk-ui' });
    expect(await clientText(stream('agno agent', contents), 'agno')).toBe(contents.join(''));
    expect(issues.filter((issue) => issue.message.includes('restate'))).toEqual([]);
  });

  for (const [shape, from] of shapes.filter(([shape]) => shape !== 'agno agent')) {
    it(`from an ${shape} that restates the whole text in every value is read as cumulative, and said once`, async () => {
      const contents = ['Paris', 'Paris is', 'Paris is big', 'Paris is big.'];
      const records = stream(shape, contents);
      records[records.length - 1]!.content = 'Paris is big.';
      expect(await clientText(records, from)).toBe('Paris is big.');
      const { issues } = convert(records, { from, to: 'ai-sdk-ui' });
      const restated = issues.filter((issue) => issue.message.includes('restate'));
      expect(restated).toHaveLength(1);
      expect(restated[0]).toMatchObject({ level: 'info', runId: 'run-1' });
      expect(convert(records, { from, to: from }).output).toEqual(records);
    });
  }

  it('does not treat a delta without the text so far as restating', async () => {
    for (const [shape, from] of shapes) {
      const { issues } = convert(stream(shape, ['a', 'ab', 'c']), { from, to: 'ai-sdk-ui' });
      expect(issues.filter((issue) => issue.message.includes('restate'))).toEqual([]);
    }
  });
});
