// Records real streamText runs (MockLanguageModelV4 from ai/test) as the fixtures of this folder:
// fixtures/<name>.stream.jsonl holds the TextStreamParts of `streamText().stream`, and
// fixtures/<name>.ui.jsonl the UIMessageChunks `toUIMessageStream` made of the same run.
// Run from the repository root: node test/ai-sdk/record-streams.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dynamicTool, isStepCount, jsonSchema, streamText, tool, toUIMessageStream } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';

const here = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const usage = (input, output, reasoning) => ({
  inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: output, text: output - (reasoning ?? 0), reasoning },
});
const finish = (unified, raw, input = 10, output = 20, reasoning) => ({
  type: 'finish',
  finishReason: { unified, raw },
  usage: usage(input, output, reasoning),
});
const start = { type: 'stream-start', warnings: [] };
const metadata = (id) => ({ type: 'response-metadata', id, modelId: 'mock-model', timestamp: new Date(0) });

/** A model that answers the nth call with the nth list of provider parts. */
function model(...calls) {
  return new MockLanguageModelV4({ doStream: calls.map((parts) => ({ stream: convertArrayToReadableStream(parts) })) });
}

const city = jsonSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
const query = jsonSchema({ type: 'object', properties: { q: { type: 'string' } } });

const runs = {
  'text-only': () => ({
    model: model([start, metadata('resp-1'), { type: 'text-start', id: 't1' }, { type: 'text-delta', id: 't1', delta: 'Hello' }, { type: 'text-delta', id: 't1', delta: ', world.' }, { type: 'text-end', id: 't1' }, finish('stop', 'stop', 3, 4)]),
  }),
  'reasoning-tool-two-steps': () => ({
    model: model(
      [
        start,
        metadata('resp-1'),
        { type: 'reasoning-start', id: 'r1' },
        { type: 'reasoning-delta', id: 'r1', delta: 'The user wants the weather.' },
        { type: 'reasoning-end', id: 'r1', providerMetadata: { anthropic: { signature: 'sig-1' } } },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'Let me check.' },
        { type: 'text-end', id: 't1' },
        { type: 'tool-input-start', id: 'call-1', toolName: 'weather' },
        { type: 'tool-input-delta', id: 'call-1', delta: '{"city":' },
        { type: 'tool-input-delta', id: 'call-1', delta: '"Paris"}' },
        { type: 'tool-input-end', id: 'call-1' },
        { type: 'tool-call', toolCallId: 'call-1', toolName: 'weather', input: '{"city":"Paris"}' },
        { type: 'source', sourceType: 'url', id: 'src-1', url: 'https://example.com/paris', title: 'Paris weather' },
        finish('tool-calls', 'tool_use', 10, 20, 5),
      ],
      [start, metadata('resp-2'), { type: 'text-start', id: 't2' }, { type: 'text-delta', id: 't2', delta: 'It is sunny, 21 degrees.' }, { type: 'text-end', id: 't2' }, finish('stop', 'end_turn', 30, 8)],
    ),
    tools: { weather: tool({ inputSchema: city, execute: async ({ city: name }) => ({ city: name, temperature: 21 }) }) },
    stopWhen: isStepCount(3),
  }),
  'tool-errors': () => ({
    model: model([
      start,
      metadata('resp-1'),
      { type: 'tool-call', toolCallId: 'c1', toolName: 'boom', input: '{"x":1}' },
      { type: 'tool-call', toolCallId: 'c2', toolName: 'nope', input: '{}' },
      { type: 'tool-call', toolCallId: 'c3', toolName: 'lookup', input: '{"q":"a"}' },
      finish('tool-calls', 'tool_use'),
    ]),
    tools: {
      boom: tool({ inputSchema: jsonSchema({ type: 'object' }), execute: async () => { throw new Error('tool failed'); } }),
      lookup: dynamicTool({ inputSchema: query, execute: async () => 'found it' }),
    },
  }),
  approval: () => ({
    model: model([
      start,
      metadata('resp-1'),
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'I will delete it.' },
      { type: 'text-end', id: 't1' },
      { type: 'tool-call', toolCallId: 'c4', toolName: 'deleteFile', input: '{"path":"/tmp/a"}' },
      finish('tool-calls', 'tool_use'),
    ]),
    tools: { deleteFile: tool({ inputSchema: jsonSchema({ type: 'object' }), needsApproval: true, execute: async () => 'deleted' }) },
  }),
  'provider-error-and-file': () => ({
    model: model([
      start,
      metadata('resp-1'),
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      { type: 'error', error: new Error('rate limited') },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Partial answer.' },
      { type: 'text-end', id: 't1' },
      finish('error', 'error'),
    ]),
  }),
  'provider-extras': () => ({
    model: model([
      start,
      metadata('resp-1'),
      { type: 'raw', rawValue: { provider: 'chunk-1' } },
      { type: 'custom', kind: 'openai.compaction', providerMetadata: { openai: { itemId: 'cmp-1' } } },
      { type: 'reasoning-file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      { type: 'ping' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Paris is the capital.' },
      {
        type: 'text-end',
        id: 't1',
        citations: [{ source: { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com/paris', title: 'Paris' }, startIndex: 0, endIndex: 5, citedText: 'Paris' }],
      },
      { type: 'source', sourceType: 'document', id: 'doc-1', mediaType: 'application/pdf', title: 'Atlas', filename: 'atlas.pdf' },
      finish('stop', 'stop'),
    ]),
    include: { rawChunks: true },
  }),
  abort: () => {
    const controller = new AbortController();
    const stream = new ReadableStream({
      async pull(sink) {
        sink.enqueue(start);
        sink.enqueue({ type: 'text-start', id: 't1' });
        sink.enqueue({ type: 'text-delta', id: 't1', delta: 'Once upon' });
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 5));
        sink.enqueue({ type: 'text-delta', id: 't1', delta: ' a time' });
        sink.close();
      },
    });
    return { model: new MockLanguageModelV4({ doStream: async () => ({ stream }) }), abortSignal: controller.signal };
  },
};

/** JSON of a part as a log would keep it: errors as `{name, message}`, files as `{base64, mediaType}`. */
function replacer(key, value) {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if ((key === 'file') && value !== null && typeof value === 'object' && 'mediaType' in value) {
    return { base64: value.base64, mediaType: value.mediaType };
  }
  return value;
}

async function collect(stream) {
  const items = [];
  for await (const item of stream) items.push(JSON.parse(JSON.stringify(item, replacer)));
  return items;
}

for (const [name, setup] of Object.entries(runs)) {
  const options = setup();
  const result = streamText({ prompt: 'Hi', ...options });
  const [forParts, forUi] = result.stream.tee();
  const ui = toUIMessageStream({ stream: forUi, sendSources: true, generateMessageId: () => 'msg-1', onError: (error) => (error instanceof Error ? error.message : String(error)) });
  const [parts, chunks] = await Promise.all([collect(forParts), collect(ui)]);
  const jsonl = (items) => items.map((item) => JSON.stringify(item)).join('\n') + '\n';
  writeFileSync(join(here, `${name}.stream.jsonl`), jsonl(parts));
  writeFileSync(join(here, `${name}.ui.jsonl`), jsonl(chunks));
  console.log(`${name}: ${parts.length} stream parts, ${chunks.length} UI chunks`);
}
