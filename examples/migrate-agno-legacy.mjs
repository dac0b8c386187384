// Migrates a folder of stored agno 1.x runs to agno 2.x: JSON aggregates (`RunResponse.to_dict()`),
// JSONL event streams and 1.x Playground transcripts (pretty JSON objects back to back).
// Usage: node examples/migrate-agno-legacy.mjs [FOLDER] OUTPUT_FOLDER
// (FOLDER defaults to examples/stored-runs-1x; run `npm run build` first).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert, readAll } from 'agent-event-bridge';

const args = process.argv.slice(2);
if (args.length === 0 || args.length > 2) {
  console.error('usage: node examples/migrate-agno-legacy.mjs [FOLDER] OUTPUT_FOLDER');
  process.exit(2);
}
const output = args.at(-1);
const input = args.length === 2 ? args[0] : fileURLToPath(new URL('./stored-runs-1x', import.meta.url));
mkdirSync(output, { recursive: true });

let failed = 0;
for (const name of readdirSync(input).filter((file) => ['.json', '.jsonl'].includes(extname(file))).sort()) {
  const items = readAll(readFileSync(join(input, name), 'utf8'));
  const records = items.filter((item) => item.kind === 'record').map((item) => item.record);
  const unreadable = items.length - records.length;
  // A stored aggregate has no `event` key; it stays an aggregate (RunOutput), a stream stays a stream.
  const aggregate = records.length > 0 && records.every((record) => typeof record === 'object' && record !== null && !('event' in record));
  const { output: migrated, issues } = convert(records, {
    from: 'agno-legacy',
    to: 'agno',
    encode: { shape: aggregate ? 'aggregate' : 'events' },
  });
  const target = join(output, `${basename(name, extname(name))}${aggregate ? '.json' : '.jsonl'}`);
  const text = aggregate
    ? `${JSON.stringify(migrated.length === 1 ? migrated[0] : migrated, null, 2)}\n`
    : migrated.map((record) => `${JSON.stringify(record)}\n`).join('');
  writeFileSync(target, text);
  const counts = {};
  for (const issue of issues) counts[`${issue.code}/${issue.level}`] = (counts[`${issue.code}/${issue.level}`] ?? 0) + 1;
  const summary = Object.entries(counts).map(([kind, count]) => `${count} ${kind}`).join(', ') || 'no issues';
  console.log(`${name}: ${records.length} records → ${basename(target)}: ${migrated.length} records; ${summary}${unreadable > 0 ? `; ${unreadable} unreadable` : ''}`);
  for (const issue of issues.filter((each) => each.level !== 'info')) console.log(`  ${issue.level}: ${issue.eventType ?? ''} ${issue.message}`);
  if (unreadable > 0 || issues.some((issue) => issue.level === 'error')) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
