import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';

/** Whether GNU time is installed: it reports a child's peak RSS without a wrapper of ours. */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Reports peak RSS for a child when GNU time is missing: the child runs the command in-process. */
const rssWrapper = new URL('./max-rss-wrapper.mjs', import.meta.url).pathname;

/**
 * Runs `node ARGS` with stdout to /dev/null and returns its wall time (ms), CPU time (ms), peak
 * RSS (bytes), exit code and stderr. Peak RSS comes from `/usr/bin/time -v` where present, else from
 * `process.resourceUsage().maxRSS` reported by a wrapper at exit.
 */
export async function measureProcess(args) {
  const devNull = openSync('/dev/null', 'w');
  const command = gnuTime === undefined ? [process.execPath, rssWrapper, ...args] : [gnuTime, '-v', process.execPath, ...args];
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    // Only the tail matters (the RSS line comes last); a noisy child must not fill memory.
    stderr = (stderr + text).slice(-64 * 1024);
  });
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const milliseconds = performance.now() - started;
  closeSync(devNull);
  const match = gnuTime === undefined ? /max-rss-kb: (\d+)/.exec(stderr) : /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakRss = match === null ? undefined : Number(match[1]) * 1024;
  const exit = /Exit status: (\d+)/.exec(stderr);
  return { milliseconds, cpuMilliseconds: cpuTime(stderr), peakRss, code: exit === null ? code : Number(exit[1]), stderr };
}

/**
 * The child's CPU time (user + system, ms) as GNU time or the wrapper reports it. On a machine
 * other work shares, wall time also counts the waits for a core; CPU time counts only the work.
 */
function cpuTime(stderr) {
  if (gnuTime === undefined) {
    const match = /cpu-ms: ([\d.]+)/.exec(stderr);
    return match === null ? undefined : Number(match[1]);
  }
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return user === null || system === null ? undefined : (Number(user[1]) + Number(system[1])) * 1000;
}

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
