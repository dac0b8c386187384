// Normalize a mixed log: every record's format detected on its own, the whole log written in one
// format, in constant memory, with a count of what did not fit. The library's streaming core,
// the same one the CLI's `convert` uses.
// Run: npm run build && node examples/normalize-mixed-log.mjs [LOG] [FORMAT] > out.jsonl
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConverter, createRecordReader, createRecordWriter, getFormat } from 'agent-event-bridge';

const path = process.argv[2] ?? fileURLToPath(new URL('./logs/mixed.jsonl', import.meta.url));
const to = process.argv[3] ?? 'agno';

const reader = createRecordReader('auto');
const writer = createRecordWriter('jsonl', getFormat(to));
const rejected = [];
const converter = createConverter({
  from: 'auto',
  to,
  collectIssues: false, // unbounded inputs: count issues instead of keeping them
  onReject: (record, issue) => rejected.push(issue.index),
});

function write(records) {
  const text = records.map((record) => writer.write(record)).join('');
  // Respect the consumer's pace: wait when stdout's buffer is full.
  return text === '' || process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));
}

for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
  for (const item of reader.push(chunk)) {
    if (item.kind === 'reject') rejected.push(`line ${item.line}`);
    else await write(converter.push(item.record, { line: item.line }));
  }
}
for (const item of reader.flush()) if (item.kind === 'record') await write(converter.push(item.record, { line: item.line }));
await write(converter.flush());
process.stdout.write(writer.end());

const { records, runs, written, issues } = converter.stats;
console.error(`read ${JSON.stringify(records)}; ${runs} runs; wrote ${written} ${to} records; issues ${JSON.stringify(issues)}; rejected ${rejected.length}`);
