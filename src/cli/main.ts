#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { ConversionError } from '../model/issue.js';
import { convertCommand } from './convert-command.js';
import { detectCommand } from './detect-command.js';
import { type Interruption, stopExitCodes, watchInterruptions } from './interrupt.js';
import { FileError, UsageError } from './io.js';
import { validateCommand } from './validate-command.js';

const usage = `Usage: agent-event-bridge <command> [options]

Commands:
  convert [FILE|-] --to FORMAT    convert records to another format
  detect [FILE|-]                 name the format of every record
  validate [FILE|-] --from FORMAT check records against one format

Options:
  -v, --version                   print the version
  -h, --help                      this help

Run 'agent-event-bridge <command> --help' for the options of a command.
`;

/** A command: its arguments and the interruption watcher in, its exit code out. */
type Command = (args: string[], interruption: Interruption) => Promise<number>;

const commands: Record<string, Command> = {
  convert: convertCommand,
  detect: detectCommand,
  validate: validateCommand,
};

/** The version of the installed package: dist/cli.js sits one folder below its package.json. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}

async function main(argv: string[], interruption: Interruption): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) throw new UsageError(`unknown command "${name}"`);
  return command(args, interruption);
}

const interruption = watchInterruptions();
main(process.argv.slice(2), interruption).then(
  (code) => {
    process.exitCode = interruption.reason === undefined ? code : stopExitCodes[interruption.reason];
  },
  (error: unknown) => {
    if (interruption.reason === 'EPIPE') {
      process.exitCode = 0;
    } else if (error instanceof FileError || error instanceof ConversionError) {
      process.stderr.write(`agent-event-bridge: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`agent-event-bridge: ${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`agent-event-bridge: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
).finally(() => interruption.dispose());
