#!/usr/bin/env node
import { ConversionError } from '../model/issue.js';
import { convertCommand } from './convert-command.js';
import { detectCommand } from './detect-command.js';
import { UsageError } from './io.js';
import { validateCommand } from './validate-command.js';

const usage = `Usage: agent-event-bridge <command> [options]

Commands:
  convert [FILE|-] --to FORMAT    convert records to another format
  detect [FILE|-]                 name the format of every record
  validate [FILE|-] --from FORMAT check records against one format

Run 'agent-event-bridge <command> --help' for the options of a command.
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  convert: convertCommand,
  detect: detectCommand,
  validate: validateCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) throw new UsageError(`unknown command "${name}"`);
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`agent-event-bridge: ${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else if (error instanceof ConversionError) {
      process.stderr.write(`agent-event-bridge: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`agent-event-bridge: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
