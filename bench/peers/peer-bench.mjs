// Ours against @ai-sdk/langchain on the jobs users compare, each to AI SDK UI message chunks:
//  1. a provider's AIMessageChunk stream (text, then a streamed tool call, usage on the last chunk);
//  2. a LangGraph `graph.stream(…, {streamMode: ['values', 'messages']})` tuple stream, recorded
//     once from a real LangGraph graph whose node streams the chunks of 1.;
//  3. a `streamEvents` v2 stream: the recording test/langchain/fixtures/agent-tools.stream-events.jsonl
//     (a real JS agent with tools), its messages revived as @langchain/core instances.
// Every input is built before timing; both converters get the same objects; the two take turns.
// Times are CPU time of the process (user + system), medians; wall time is reported beside.
// Prints JSON on stdout. Usage: node bench/peers/peer-bench.mjs [CHUNKS] [--quick]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toUIMessageStream } from '@ai-sdk/langchain';
import { load } from '@langchain/core/load';
import { AIMessageChunk, HumanMessage } from '@langchain/core/messages';
import { FakeStreamingChatModel } from '@langchain/core/utils/testing';
import { END, MessagesAnnotation, START, StateGraph } from '@langchain/langgraph';

const build = process.env.BENCH_BUILD ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const { convert } = await import(pathToFileURL(join(build, 'index.js')).href);

const count = Number(process.argv[2] ?? 10000);
const repeats = process.argv.includes('--quick') ? 5 : 9;
const streamEventsFixture = fileURLToPath(new URL('../../test/langchain/fixtures/agent-tools.stream-events.jsonl', import.meta.url));

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

/** What a real LangGraph graph streams with `streamMode: ['values', 'messages']` when its node streams `chunks`. */
async function langGraphTuples(chunks) {
  const model = new FakeStreamingChatModel({ chunks });
  const graph = new StateGraph(MessagesAnnotation)
    .addNode('agent', async (state) => ({ messages: [await model.invoke(state.messages)] }))
    .addEdge(START, 'agent')
    .addEdge('agent', END)
    .compile();
  const tuples = [];
  for await (const tuple of await graph.stream({ messages: [new HumanMessage('Write the text.')] }, { streamMode: ['values', 'messages'] })) tuples.push(tuple);
  return tuples;
}

/** The streamEvents recording, each record revived as `streamEvents` yields it (messages as instances). */
async function streamEvents() {
  const events = [];
  for (const line of readFileSync(streamEventsFixture, 'utf8').split('\n')) if (line.trim() !== '') events.push(await load(line));
  return events;
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

/** The peer: its own entry point, on what LangChain / LangGraph hand it. */
const peer = (items) => drain(toUIMessageStream(streamOf(items)));

/**
 * Ours through the ReadableStream surface. Our LangChain decoder reads instances itself; `toRecord`
 * only unwraps what it has no form for (LangGraph tuples), inside the timed work.
 */
const ours = (toRecord) => (items) =>
  drain(
    convert(
      toRecord === undefined
        ? streamOf(items)
        : streamOf(items).pipeThrough(
            new TransformStream({
              transform(item, controller) {
                const record = toRecord(item);
                if (record !== undefined) controller.enqueue(record);
              },
            }),
          ),
      { from: 'langchain', to: 'ai-sdk-ui', collectIssues: false },
    ),
  );

/** A message instance's LangChain JSON (a JSON round trip), for the records-already-JSON figure. */
const asJson = (value) => JSON.parse(JSON.stringify(value));

/**
 * LangGraph tuples as our decoder reads them: the `messages` mode's chunk (an instance, read by
 * the decoder); `values` (the whole state, restating the messages) is left out. Our LangChain
 * reader has no LangGraph tuple form of its own, so this unwrapping is part of the timed work.
 */
const fromTuple = ([mode, payload]) => (mode === 'messages' ? payload[0] : undefined);

/** Ours on records already JSON (as read from a log): the array surface. */
const oursRecords = (records) => convert(records, { from: 'langchain', to: 'ai-sdk-ui', collectIssues: false }).output.length;

/** CPU time of this process (user + system) in ms: the machine is shared, and wall time counts the others' work. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Median CPU ms (and median wall ms) of `streams` conversions of `input` in a row, after warm-up:
 * short inputs are converted many times per sample so that timer resolution does not decide.
 */
async function time(task, input, streams = 1) {
  let output = 0;
  for (let warm = 0; warm < 3; warm += 1) output = await task(input);
  const cpu = [];
  const wall = [];
  for (let index = 0; index < repeats; index += 1) {
    const startedCpu = cpuNow();
    const started = performance.now();
    for (let stream = 0; stream < streams; stream += 1) await task(input);
    wall.push((performance.now() - started) / streams);
    cpu.push((cpuNow() - startedCpu) / streams);
  }
  const median = (samples) => samples.sort((left, right) => left - right)[Math.floor(samples.length / 2)];
  return { milliseconds: median(cpu), wallMilliseconds: median(wall), outputChunks: output };
}

/** The peer and ours take turns twice on the same input; the better median of each is kept. */
async function compare(job, input, oursTask, streams = 1) {
  const peerRuns = [];
  const oursRuns = [];
  for (let pass = 0; pass < 2; pass += 1) {
    peerRuns.push(await time(peer, input, streams));
    oursRuns.push(await time(oursTask, input, streams));
  }
  const best = (runs) => runs.reduce((left, right) => (right.milliseconds < left.milliseconds ? right : left));
  const peerBest = best(peerRuns);
  const oursBest = best(oursRuns);
  return {
    job,
    items: input.length,
    peer: { ...peerBest, itemsPerSecond: (input.length / peerBest.milliseconds) * 1000 },
    ours: { ...oursBest, itemsPerSecond: (input.length / oursBest.milliseconds) * 1000 },
    throughputRatio: peerBest.milliseconds / oursBest.milliseconds,
  };
}

const chunks = providerChunks(count);
const tuples = await langGraphTuples(providerChunks(count));
const events = await streamEvents();
const jobs = [
  await compare('AIMessageChunk instances', chunks, ours()),
  await compare("LangGraph stream tuples (streamMode ['values', 'messages'])", tuples, ours(fromTuple)),
  await compare('streamEvents v2 (agent-tools recording, one stream per conversion)', events, ours(), 50),
];
const records = chunks.map(asJson);
const recordsResult = await time(oursRecords, records);
process.stdout.write(
  `${JSON.stringify({
    jobs,
    oursOnRecords: { items: records.length, ...recordsResult, itemsPerSecond: (records.length / recordsResult.milliseconds) * 1000 },
  })}\n`,
);
