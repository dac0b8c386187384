// The main job: read a mixed log, detect every record's format, convert the whole log to the
// AI SDK UI stream and to agno 2.x, and show what each run did.
// Run with `npm run demo` (it builds first), or `node examples/demo.mjs [LOG]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accumulate, convert, getFormat, readAll } from 'agent-event-bridge';

const logPath = process.argv[2] ?? fileURLToPath(new URL('./logs/mixed.jsonl', import.meta.url));
const items = readAll(readFileSync(logPath, 'utf8'));
const records = items.filter((item) => item.kind === 'record').map((item) => item.record);
const rejected = items.length - records.length;

const targets = ['ai-sdk-ui', 'agno'].filter((name) => getFormat(name) !== undefined);
if (targets.length === 0) targets.push('canonical');

console.log(`${logPath}\n${records.length} records${rejected > 0 ? `, ${rejected} unreadable lines` : ''}\n`);

for (const to of targets) {
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

const canonical = convert(records, { from: 'auto', to: 'canonical' }).output.filter((record) => 'type' in record);
console.log('\nTimeline');
for (const run of accumulate(canonical)) printRun(run, '');

function printRun(run, indent) {
  const actor = run.actor ? `${run.actor.kind} ${run.actor.name ?? run.actor.id ?? ''}`.trim() : 'run';
  const parts = run.messages.flatMap((message) => message.parts);
  const text = parts.filter((part) => part.type === 'text').reduce((length, part) => length + part.text.length, 0);
  const tools = parts.filter((part) => part.type === 'tool-call').map((part) => part.toolName);
  const errors = parts.filter((part) => part.type === 'tool-result' && part.isError).length;
  const lineage = run.parentRunId ? ` ⇠ ${run.parentRunId}` : '';
  const status = run.status === 'error' ? `error: ${run.error?.message}` : run.status;
  console.log(
    `${indent}${run.runId}${lineage}  ${actor}  [${status}]  ${text} chars` +
      `${tools.length > 0 ? `  tools: ${tools.join(', ')}` : ''}${errors > 0 ? `  (${errors} tool errors)` : ''}`,
  );
  for (const member of run.members) printRun(member, `${indent}  └ `);
}
