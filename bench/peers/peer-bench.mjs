// Ours against @ai-sdk/langchain on its own job: a LangChain AIMessageChunk stream (text, then a
// streamed tool call, usage on the last chunk) to AI SDK UI message chunks. Prints JSON on stdout.
// Usage: node bench/peers/peer-bench.mjs [CHUNKS] [--quick]
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toUIMessageStream } from '@ai-sdk/langchain';
import { AIMessageChunk } from '@langchain/core/messages';

const build = process.env.BENCH_BUILD ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const { convert } = await import(pathToFileURL(join(build, 'index.js')).href);

const count = Number(process.argv[2] ?? 10000);
const repeats = process.argv.includes('--quick') ? 5 : 9;

/** The chunks a provider streams for one answer: text pieces, then one tool call's arguments. */
function providerChunks(total) {
  const id = 'run-bench-message';
  const toolChunks = Math.max(2, Math.floor(total / 10));
  const chunks = [];
  for (let index = 0; index < total - toolChunks - 1; index += 1) chunks.push(new AIMessageChunk({ id, content: `word${index % 100} ` }));
  chunks.push(
    new AIMessageChunk({
      id,
      content: '',
      tool_call_chunks: [{ index: 0, id: 'call_bench', name: 'write_text', args: '{"text":"', type: 'tool_call_chunk' }],
    }),
  );
  for (let index = 1; index < toolChunks - 1; index += 1) {
    chunks.push(new AIMessageChunk({ id, content: '', tool_call_chunks: [{ index: 0, args: 'x', type: 'tool_call_chunk' }] }));
  }
  chunks.push(new AIMessageChunk({ id, content: '', tool_call_chunks: [{ index: 0, args: '"}', type: 'tool_call_chunk' }] }));
  chunks.push(
    new AIMessageChunk({
      id,
      content: '',
      response_metadata: { finish_reason: 'tool_calls' },
      usage_metadata: { input_tokens: 10, output_tokens: total, total_tokens: total + 10 },
    }),
  );
  return chunks;
}

function streamOf(items) {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index < items.length) controller.enqueue(items[index++]);
      else controller.close();
    },
  });
}

async function drain(stream) {
  let written = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done } = await reader.read();
    if (done) return written;
    written += 1;
  }
}

/** The peer: its own entry point on the chunk instances. */
const peer = (chunks) => drain(toUIMessageStream(streamOf(chunks)));

/**
 * Ours through the ReadableStream surface on the same instances: each chunk becomes its LangChain
 * JSON (what `fromLangChainMessages` does: a JSON round trip), inside the timed work.
 */
const ours = (chunks) =>
  drain(
    convert(
      streamOf(chunks).pipeThrough(new TransformStream({ transform: (chunk, controller) => controller.enqueue(JSON.parse(JSON.stringify(chunk))) })),
      { from: 'langchain', to: 'ai-sdk-ui', collectIssues: false },
    ),
  );

/** Ours on records already in JSON (as read from a log): the array surface. */
const oursRecords = (records) => convert(records, { from: 'langchain', to: 'ai-sdk-ui', collectIssues: false }).output.length;

async function time(task, input) {
  let output = 0;
  for (let warm = 0; warm < 3; warm += 1) output = await task(input);
  const samples = [];
  for (let index = 0; index < repeats; index += 1) {
    const started = performance.now();
    await task(input);
    samples.push(performance.now() - started);
  }
  samples.sort((left, right) => left - right);
  const milliseconds = samples[Math.floor(samples.length / 2)];
  return { milliseconds, chunksPerSecond: (input.length / milliseconds) * 1000, outputChunks: output };
}

const chunks = providerChunks(count);
const records = chunks.map((chunk) => JSON.parse(JSON.stringify(chunk)));
// Alternate the two so that load from elsewhere falls on both alike.
const peerResult = await time(peer, chunks);
const oursResult = await time(ours, chunks);
const peerAgain = await time(peer, chunks);
const oursAgain = await time(ours, chunks);
const recordsResult = await time(oursRecords, records);
const peerMilliseconds = Math.min(peerResult.milliseconds, peerAgain.milliseconds);
const oursMilliseconds = Math.min(oursResult.milliseconds, oursAgain.milliseconds);
const rows = [
  { name: '@ai-sdk/langchain toUIMessageStream (instances)', ...peerResult, milliseconds: peerMilliseconds, chunksPerSecond: (count / peerMilliseconds) * 1000 },
  { name: 'ours, convert(ReadableStream) (instances → JSON inside)', ...oursResult, milliseconds: oursMilliseconds, chunksPerSecond: (count / oursMilliseconds) * 1000 },
  { name: 'ours, convert(array) (records already JSON)', ...recordsResult },
];
process.stdout.write(`${JSON.stringify({ chunks: chunks.length, rows, throughputRatio: peerMilliseconds / oursMilliseconds })}\n`);
