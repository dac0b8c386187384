import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The built command line; `npm test` builds it first. */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** What a finished command printed and returned. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built command line with arguments and optional standard input.
 * @throws when dist/cli.js is missing, with the command that builds it.
 */
export function runCli(args: string[], input?: string | Buffer): CliResult {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first (npm test does)`);
  const result = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
