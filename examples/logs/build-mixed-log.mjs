// Builds examples/logs/mixed.jsonl: recordings of five frameworks, interleaved line by line the
// way a shared log collector writes them. Run `node examples/logs/build-mixed-log.mjs` after
// changing a recording; the demo and its test read the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = [
  'test/agno-legacy/fixtures/v1.8.4-agent-tools.jsonl', // agno 1.8 agent with a tool
  'test/agno/fixtures/v2.9.0-team-one-member.jsonl', // agno 2.9 team, member events interleaved
  'test/runner/fixtures/constructed-4.2-llm-agent-tool-turn.jsonl', // langchain_adk Runner turn with a tool
  'test/langchain/fixtures/agent-tools.chunks.jsonl', // LangChain AIMessageChunk stream with split tool calls
  'test/ai-sdk/fixtures/reasoning-tool-two-steps.ui.jsonl', // AI SDK UI message stream (useChat wire format)
  'test/ai-sdk/fixtures/tool-errors.stream.jsonl', // AI SDK streamText full stream with tool errors
];

const streams = sources.map((path) => readFileSync(root + path, 'utf8').split('\n').filter((line) => line.trim() !== ''));
const lines = [];
for (let index = 0; streams.some((stream) => index < stream.length); index += 1) {
  for (const stream of streams) if (index < stream.length) lines.push(stream[index]);
}
writeFileSync(fileURLToPath(new URL('./mixed.jsonl', import.meta.url)), `${lines.join('\n')}\n`);
console.log(`examples/logs/mixed.jsonl: ${lines.length} records from ${sources.length} recordings`);
