// The physical floor of converting a JSONL log: read it, JSON.parse and JSON.stringify every
// line, and write the result the way the CLI writes (64 KiB pieces to stdout). Usage: node bench/floor.mjs FILE
import { createReadStream } from 'node:fs';
import { once } from 'node:events';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: node bench/floor.mjs FILE\n');
  process.exit(2);
}

const decoder = new TextDecoder('utf-8', { fatal: true });
let pending = '';
let output = '';
let records = 0;

async function write(text) {
  output += text;
  if (output.length >= 1 << 16) {
    const piece = output;
    output = '';
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
}

for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
  const text = pending + decoder.decode(chunk, { stream: true });
  let start = 0;
  let newline;
  while ((newline = text.indexOf('\n', start)) !== -1) {
    if (newline > start) {
      records += 1;
      await write(`${JSON.stringify(JSON.parse(text.slice(start, newline)))}\n`);
    }
    start = newline + 1;
  }
  pending = text.slice(start);
}
pending += decoder.decode();
if (pending.trim() !== '') {
  records += 1;
  await write(`${JSON.stringify(JSON.parse(pending))}\n`);
}
if (output !== '') process.stdout.write(output);
process.stderr.write(`floor: ${records} records\n`);
