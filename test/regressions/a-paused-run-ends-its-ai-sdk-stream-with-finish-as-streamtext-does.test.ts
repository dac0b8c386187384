import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AbstractChat,
  type ChatState,
  type ChatStatus,
  type ChatTransport,
  type UIMessage,
  type UIMessageChunk,
  jsonSchema,
  lastAssistantMessageIsCompleteWithApprovalResponses,
  readUIMessageStream,
  streamText,
  tool,
} from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, convert } from '../../src/index.js';

// streamText stops for a tool approval by ending its step and its stream: the approval request,
// then `finish-step`, then `finish` with the model's finish reason (`tool-calls`;
// packages/ai/src/generate-text/stream-text.ts, the step's flush when client tool calls wait).
// useChat reads that `finish` (onFinish gets its reason) and, once the user answered, sends the
// answer on when `lastAssistantMessageIsCompleteWithApprovalResponses` says so.

const pauseRecording = readFileSync(join(import.meta.dirname, '../../examples/agno-usechat/recordings/pause.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as unknown);

/** The UI message stream of a real streamText run whose model calls a tool that needs approval. */
async function streamTextApprovalChunks(): Promise<UIMessageChunk[]> {
  const model = new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'delete_file', input: '{"path":"/data/report.txt"}' },
        {
          type: 'finish',
          finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
          usage: { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: undefined } },
        },
      ]),
    }),
  });
  const result = streamText({
    model,
    prompt: 'Delete the old report',
    tools: { delete_file: tool({ inputSchema: jsonSchema({ type: 'object' }), needsApproval: true, execute: async () => 'deleted' }) },
  });
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of result.toUIMessageStream()) chunks.push(chunk);
  return chunks;
}

/** A chat state held in memory: what useChat keeps in React state. */
class MemoryState implements ChatState<UIMessage> {
  status: ChatStatus = 'ready';
  error: Error | undefined = undefined;
  messages: UIMessage[] = [];
  pushMessage = (message: UIMessage) => {
    this.messages = [...this.messages, message];
  };
  popMessage = () => {
    this.messages = this.messages.slice(0, -1);
  };
  replaceMessage = (index: number, message: UIMessage) => {
    this.messages = this.messages.map((each, at) => (at === index ? message : each));
  };
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

/** useChat's logic without React: AbstractChat over a transport that answers with the given chunks. */
class MemoryChat extends AbstractChat<UIMessage> {
  constructor(transport: ChatTransport<UIMessage>, onFinish: (finishReason: string | undefined) => void) {
    super({
      id: 'chat',
      transport,
      state: new MemoryState(),
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onFinish: ({ finishReason }) => onFinish(finishReason),
    });
  }
}

/** What useChat makes of a paused turn, and whether approving it sends the answer on by itself. */
async function chatThroughApproval(chunks: readonly unknown[]): Promise<{ finishReasons: (string | undefined)[]; paused: UIMessage | undefined; sentOn: UIMessage[] | undefined }> {
  const finishReasons: (string | undefined)[] = [];
  let sentOn: UIMessage[] | undefined;
  let requests = 0;
  const transport: ChatTransport<UIMessage> = {
    async sendMessages({ messages }) {
      requests += 1;
      if (requests === 1) return convertArrayToReadableStream(chunks as UIMessageChunk[]);
      sentOn ??= structuredClone(messages);
      // The continuation a server answers with: the call's output, then a closing text.
      return convertArrayToReadableStream<UIMessageChunk>([
        { type: 'start' },
        { type: 'tool-output-available', toolCallId: 'call_1', output: 'deleted' },
        { type: 'start-step' },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'Deleted.' },
        { type: 'text-end', id: 't1' },
        { type: 'finish-step' },
        { type: 'finish', finishReason: 'stop' },
      ]);
    },
    async reconnectToStream() {
      return null;
    },
  };
  const chat = new MemoryChat(transport, (reason) => finishReasons.push(reason));
  await chat.sendMessage({ text: 'Delete the old report' });
  const paused = structuredClone(chat.lastMessage);
  const part = paused?.parts.find((each) => each.type.startsWith('tool-') || each.type === 'dynamic-tool') as { approval?: { id: string } } | undefined;
  if (part?.approval !== undefined) await chat.addToolApprovalResponse({ id: part.approval.id, approved: true });
  // The automatic request is started without being awaited: let it run.
  for (let turn = 0; turn < 20 && sentOn === undefined; turn += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  return { finishReasons: finishReasons.slice(0, 1), paused, sentOn };
}

/** The last message readUIMessageStream builds, with the tool part's state. */
async function readMessage(chunks: readonly unknown[]): Promise<UIMessage | undefined> {
  let message: UIMessage | undefined;
  const stream = convertArrayToReadableStream(chunks as UIMessageChunk[]);
  for await (const snapshot of readUIMessageStream({ stream, terminateOnError: true })) message = snapshot;
  return message;
}

function toolPartOf(message: UIMessage | undefined): Record<string, unknown> | undefined {
  return message?.parts.find((part) => 'toolCallId' in part) as Record<string, unknown> | undefined;
}

/** The same pause, written as LangChain messages by this library (the run's status and requirements in the lineage). */
const pauseAsLangChain = () => convert(pauseRecording, { from: 'agno', to: 'langchain' }).output;

const sources = [
  { name: 'an agno pause', records: () => pauseRecording, from: 'agno' as const },
  { name: 'the same pause through LangChain messages', records: pauseAsLangChain, from: 'langchain' as const },
];

describe('a paused run ends its AI SDK stream with finish, as streamText does when it waits for an approval', () => {
  it('streamText itself ends with the approval request, finish-step and finish (tool-calls)', async () => {
    const chunks = await streamTextApprovalChunks();
    expect(chunks.slice(-3).map((chunk) => chunk.type)).toEqual(['tool-approval-request', 'finish-step', 'finish']);
    expect(chunks.at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
  });

  for (const source of sources) {
    it(`${source.name} reaches ai-sdk-ui ending with one finish-step and the finish streamText writes`, async () => {
      const reference = await streamTextApprovalChunks();
      const { output } = convert(source.records(), { from: source.from, to: 'ai-sdk-ui' });
      const chunks = output as UIMessageChunk[];
      expect(chunks.at(-1)).toEqual(reference.at(-1));
      expect(chunks.filter((chunk) => chunk.type === 'finish-step')).toHaveLength(reference.filter((chunk) => chunk.type === 'finish-step').length);
      expect(chunks.filter((chunk) => chunk.type === 'start-step')).toHaveLength(1);
      const message = await readMessage(chunks);
      expect(toolPartOf(message)).toMatchObject({ toolCallId: 'call_1', state: 'approval-requested', input: { path: '/data/report.txt' } });
    });

    it(`${source.name} behaves in useChat as streamText's pause: onFinish gets tool-calls, and approving sends the answer on`, async () => {
      const { output } = convert(source.records(), { from: source.from, to: 'ai-sdk-ui' });
      const ours = await chatThroughApproval(output);
      const theirs = await chatThroughApproval(await streamTextApprovalChunks());
      expect(ours.finishReasons).toEqual(theirs.finishReasons);
      expect(ours.finishReasons).toEqual(['tool-calls']);
      expect(toolPartOf(ours.paused)?.state).toBe('approval-requested');
      // Both send the approved call on by themselves, the part answered.
      expect(theirs.sentOn).toBeDefined();
      expect(ours.sentOn).toBeDefined();
      expect(toolPartOf(ours.sentOn?.at(-1))).toMatchObject({ state: 'approval-responded', approval: { approved: true } });
    });

    it(`${source.name} reaches ai-sdk-stream ending with the approval request, a step end and finish (tool-calls)`, () => {
      const { output } = convert(source.records(), { from: source.from, to: 'ai-sdk-stream' });
      const parts = output as Record<string, unknown>[];
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
      expect(parts.filter((part) => part.type === 'start-step')).toHaveLength(1);
      expect(parts.findLastIndex((part) => part.type === 'tool-approval-request')).toBeGreaterThan(parts.findIndex((part) => part.type === 'start-step'));
    });

    for (const target of ['ai-sdk-ui', 'ai-sdk-stream'] as const) {
      it(`${source.name} written as ${target} reads back as a paused run, never a completed one`, () => {
        const { output } = convert(source.records(), { from: source.from, to: target });
        const events = convert(output, { from: target, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
        const ends = events.filter((event) => event.type === 'run-end' || event.type === 'run-pause').map((event) => event.type);
        expect(ends.at(-1)).toBe('run-pause');
        expect(ends).not.toContain('run-end');
        expect(events.findLast((event) => event.type === 'run-pause')).toMatchObject({ requirements: [{ id: 'msg-1', kind: 'confirmation', toolCallId: 'call_1' }] });
      });
    }
  }
});
