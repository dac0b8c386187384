import { load } from '@langchain/core/load';
import type { AIMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { resetStepDiscardsAToolCall } from '../upstream/ai-sdk-ui-reset-step.js';

// A call discarded by reset-step came back through LangChain in tool_calls with string args, which
// a LangChain agent would execute.

describe('a tool call that never completed is no LangChain tool call', () => {
  it('the half-streamed call of a step discarded by reset-step is an invalid tool call for @langchain/core', async () => {
    const written = convert(resetStepDiscardsAToolCall, { from: 'ai-sdk-ui', to: 'langchain' });
    const messages = (await Promise.all(written.output.map((record) => load(JSON.stringify(record))))) as AIMessage[];
    expect(messages.flatMap((message) => message.tool_calls ?? [])).toEqual([]);
    expect(messages.flatMap((message) => message.invalid_tool_calls ?? []).map(({ id, name, args }) => ({ id, name, args }))).toEqual([
      { id: 'call-1', name: 'deleteFile', args: '{"path":"/tmp/a' },
    ]);
    expect(written.issues.filter((issue) => issue.level === 'warning').map((issue) => issue.code)).toContain('approximated');
  });
});
