import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { agentOSContinueRequest, agentOSResumeRequest, agnoFormat, agnoToolsWithAnswers, resolutionsFromAgnoTools } from '../../adapters/agno/index.js';
import { resolutionsFromUIMessages, toUIMessageChunkStream } from '../../adapters/ai-sdk/index.js';
import type { Resolution } from '../../src/model/snapshot.js';
import { convert, readAll } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { type AgentOs, postForm, startAgentOs } from './agentos.js';
import { skipPython, skipReason } from './python.js';

let agentOs: AgentOs;

type AgnoRecord = Record<string, unknown> & { event?: string };

/** Posts to an AgentOS route and reads the SSE body into records. */
async function stream(url: string, fields: Record<string, string> | URLSearchParams): Promise<{ status: number; records: AgnoRecord[] }> {
  const { status, body } = await postForm(url, fields);
  const records = readAll(body, 'sse').flatMap((item) => (item.kind === 'record' ? [item.record as AgnoRecord] : []));
  return { status, records };
}

/** Starts a run of one of the scripted HITL agents and returns what its paused stream said. */
async function pausedRun(kind: string) {
  const { status, records } = await stream(`${agentOs.url}/agents/${kind}-agent/runs`, { message: 'Please go ahead.', stream: 'true', session_id: `session-${kind}` });
  expect(status).toBe(200);
  const paused = records.find((record) => record.event === 'RunPaused');
  expect(paused, `the ${kind} agent pauses`).toBeDefined();
  return { records, paused: paused as AgnoRecord & { run_id: string; session_id: string; tools: Record<string, unknown>[] } };
}

/** Continues a paused run with answers through AgentOS, as a useChat server route would. */
async function continueWith(kind: string, paused: { run_id: string; session_id: string; tools: Record<string, unknown>[] }, resolutions: Resolution[]) {
  const tools = agnoToolsWithAnswers(paused.tools, resolutions);
  const request = agentOSContinueRequest({ baseUrl: agentOs.url, agentId: `${kind}-agent`, runId: paused.run_id, sessionId: paused.session_id, tools });
  return stream(request.url, request.init.body);
}

function completedResult(records: AgnoRecord[]): unknown {
  const completed = records.find((record) => record.event === 'ToolCallCompleted') as { tool?: { result?: unknown } } | undefined;
  return completed?.tool?.result;
}

// agno 2.9 and 3.1 serve the same continue route and form fields; the same app runs on both.
for (const environment of ['agno-3.1.10', 'agno-2.9.0']) {
  describe.skipIf(skipPython)(`answers continue a paused agno run through AgentOS (${environment})${skipPython ? ` (${skipReason})` : ''}`, () => {
    beforeAll(async () => {
      agentOs = await startAgentOs(environment);
    }, 150_000);

    afterAll(async () => {
      await agentOs?.stop();
    });

    it('an approval given in useChat (addToolApprovalResponse) continues the run: the tool runs and the run completes', async () => {
      const { records, paused } = await pausedRun('confirmation');
      const { message } = await readChunks(convert(records, { from: 'agno', to: 'ai-sdk-ui' }).output);
      const part = message?.parts.find((each) => 'toolCallId' in each && each.toolCallId === 'call_delete') as Record<string, unknown> | undefined;
      expect(part?.state).toBe('approval-requested');
      // What useChat posts after the user approved: the same message, the part answered.
      const answered = { ...message, parts: message?.parts.map((each) => (each === part ? { ...part, state: 'approval-responded', approval: { ...(part?.approval as object), approved: true } } : each)) };
      const resolutions = resolutionsFromUIMessages([{ id: 'u1', role: 'user', parts: [] }, answered]);
      expect(resolutions).toMatchObject([{ toolCallId: 'call_delete', approved: true }]);

      const continued = await continueWith('confirmation', paused, resolutions);
      expect(continued.status).toBe(200);
      expect(continued.records.map((record) => record.event)).toContain('RunContinued');
      expect(completedResult(continued.records)).toBe('Deleted /tmp/report.txt');
      expect(continued.records.at(-1)?.event).toBe('RunCompleted');
    }, 60_000);

    it('a denial with a reason continues the run without running the tool, and useChat shows the call denied', async () => {
      const { records, paused } = await pausedRun('confirmation');
      const answers: Resolution[] = [{ toolCallId: 'call_delete', approved: false, reason: 'keep the report' }];
      const continued = await continueWith('confirmation', paused, answers);
      expect(continued.status).toBe(200);
      expect(completedResult(continued.records)).not.toBe('Deleted /tmp/report.txt');
      expect(continued.records.at(-1)?.event).toBe('RunCompleted');

      // The message useChat posted with the denial, continued by what the server helper makes of agno's stream.
      const { message } = await readChunks(convert(records, { from: 'agno', to: 'ai-sdk-ui' }).output);
      const asked = message?.parts.find((each) => 'toolCallId' in each && each.toolCallId === 'call_delete') as Record<string, unknown> | undefined;
      const answered = { ...message, parts: message?.parts.map((each) => (each === asked ? { ...asked, state: 'approval-responded', approval: { ...(asked?.approval as object), approved: false, reason: 'keep the report' } } : each)) } as UIMessage;
      const chunks: unknown[] = [];
      for await (const chunk of toUIMessageChunkStream(continued.records, { from: agnoFormat, answers })) chunks.push(chunk);
      const shown = await readChunks(chunks, answered);
      expect(shown.error).toBeUndefined();
      const parts = shown.message?.parts.filter((each) => 'toolCallId' in each && each.toolCallId === 'call_delete');
      expect(parts).toMatchObject([{ state: 'output-denied', approval: { approved: false, reason: 'keep the report' } }]);
    }, 60_000);

    it('user input given as a tool output fills the schema and reaches the tool', async () => {
      const { paused } = await pausedRun('user-input');
      const pending = paused.tools.map((tool) => String(tool.tool_call_id));
      const message = { id: 'a1', role: 'assistant', parts: [{ type: 'tool-send_email', toolCallId: pending[0], state: 'output-available', input: {}, output: { recipient: 'ada@example.com' } }] };
      const resolutions = resolutionsFromUIMessages([message], { pending });
      const continued = await continueWith('user-input', paused, resolutions);
      expect(continued.status).toBe(200);
      expect(completedResult(continued.records)).toBe("Sent 'Weekly report' to ada@example.com");
      expect(continued.records.at(-1)?.event).toBe('RunCompleted');
    }, 60_000);

    it('user feedback selections resolve ask_user: the run completes without pausing again', async () => {
      const { paused } = await pausedRun('user-feedback');
      const tools = agnoToolsWithAnswers(paused.tools, [{ toolCallId: 'call_ask', answers: { 'Which format do you want?': ['PDF'] } }]);
      expect(resolutionsFromAgnoTools(tools)).toEqual([{ toolCallId: 'call_ask', answers: { 'Which format do you want?': ['PDF'] } }]);
      const continued = await continueWith('user-feedback', paused, [{ toolCallId: 'call_ask', answers: { 'Which format do you want?': ['PDF'] } }]);
      expect(continued.status).toBe(200);
      // agno answers ask_user without a ToolCallCompleted; an unresolved question would pause the run again.
      expect(continued.records.map((record) => record.event)).not.toContain('RunPaused');
      expect(continued.records.at(-1)?.event).toBe('RunCompleted');
    }, 60_000);

    it("an external tool's output supplied by the client becomes the tool result", async () => {
      const { paused } = await pausedRun('external-execution');
      const continued = await continueWith('external-execution', paused, [{ toolCallId: 'call_shell', output: 'report.txt notes.md' }]);
      expect(continued.status).toBe(200);
      expect(continued.records.at(-1)?.event).toBe('RunCompleted');
      const text = continued.records.filter((record) => record.event === 'RunContent').map((record) => record.content).join('');
      expect(text).toBe('Done as you said.');
    }, 60_000);

    it('an approval continued in the background streams the continued run with event indices (2.9 numbers no inline continuation), and /resume replays it', async () => {
      const { paused } = await pausedRun('confirmation');
      const tools = agnoToolsWithAnswers(paused.tools, [{ toolCallId: 'call_delete', approved: true }]);
      const request = agentOSContinueRequest({ baseUrl: agentOs.url, agentId: 'confirmation-agent', runId: paused.run_id, sessionId: paused.session_id, tools, background: true });
      const continued = await stream(request.url, request.init.body);
      expect(continued.status).toBe(200);
      expect(completedResult(continued.records)).toBe('Deleted /tmp/report.txt');
      const events = continued.records.filter((record) => typeof record.event === 'string' && record.run_id === paused.run_id && 'event_index' in record);
      expect(events.map((record) => record.event)).toContain('RunContinued');
      const resume = agentOSResumeRequest({ baseUrl: agentOs.url, agentId: 'confirmation-agent', runId: paused.run_id, sessionId: paused.session_id });
      const replayed = await stream(resume.url, resume.init.body);
      expect(replayed.records.map((record) => record.event)).toContain('RunContinued');
    });

    it('an answer naming no paused tool is refused, not dropped', async () => {
      const { paused } = await pausedRun('confirmation');
      expect(() => agnoToolsWithAnswers(paused.tools, [{ toolCallId: 'call_other', approved: true }])).toThrow(/call_other/);
    }, 60_000);
  });
}
