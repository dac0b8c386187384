// What agent-event-bridge does, in three uses: migrate agno 1.x to 2.x, bridge agno to the AI SDK's
// useChat, and normalize a mixed log. Each shows one record before and after, then the whole log
// is converted with a summary and a timeline of its runs.
// Run with `npm run demo` (it builds first), or `node examples/demo.mjs [LOG]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accumulate, convert, detectRecord, readAll } from 'agent-event-bridge';

const logPath = process.argv[2] ?? fileURLToPath(new URL('./logs/mixed.jsonl', import.meta.url));
const items = readAll(readFileSync(logPath, 'utf8'));
const records = items.filter((item) => item.kind === 'record').map((item) => item.record);
const rejected = items.length - records.length;

/** One record on one line, cut to the width of a terminal. */
const show = (record) => {
  const text = JSON.stringify(record);
  return text.length > 150 ? `${text.slice(0, 147)}...` : text;
};

/** The first record of the log that `from` claims with field `key` = `value`, and what it becomes in `to`. */
function sample(title, from, to, key, value) {
  const before = records.find((record) => record[key] === value && detectRecord(record)?.format.name === from);
  if (before === undefined) return;
  const after = convert([before], { from, to, ...(to === 'canonical' ? { encode: { header: false } } : {}) }).output;
  console.log(`${title}\n  before (${from}): ${show(before)}`);
  // Our own metadata parts ride along for round trips; the sample shows what a consumer reads.
  for (const record of after.filter((each) => each.type !== 'data-agent-event-bridge').slice(0, 4)) console.log(`  after  (${to}): ${show(record)}`);
  console.log('');
}

console.log(`${logPath}: ${records.length} records${rejected > 0 ? `, ${rejected} unreadable lines` : ''}\n`);

sample('1. Migrate an agno 1.x stream to agno 2.x', 'agno-legacy', 'agno', 'event', 'RunResponseContent');
sample('2. Bridge agno 2.x to the AI SDK useChat stream', 'agno', 'ai-sdk-ui', 'event', 'RunContent');
sample('3. Normalize a LangChain message into canonical events', 'langchain', 'canonical', 'type', 'constructor');

console.log('The whole log, every record detected on its own:');
for (const to of ['ai-sdk-ui', 'agno']) {
  const { output, issues, stats } = convert(records, { from: 'auto', to });
  const formats = Object.entries(stats.records).map(([format, count]) => `${format} ${count}`).join(', ');
  const byLevel = { info: 0, warning: 0, error: 0 };
  for (const issue of issues) byLevel[issue.level] += 1;
  console.log(`→ ${to}: ${output.length} records written from ${formats}; ${stats.runs} runs`);
  console.log(`  issues: ${byLevel.error} errors, ${byLevel.warning} warnings, ${byLevel.info} notes`);
  for (const issue of issues.filter((each) => each.level !== 'info').slice(0, 5)) {
    console.log(`  ${issue.level}: ${issue.format ?? ''} ${issue.eventType ?? ''} ${issue.message}`);
  }
}

const canonical = convert(records, { from: 'auto', to: 'canonical', encode: { header: false } }).output;
console.log('\nTimeline (each run by who ran it and the format it came from)');
for (const run of accumulate(canonical)) printRun(run, '');

/** A run's readable name: its agent or team, else "assistant"; the id only says where it came from. */
function nameOf(run) {
  const who = run.actor ? `${run.actor.kind} ${run.actor.name ?? run.actor.id ?? ''}`.trim() : 'assistant';
  const origin = run.runId.includes('@') ? run.runId.slice(run.runId.indexOf('@') + 1) : run.runId.startsWith('minted-') ? 'no run id in the source' : run.runId;
  return `${who} (${origin})`;
}

function printRun(run, indent) {
  const parts = run.messages.flatMap((message) => message.parts);
  const text = parts.filter((part) => part.type === 'text').map((part) => part.text).join(' ');
  const tools = parts.filter((part) => part.type === 'tool-call').map((part) => part.toolName);
  const errors = parts.filter((part) => part.type === 'tool-result' && part.isError).length;
  const status = run.status === 'error' ? `error: ${run.error?.message}` : run.status;
  const said = text === '' ? '' : `  "${text.length > 50 ? `${text.slice(0, 47)}...` : text}"`;
  console.log(
    `${indent}${nameOf(run)}${run.parentRunId ? ' ⇠ member' : ''}  [${status}]${said}` +
      `${tools.length > 0 ? `  tools: ${tools.join(', ')}` : ''}${errors > 0 ? `  (${errors} tool errors)` : ''}`,
  );
  for (const member of run.members) printRun(member, `${indent}  └ `);
}
