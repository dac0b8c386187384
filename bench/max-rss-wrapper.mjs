// Runs a Node script in this process and prints its peak RSS on stderr at exit, for machines
// without GNU time. Usage: node bench/max-rss-wrapper.mjs SCRIPT [ARGS...]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`max-rss-kb: ${usage.maxRSS}\ncpu-ms: ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
await import(pathToFileURL(resolve(script)).href);
