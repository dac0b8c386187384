// An agno 2.x team run as LangChain message history: real @langchain/core messages that a
// LangChain app can append to, with each member's agent in `name` and the run lineage kept.
// Run: npm run build && node examples/agno-to-langchain-history.mjs [AGNO_JSONL]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAll } from 'agent-event-bridge';
import { agnoReader } from 'agent-event-bridge/agno';
import { toLangChainMessages } from 'agent-event-bridge/langchain';

const path = process.argv[2] ?? fileURLToPath(new URL('./recordings/agno-2.9-team.jsonl', import.meta.url));
const records = readAll(readFileSync(path, 'utf8')).flatMap((item) => (item.kind === 'record' ? [item.record] : []));

// The issues say what LangChain will not hold (activities, timings …).
const issues = [];
const history = toLangChainMessages(records, { from: agnoReader, onIssue: (issue) => issues.push(issue) });

for (const message of history) {
  const who = message.name ? ` (${message.name})` : '';
  const text = typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
  const calls = (message.tool_calls ?? []).map((call) => ` → ${call.name}(${JSON.stringify(call.args)}) [${call.id}]`).join('');
  const result = message.tool_call_id ? ` ← [${message.tool_call_id}]${message.status === 'error' ? ' error' : ''}` : '';
  console.log(`${message.getType()}${who}:${result} ${text}${calls}`);
}
console.log(`\n${history.length} messages; ${issues.length} issues while reading the agno stream`);
