// Runs a Node script in this process and prints its peak RSS on stderr at exit, for machines
// without GNU time. Usage: node bench/max-rss-wrapper.mjs SCRIPT [ARGS...]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  process.stderr.write(`max-rss-kb: ${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(resolve(script)).href);
