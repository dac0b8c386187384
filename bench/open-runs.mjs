// Logs whose runs never end: do the targets stay linear? Generates agno logs where every copy
// holds one run cut after its tool call started (it never ends) beside whole runs, and Runner
// logs (langchain_adk 0.3.4+ writes no agent_end: turns stay open until the session's next one),
// then times the built CLI on each size. Time per MB should not grow with the size. CPU time (user +
// system, from GNU time) is printed beside wall time: on a shared machine it is the steadier figure.
// Usage: node bench/open-runs.mjs [--sizes 46,92,185] [--from agno,runner] [--to ai-sdk-ui,ai-sdk-stream,agno] [--cli dist/cli.js]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogTemplate, generateLog } from './generate-log.mjs';
import { measureProcess } from './measure-process.mjs';
import { cli as builtCli, dataFolder, sourceFixtures } from './paths.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('--sizes', '46,92,185').split(',').map(Number);
const origins = argument('--from', 'agno,runner').split(',');
const targets = argument('--to', 'ai-sdk-ui,ai-sdk-stream,agno').split(',');
const cli = argument('--cli', builtCli);

/** The agno tool-using recording cut after its first ToolCallStarted: a run whose call never completes. */
function cutToolRun() {
  const [tools] = sourceFixtures.agno().filter((file) => file.endsWith('agent-tools.jsonl'));
  if (tools === undefined) throw new Error('the agno agent-tools recording is missing');
  const lines = readFileSync(tools, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const cut = lines.findIndex((line) => JSON.parse(line).event === 'ToolCallStarted');
  mkdirSync(dataFolder, { recursive: true });
  const file = join(dataFolder, 'open-runs-cut-tool-run.jsonl');
  writeFileSync(file, `${lines.slice(0, cut + 1).join('\n')}\n`);
  return file;
}

/** User plus system CPU seconds from GNU time's report, when it ran. */
function cpuSeconds(stderr) {
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return user === null || system === null ? undefined : Number(user[1]) + Number(system[1]);
}

const sources = {
  agno: () => createLogTemplate([...sourceFixtures.agno(), cutToolRun()]),
  runner: () => createLogTemplate(sourceFixtures.runner()),
};

console.log(`cli: ${cli}`);
console.log('from     to             MB  wall s   cpu s  cpu s/MB  peak RSS MB');
for (const [from, template] of Object.entries(sources)) {
  if (!origins.includes(from)) continue;
  const made = template();
  for (const megabytes of sizes) {
    const { file, bytes } = await generateLog(join(dataFolder, `open-runs-${from}-${megabytes}mb.jsonl`), made, megabytes * 1e6);
    for (const to of targets) {
      const result = await measureProcess([cli, 'convert', file, '--from', from, '--to', to, '--quiet']);
      if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr.slice(-500)}`);
      const seconds = result.milliseconds / 1000;
      const cpu = cpuSeconds(result.stderr);
      const mb = bytes / 1e6;
      console.log(
        `${from.padEnd(8)} ${to.padEnd(14)} ${mb.toFixed(0).padStart(4)} ${seconds.toFixed(1).padStart(7)} ${cpu === undefined ? '      –' : cpu.toFixed(1).padStart(7)} ${cpu === undefined ? '        –' : (cpu / mb).toFixed(3).padStart(9)} ${((result.peakRss ?? 0) / 1e6).toFixed(0).padStart(12)}`,
      );
    }
  }
}
