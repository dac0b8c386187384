import { parseArgs } from 'node:util';
import { createRecordWriter, outputFramings, type OutputFraming } from '../framing/record-writer.js';
import { inputFramings, type InputFraming } from '../framing/record-reader.js';
import { ConversionError, type Issue } from '../model/issue.js';
import type { RecordPosition } from '../pipeline/converter.js';
import { createConverter } from '../registered.js';
import { checkOptions, optionsFromText } from '../pipeline/options.js';
import { type FormatName, getFormat, listFormats } from '../registry.js';
import type { Interruption } from './interrupt.js';
import { type OutputFile, openInput, openOutputs, positiveWholeNumber, sinkFor, type TextSink, UsageError } from './io.js';
import { readInput } from './read-input.js';
import { createIssuePrinter, formatSummary } from './summary.js';

/**
 * Where a record was read, with the text it was read from, so that a record no format
 * recognizes is written to --rejects as read. The text rides on the position the converter
 * hands back to onReject: a table from positions to texts cost a weak-map entry per record.
 */
interface ReadPosition extends RecordPosition {
  text?: string;
}

/** `convert --help`. */
export const convertUsage = `Usage: agent-event-bridge convert [FILE|-] --to FORMAT [options]

Converts a log or stream of agent-run records to another format through the canonical model.

Options:
  --to FORMAT        target format (required): ${'{formats}'}
  --from FORMAT      source format, or auto to detect each record (default: auto)
  --in FRAMING       input framing: auto, jsonl, sse, concat, json (default: auto)
  --out FRAMING      output framing: jsonl, sse, json (default: jsonl)
  --target VERSION   target version for ai-sdk-ui: v5, v6, v7 (default: v7)
  --encode KEY=VALUE an option of the target's encoder, repeatable: shape=auto|events|aggregate
                     (agno, agno-legacy; auto, the default, follows the input: a stored
                     RunOutput / RunResponse / message list stays an aggregate), era=A|B
                     (agno-legacy), form=constructor|stored|openai|tuple (langchain),
                     header=true|false (canonical)
  --decode KEY=VALUE an option of the source's decoder, repeatable: content=delta|cumulative (agno)
  --strict           stop at the first error-level issue (exit 1)
  --relay            carry source records through the target and read carried ones back, so
                     F -> X -> F is exact (canonical, ai-sdk-ui, ai-sdk-stream, langchain carry
                     them); the source's own fields travel too, server-side state included
  --issues FILE      write every issue as JSON lines to FILE, rejects included
  --rejects FILE     write every rejected record (unreadable, or of no known format) to FILE as
                     JSON lines {"line", "text", "error"}, text as read
  --rejects-format raw
                     write each rejected text as read, one after another, instead (a reject
                     that spans lines, in SSE or concatenated JSON, keeps its line breaks)
  --max-record-length N
                     reject a record (a JSONL line, an SSE event, a JSON value) longer than N
                     characters, keeping its first 1024 in --rejects (default 268435456)
  --max-open-runs N  keep at most N runs open at once (default 100000): past it the run opened
                     first is ended as the end of the input ends a run, reported once and counted
  --quiet            no summary and no issue lines on stderr
  -h, --help         this help

Exit codes: 0 converted cleanly, 1 rejected records or a strict-mode error, 2 usage error or a
file that cannot be read or written, 130/143 interrupted by SIGINT/SIGTERM (what was read is
written, --issues and --rejects included).
`;

/** How `--rejects` writes a reject: a JSON line `{line, text, error}`, or the text as read. */
type RejectsFormat = 'jsonl' | 'raw';

const rejectsFormats: readonly RejectsFormat[] = ['jsonl', 'raw'];

/** Runs `convert`; returns the exit code. */
export async function convertCommand(args: string[], interruption?: Interruption): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string' },
      from: { type: 'string', default: 'auto' },
      in: { type: 'string', default: 'auto' },
      out: { type: 'string', default: 'jsonl' },
      target: { type: 'string' },
      encode: { type: 'string', multiple: true },
      decode: { type: 'string', multiple: true },
      strict: { type: 'boolean', default: false },
      relay: { type: 'boolean', default: false },
      issues: { type: 'string' },
      rejects: { type: 'string' },
      'rejects-format': { type: 'string', default: 'jsonl' },
      quiet: { type: 'boolean', default: false },
      'max-record-length': { type: 'string' },
      'max-open-runs': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(convertUsage.replace('{formats}', listFormats().map((format) => format.name).join(', ')));
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`convert takes one input file, got ${positionals.length}`);
  if (values.to === undefined) throw new UsageError('convert needs --to FORMAT');
  const target = getFormat(values.to);
  if (target === undefined) throw new UsageError(`unknown --to format "${values.to}"; known: ${listFormats().map((f) => f.name).join(', ')}`);
  if (values.from !== 'auto' && getFormat(values.from) === undefined) {
    throw new UsageError(`unknown --from format "${values.from}"; known: auto, ${listFormats().map((f) => f.name).join(', ')}`);
  }
  if (!inputFramings.includes(values.in as InputFraming)) throw new UsageError(`--in must be one of ${inputFramings.join(', ')}`);
  if (!outputFramings.includes(values.out as OutputFraming)) throw new UsageError(`--out must be one of ${outputFramings.join(', ')}`);
  if (!rejectsFormats.includes(values['rejects-format'] as RejectsFormat)) throw new UsageError(`--rejects-format must be one of ${rejectsFormats.join(', ')}`);

  const maxRecordLength = positiveWholeNumber('max-record-length', values['max-record-length'], 'characters');
  const maxOpenRuns = positiveWholeNumber('max-open-runs', values['max-open-runs'], 'runs');
  // Adapter options are checked against the formats' schemas before any file is opened: a
  // ConversionError here is a usage error (exit 2) that lists the accepted keys and values.
  const encode = optionsFromText(target.options?.encode, keyValues(values.encode ?? [], '--encode'));
  if (values.target !== undefined) encode.target = values.target;
  checkOptions(target.options?.encode, encode, target.name, 'encode');
  const source = values.from === 'auto' ? undefined : getFormat(values.from);
  const decode = optionsFromText(source?.options?.decode, keyValues(values.decode ?? [], '--decode'));
  if (source !== undefined) checkOptions(source.options?.decode, decode, source.name, 'decode');
  // Everything that can fail on a path fails here, before a byte is read or written.
  const input = openInput(positionals[0]);
  const outputFiles: OutputFile[] = [];
  if (values.issues !== undefined) outputFiles.push({ flag: '--issues', path: values.issues });
  if (values.rejects !== undefined) outputFiles.push({ flag: '--rejects', path: values.rejects });
  const sinks = openOutputs(input, outputFiles);
  const issuesFile: TextSink | undefined = values.issues === undefined ? undefined : sinks[0];
  const rejectsFile: TextSink | undefined = values.rejects === undefined ? undefined : sinks[sinks.length - 1];
  const output = sinkFor(process.stdout, false);
  const printer = createIssuePrinter(values.quiet ? 0 : 20, values.issues === undefined ? 'use --issues FILE to keep them all' : `all in ${values.issues}`);
  const rejectPrinter = createIssuePrinter(20, values.rejects === undefined ? 'use --rejects FILE to keep them' : `all in ${values.rejects}`);
  let unreadable = 0;
  const rejectsFormat = values['rejects-format'] as RejectsFormat;
  /** Each reject once: a line in --rejects; unreadable text is also an issue (unrecognized records already are). */
  const writeReject = (text: string, line: number, error: string): void => {
    rejectsFile?.write(rejectsFormat === 'raw' ? `${text}\n` : `${JSON.stringify({ line, text, error })}\n`);
  };

  const converter = createConverter({
    from: values.from as FormatName | 'auto',
    to: values.to as FormatName,
    strict: values.strict,
    relay: values.relay,
    collectIssues: false,
    encode,
    decode,
    ...(maxOpenRuns === undefined ? {} : { maxOpenRuns }),
    onIssue(issue: Issue) {
      issuesFile?.write(`${JSON.stringify(issue)}\n`);
      printer.print(issue);
    },
    onReject(record, _issue, position) {
      writeReject((position as ReadPosition).text ?? JSON.stringify(record), position.line ?? 0, 'no registered format recognizes it');
    },
  });
  // The writer's issues are the conversion's: counted in the summary, in --issues, on stderr.
  const writer = createRecordWriter(values.out as OutputFraming, target, { onIssue: (issue) => converter.report({ ...issue, format: target.name }) });
  const write = (records: unknown[]): Promise<void> | void => {
    let pending: Promise<void> | void = undefined;
    for (const record of records) {
      const written = output.write(writer.write(record));
      if (written !== undefined) pending = written;
    }
    return pending;
  };

  const closeAll = async (): Promise<void> => {
    await output.close();
    await issuesFile?.close();
    await rejectsFile?.close();
  };
  let exitCode = 0;
  let lastLine = 0;
  try {
    await readInput(
      input,
      values.in as InputFraming,
      (item) => {
        lastLine = item.line;
        if (item.kind === 'reject') {
          unreadable += 1;
          writeReject(item.text, item.line, item.error);
          const issue: Issue = { code: 'invalid-input', level: 'error', line: item.line, message: `record rejected: ${item.error}` };
          issuesFile?.write(`${JSON.stringify(issue)}\n`);
          rejectPrinter.print(issue);
          return;
        }
        for (const warning of item.warnings ?? []) converter.report({ ...warning, line: item.line });
        const position: ReadPosition = item.text === undefined ? { line: item.line } : { line: item.line, text: item.text };
        return write(converter.push(item.record, position));
      },
      {
        progress: !values.quiet,
        signal: interruption?.signal,
        ...(maxRecordLength === undefined ? {} : { maxRecordLength }),
        onInvalidUtf8(offset) {
          const issue: Issue = {
            code: 'approximated',
            level: 'warning',
            message: `invalid UTF-8 in the input (first near byte ${offset}); the bad bytes were read as U+FFFD`,
          };
          issuesFile?.write(`${JSON.stringify(issue)}\n`);
          printer.print(issue);
        },
      },
    );
    // After EPIPE nobody reads the output: ending the runs would only print issues about them.
    if (interruption?.reason !== 'EPIPE') {
      await write(converter.flush());
      await output.write(writer.end());
    }
  } catch (error) {
    if (!(error instanceof ConversionError)) {
      // The input failed (a read error): open runs end with run-error, the files keep their tail.
      await write(converter.fail(error));
      await output.write(writer.end());
      await closeAll();
      throw error;
    }
    process.stderr.write(`error: ${error.message} (strict mode stops here)\n`);
    exitCode = 1;
  }
  await closeAll();
  // The reader closed standard output: it has what it wanted, and the summary would be noise.
  if (interruption?.reason === 'EPIPE') return 0;
  if (interruption?.reason !== undefined) {
    process.stderr.write(`interrupted by ${interruption.reason}: the input was read up to line ${lastLine}, and what it held was written\n`);
  }
  // --quiet promises no issue lines, so not even the count of the ones left unprinted.
  if (!values.quiet) printer.finish();
  rejectPrinter.finish();
  if (!values.quiet) process.stderr.write(formatSummary(converter.stats, unreadable, values.to));
  if (unreadable + converter.stats.unknown > 0) exitCode = 1;
  return exitCode;
}

/** Parses repeated `KEY=VALUE` arguments into adapter options, as text. */
function keyValues(pairs: string[], flag: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`${flag} takes KEY=VALUE, got "${pair}"`);
    options[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return options;
}
