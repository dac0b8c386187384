import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { agnoFormat } from '../../adapters/agno/index.js';
import { toLangChainMessages } from '../../adapters/langchain/index.js';
import { convert, type CanonicalEvent } from '../../src/index.js';

const fixture = (name: string): unknown[] => {
  const text = readFileSync(join(import.meta.dirname, '../agno/fixtures', name), 'utf8');
  return name.endsWith('.json') ? [JSON.parse(text)] : text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
};

/** Each message as `type name: text [tool calls]`, what a reader of the history sees. */
const lines = (messages: BaseMessage[]): string[] =>
  messages.map((message) => {
    const calls = 'tool_calls' in message && Array.isArray(message.tool_calls) ? message.tool_calls.map((call) => call.name).join(',') : '';
    return `${message.getType()} ${message.name ?? ''}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}${calls === '' ? '' : ` [${calls}]`}`;
  });

describe('agno runs as LangChain history', () => {
  it('a stored team run starts with the user input as one HumanMessage, members answer before the team', () => {
    expect(lines(toLangChainMessages(fixture('constructed-v2.9.0-team-run-output.json'), { from: agnoFormat }))).toEqual([
      'human : Describe Paris',
      'human : Describe Paris',
      'ai Writer: Paris is lovely',
      'ai My Team: Team says Paris is lovely',
    ]);
  });

  it("a team stream keeps the leader's delegation, then each member in order, then the team's final answer", () => {
    expect(lines(toLangChainMessages(fixture('constructed-v2.9.0-team-two-members.jsonl'), { from: agnoFormat }))).toEqual([
      'ai My Team:  [delegate_task_to_member]',
      'tool delegate_task_to_member: Paris has 2M people',
      'ai My Team:  [delegate_task_to_member]',
      'tool delegate_task_to_member: Paris is big',
      'ai Researcher: Paris has 2M people',
      'ai Writer: Paris is big',
      'ai My Team: Paris is big.',
    ]);
  });

  it("members: 'omit' leaves the members out and keeps the team's own turns", () => {
    expect(lines(toLangChainMessages(fixture('constructed-v2.9.0-team-run-output.json'), { from: agnoFormat, members: 'omit' }))).toEqual([
      'human : Describe Paris',
      'ai My Team: Team says Paris is lovely',
    ]);
    const stream = lines(toLangChainMessages(fixture('constructed-v2.9.0-team-two-members.jsonl'), { from: agnoFormat, members: 'omit' }));
    expect(stream.filter((line) => line.includes('Researcher') || line.includes('Writer'))).toEqual([]);
    expect(stream.at(-1)).toBe('ai My Team: Paris is big.');
  });

  it('a canonical run-start input becomes the HumanMessage that opens the history', () => {
    const events: CanonicalEvent[] = [
      { type: 'run-start', runId: 'r1', input: 'What is the weather in Paris?' },
      { type: 'text-start', runId: 'r1', id: 't1' },
      { type: 'text-delta', runId: 'r1', id: 't1', delta: 'Sunny.' },
      { type: 'text-end', runId: 'r1', id: 't1' },
      { type: 'run-end', runId: 'r1' },
    ];
    expect(lines(toLangChainMessages(events))).toEqual(['human : What is the weather in Paris?', 'ai : Sunny.']);
  });

  it('the members option is checked like every encoder option', () => {
    expect(() => convert([], { to: 'langchain', encode: { members: 'fold' } as never })).toThrowError('encode option members of langchain must be inline | omit; got "fold"');
  });
});
