import type { CanonicalEvent } from '../model/event.js';
import { ConversionError, type Issue, type IssueCode, type IssueInput } from '../model/issue.js';
import type { DecodeOptionsOf, EncodeOptionsOf, FormatName } from '../registry.js';
import { type AdapterContext, type AnyFormat, type AnyReader, type AnyWriter, type Decoder, type Encoder, type FormatReader, type FormatWriter, type RelayCarrier, type RelayedGroup, autoReadingOf } from './format.js';
import type { AutoReading } from './auto.js';
import { nestingFaultOf } from './nesting.js';
import { rootFollowUpsOf } from './root-options.js';
import { checkOptions } from './options.js';
import { asDecoded, attachSource, sourceOf, type SourceGroup } from './source.js';
import { append } from '../model/append.js';
import { defaultMaxOpenRuns, unendedRunIssues, type UnendedRun } from '../model/verify.js';
import { envelopeOf } from '../model/explode.js';
import { createOldestFirst } from '../model/oldest-first.js';

/** Where a record came from, for issues and rejects. */
export interface RecordPosition {
  /** One-based line number in the input. */
  line?: number;
}

/** Options shared by decoders, encoders and converters. */
export interface PipelineOptions {
  /** Throw a {@link ConversionError} on the first issue of level `error`. */
  strict?: boolean;
  /** Receives every issue as it is raised. */
  onIssue?: (issue: Issue) => void;
  /**
   * Carry source records through the target (encoding) and read them back (decoding), so that
   * `F → X → F` is exact where X can hold them. Off by default: relayed records are the
   * source format's own fields, server-side state included. A target that cannot hold them
   * (agno, agno 1.x, the Runner) says so in one `dropped` warning with their count.
   */
  relay?: boolean;
  /** Keep issues in `issues` (default true); turn off for unbounded inputs and use `onIssue`. */
  collectIssues?: boolean;
  /**
   * The formats that names (`from: 'agno'`), `auto` detection and relayed records resolve among.
   * The root entry's functions default it to every registered format; elsewhere (the
   * `agent-event-bridge/ai-sdk` helpers) only the formats given are known, so that a bundle holds
   * only the formats it uses.
   */
  formats?: readonly AnyFormat[];
}

/** A format for `from` or `to`: the format itself (`agnoFormat`), or the name of one among `formats`. */
export type FormatReference = FormatName | AnyFormat;

/**
 * A format for `from`: its reading half (`agnoReader`, which bundles no encoder), the whole
 * format (`agnoFormat`), or the name of one among `formats`.
 */
export type ReaderReference = FormatName | AnyReader;

/**
 * A format for `to`: its writing half (`aiSdkUiWriter`, which bundles no decoder), the whole
 * format, or the name of one among `formats`.
 */
export type WriterReference = FormatName | AnyWriter;

/**
 * What a helper outside the root entry needs besides `from`: nothing when `from` is a format
 * object or reader; `formats` when it is a name or `auto` (also when `from` is left out), which
 * resolve among them.
 */
export type FormatsFor<From> = From extends AnyReader ? unknown : { formats: readonly AnyFormat[] };

/** The decoder options for `from`: with `auto`, those of any format (each decoder gets the keys it has). */
export type DecodeOptionsFor<From extends ReaderReference | 'auto'> = From extends FormatName
  ? DecodeOptionsOf<From>
  : From extends FormatReader<infer Options>
    ? Options
    : DecodeOptionsOf<FormatName>;

/** The encoder options for `to`. */
export type EncodeOptionsFor<To extends WriterReference> = To extends FormatName
  ? EncodeOptionsOf<To>
  : To extends FormatWriter<infer Options>
    ? Options
    : never;

/** Options of {@link createDecoder}. */
export interface DecoderOptions<From extends ReaderReference | 'auto' = ReaderReference | 'auto'> extends PipelineOptions {
  /**
   * The format's reader (`agnoReader`) or the format itself (`agnoFormat`), the name of one
   * among `formats`, or `auto` (the default) to detect each record's format among `formats` on
   * its own.
   */
  from?: From;
  /**
   * Options of the decoder (with `auto`, each decoder gets the keys it has). Unknown keys and bad
   * values throw a {@link ConversionError} listing the accepted ones.
   */
  decode?: DecodeOptionsFor<From>;
  /**
   * Receives records that no format claims (with `auto`); without it they become `raw`
   * events of format `unknown`. Receives too, in every format, a record given as an object that
   * refers to itself or nests deeper than 1000 levels (without it, only its issue says so).
   */
  onReject?: (record: unknown, issue: Issue, position: RecordPosition) => void;
  /**
   * How many runs may be open at once (started, not ended or paused); default
   * {@link defaultMaxOpenRuns}. Past it, the run opened first is ended as the end of the input
   * ends a run: its decoder closes what it left open, the encoder writes what its flush would
   * for it, and both forget it. Reported once when it first happens and counted at the end, so
   * that a log of a million runs that never end holds the memory of this many.
   */
  maxOpenRuns?: number;
}

/** Options of {@link createEncoder}. */
export interface EncoderOptions<To extends WriterReference = WriterReference> extends PipelineOptions {
  /** The format's writer (`aiSdkUiWriter`) or the format itself (`aiSdkUiFormat`), or the name of one among `formats`. */
  to: To;
  /**
   * Options of the encoder, such as `{target: 'v5'}` for `ai-sdk-ui` or `{shape: 'events'}` for
   * `agno`. Unknown keys and bad values throw a {@link ConversionError} listing the accepted ones.
   */
  encode?: EncodeOptionsFor<To>;
}

/** Counts a conversion keeps as it goes. */
export interface ConversionStats {
  /** Records read, per detected format. */
  records: Record<string, number>;
  /** Versions seen per detected format (with `auto`). */
  versions: Record<string, string[]>;
  /** Distinct runs per format that decoded them. */
  runsByFormat: Record<string, number>;
  /** Records no format claimed. */
  unknown: number;
  /** Distinct runs seen. */
  runs: number;
  /** Canonical events produced by decoding. */
  events: number;
  /** Records written by encoding. */
  written: number;
  /** Issues raised, per code. */
  issues: Partial<Record<IssueCode, number>>;
}

/** A run still open: the envelope of the first event that named it, kept apart from the event and its record. */
export type OpenRun = Pick<CanonicalEvent, 'runId' | 'parentRunId' | 'sessionId' | 'actor'>;

/** What the converter keeps of an open run. */
interface LiveRun {
  /** The run's canonical id (the key it is kept under). */
  runId: string;
  format: string;
  /** The run's id as its decoder knows it, where the converter renamed it (`id@format`). */
  sourceId?: string;
  /**
   * The envelope of the run's first event, copied: holding the event would hold its source
   * record too, for as long as the run stays open (a log may leave a million runs open).
   */
  opener?: OpenRun;
  /** The index and line of the last record that spoke of the run: where a run without an end was last heard of. */
  index: number;
  line: number | undefined;
}

/** A decoder as the pipeline exposes it: positions, issues and detection included. */
export interface CanonicalDecoder {
  push(record: unknown, position?: RecordPosition): CanonicalEvent[];
  flush(): CanonicalEvent[];
  /**
   * The runs started and not yet ended or paused, each as the envelope of the first event (not
   * a raw record) that named it, in the order they started.
   */
  openRuns(): OpenRun[];
  readonly issues: Issue[];
  readonly stats: ConversionStats;
}

/** The decoder the converter drives: it also hands over records that no event said. */
interface LinkingDecoder extends CanonicalDecoder {
  /** Records that produced no events by the end of the input, per format (emptied). */
  unsaid(): RelayedGroup[];
  /**
   * The runs ended because more than `maxOpenRuns` were open, and those their decoder let go
   * without an end (`Decoder.released`), since the last call (emptied): the encoder forgets them.
   */
  forgotten(): readonly string[];
  /** The open runs (as {@link CanonicalDecoder.openRuns}), each with the last record that spoke of it. */
  unended(): UnendedRun[];
}

/** The encoder the converter drives: it also takes records that no event said. */
interface LinkingEncoder extends CanonicalEncoder {
  /** Writes records that produced no events: verbatim for their own format, relayed elsewhere. */
  unsaid(groups: RelayedGroup[]): unknown[];
  /** Writes what the format's encoder would write for a run at the end, and makes it forget the run (see {@link Encoder.forget}). */
  forget(runId: string): unknown[];
}

/** An encoder as the pipeline exposes it. */
export interface CanonicalEncoder {
  push(event: CanonicalEvent): unknown[];
  flush(): unknown[];
  readonly issues: Issue[];
  /** The format written: the writer or the format `to` named. */
  readonly format: AnyWriter;
}

/** Options of {@link createConverter}: {@link DecoderOptions} and {@link EncoderOptions} together. */
export interface ConverterOptions<From extends ReaderReference | 'auto' = ReaderReference | 'auto', To extends WriterReference = WriterReference>
  extends DecoderOptions<From>,
    Omit<EncoderOptions<To>, keyof PipelineOptions> {}

/** The synchronous core every surface wraps: foreign records in, foreign records out. */
export interface Converter {
  push(record: unknown, position?: RecordPosition): unknown[];
  flush(): unknown[];
  /**
   * Ends a conversion whose source failed: every run still open gets a `run-error` carrying
   * the failure, so consumers see an error rather than a stream that stops mid-run.
   */
  fail(error: unknown): unknown[];
  /**
   * Raises an issue found outside the adapters, such as a framing reader's `warnings` (a number
   * a double cannot hold, a repeated key): counted, collected and delivered like the others.
   */
  report(issue: IssueInput): void;
  readonly issues: Issue[];
  readonly stats: ConversionStats;
}

function emptyStats(): ConversionStats {
  return { records: {}, versions: {}, runsByFormat: {}, unknown: 0, runs: 0, events: 0, written: 0, issues: {} };
}

/** Where a conversion's issues go: counted, collected, delivered, stamped with the record being read. */
export interface IssueSink {
  issues: Issue[];
  stats: ConversionStats;
  position: { index: number; line: number | undefined };
  raise(issue: IssueInput, format?: string): Issue;
}

function createIssueSink(options: PipelineOptions, stats: ConversionStats): IssueSink {
  const issues: Issue[] = [];
  const position = { index: -1, line: undefined as number | undefined };
  return {
    issues,
    stats,
    position,
    raise(input, format) {
      const issue: Issue = { ...input };
      if (issue.format === undefined && format !== undefined) issue.format = format;
      if (issue.index === undefined && position.index >= 0) issue.index = position.index;
      if (issue.line === undefined && position.line !== undefined) issue.line = position.line;
      stats.issues[issue.code] = (stats.issues[issue.code] ?? 0) + 1;
      if (options.collectIssues !== false) issues.push(issue);
      options.onIssue?.(issue);
      if (options.strict === true && issue.level === 'error') throw ConversionError.fromIssue(issue);
      return issue;
    },
  };
}

function createMinter(): (kind: string) => string {
  const counters = new Map<string, number>();
  return (kind) => {
    const next = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, next);
    // The prefix keeps minted ids apart from real ones such as `run-1`.
    return `minted-${kind}-${next}`;
  };
}

function contextFor(sink: IssueSink, format: string, mint: (kind: string) => string): AdapterContext {
  return { report: (issue) => void sink.raise(issue, format), mint, position: sink.position };
}

/** How to give a converter its formats, where none were given: said by both errors that need them. */
const howToGiveFormats = "pass the format object itself (such as agnoFormat from 'agent-event-bridge/agno') or formats: listFormats() from 'agent-event-bridge'";

/** The format a reference names: itself (a format, or one of its halves), or the one of that name among `formats`. */
function resolveFormat<Half extends AnyReader | AnyWriter>(reference: FormatName | Half, role: 'from' | 'to', formats: readonly AnyFormat[]): Half | AnyFormat {
  if (typeof reference !== 'string') return reference;
  const format = formats.find((each) => each.name === reference);
  if (format === undefined) {
    const known = [...formats.map((each) => each.name), ...(role === 'from' ? ['auto'] : [])].join(', ');
    // Outside the root entry no format is known by name unless given: say how to give it.
    const hint = formats.length === 0 ? `; ${howToGiveFormats}` : '';
    throw new ConversionError(`unknown --${role} format "${reference}"; known formats: ${known}${hint}`);
  }
  return format;
}

/**
 * Creates a decoder from a format (or `auto`, among `formats`) to canonical events.
 * @throws ConversionError for an unknown format name, or `auto` without formats.
 */
export function createDecoder<From extends ReaderReference | 'auto' = 'auto'>(options: DecoderOptions<From> = {}): CanonicalDecoder {
  return createDecoderWith(options, createIssueSink(options, emptyStats()), createMinter());
}

/** Links every group: a lone decoder cannot know which encoder its events will meet. */
const linkAll = (): boolean => true;

/** A shared empty list, for the records that restate nothing (most): no array per record. */
const restatesNothing: readonly CanonicalEvent[] = Object.freeze([]);

/** The shared empty list of runs ended early, for the records that end none (all but a few). */
const noRunIds: readonly string[] = Object.freeze([]);

/**
 * @param links whether the events of a format's records are linked to them (see `link`): a
 * converter whose encoder can write back only its own format's records, and relays none,
 * links that format's records only and spares the others the cost.
 * @param encoderForgets whether an encoder takes the runs ended or let go early (`forgotten`):
 * a lone decoder has none to tell, and a list nobody empties would grow with the input.
 */
function createDecoderWith(
  options: DecoderOptions,
  sink: IssueSink,
  mint: (kind: string) => string,
  links: (format: string) => boolean = linkAll,
  encoderForgets = false,
): LinkingDecoder {
  const stats = sink.stats;
  const from = options.from ?? 'auto';
  const formats = options.formats ?? [];
  const decoders = new Map<string, Decoder>();
  /**
   * Open runs by canonical id: the format that decoded them, the first event (not a raw
   * record) that named them and the record that spoke of them last. Bounded by open runs, not input size.
   */
  const live = new Map<string, LiveRun>();

  /** Records of each format that produced no events yet: they travel with the next events. */
  const unsaid = new Map<string, unknown[]>();
  /** Events the record being decoded repeats (see `AdapterContext.restates`). */
  let restating: CanonicalEvent[] | undefined;
  /** Whether the events of the record being decoded were given other run ids. */
  let renamed = false;
  /** Records of a relaying format that relayed groups stand for: decoded for state, not written. */
  let covering: { format: AnyReader; left: number } | undefined;
  /** Formats whose every record so far was covered by relayed groups. */
  const coveredOnly = new Set<string>();
  /** Drops the issues of covered records: they speak of a copy, not of the source. */
  let muted = false;

  function decoderOf(format: AnyReader): Decoder {
    let decoder = decoders.get(format.name);
    if (decoder === undefined) {
      const context: AdapterContext = {
        report: (issue) => {
          if (!muted) sink.raise(issue, format.name);
        },
        mint,
        restates: (event) => void (restating ??= []).push(event),
        position: sink.position,
      };
      decoder = format.createDecoder(context, decodeOptionsOf(format));
      decoders.set(format.name, decoder);
    }
    return decoder;
  }

  /**
   * Links the events one record produced to it (and to the records before it that produced
   * none), so that the record can be written back verbatim. Renamed events are new facts:
   * their records are not.
   */
  function link(format: string, record: unknown, events: CanonicalEvent[]): CanonicalEvent[] {
    if (!links(format)) {
      restating = undefined;
      renamed = false;
      return events;
    }
    let records = unsaid.get(format);
    if (events.length === 0) {
      // A held record says what it restates when its events come: the restated events wait too.
      if (records === undefined) unsaid.set(format, (records = []));
      records.push(record);
      return events;
    }
    const restates = restating ?? restatesNothing;
    restating = undefined;
    if (records !== undefined) {
      unsaid.delete(format);
      records.push(record);
    } else records = [record];
    if (renamed) renamed = false;
    else attachSource(format, records, events, restates);
    return events;
  }

  /**
   * Counts a record's events and follows their runs.
   * @param closing events a decoder gave at the end of the input: no record says them, so they
   * do not move where their runs were last heard of.
   */
  function counted(events: CanonicalEvent[], format: string, closing = false): CanonicalEvent[] {
    stats.events += events.length;
    for (let index = 0; index < events.length; index += 1) {
      let event = events[index] as CanonicalEvent;
      if (event.type === 'raw' && event.format === 'unknown') continue;
      const sourceId = event.runId;
      if (auto !== undefined) {
        const runId = auto.canonicalRunId(event.runId, format);
        const parentRunId = event.parentRunId === undefined ? undefined : auto.canonicalRunId(event.parentRunId, format);
        if (runId !== event.runId || parentRunId !== event.parentRunId) {
          event = { ...event, runId, ...(parentRunId === undefined ? {} : { parentRunId }) };
          events[index] = event;
          renamed = true;
        }
      }
      let run = live.get(event.runId);
      if (run === undefined) {
        run = { runId: event.runId, format, index: sink.position.index, line: sink.position.line };
        if (sourceId !== event.runId) run.sourceId = sourceId;
        live.set(event.runId, run);
        openOrder.add(run);
        stats.runs += 1;
        stats.runsByFormat[format] = (stats.runsByFormat[format] ?? 0) + 1;
      } else if (!closing) {
        run.index = sink.position.index;
        run.line = sink.position.line;
      }
      if (run.opener === undefined && event.type !== 'raw') run.opener = envelopeOf(event);
      // A paused run may resume much later, or never: it is not kept open here (a resume after
      // the pause counts as a run again in the statistics).
      if (event.type === 'run-end' || event.type === 'run-error' || event.type === 'run-cancel' || event.type === 'run-pause') {
        live.delete(event.runId);
        auto?.ended(format, run.sourceId ?? event.runId);
      }
    }
    return events;
  }

  const maxOpenRuns = options.maxOpenRuns ?? defaultMaxOpenRuns;
  if (!Number.isSafeInteger(maxOpenRuns) || maxOpenRuns < 1) throw new ConversionError(`maxOpenRuns: ${maxOpenRuns} is not a positive whole number`);
  /** Runs ended because too many were open: how many, and those the encoder has not forgotten yet. */
  let evicted = 0;
  /** Where the first run was ended so: the count at the end points there. */
  let firstEviction: { index: number; line: number | undefined } | undefined;
  let forgotten: string[] = [];
  /** The open runs in the order they opened, for the one opened first. */
  const openOrder = createOldestFirst<LiveRun>((run) => live.get(run.runId) === run, () => live.size);

  /**
   * Ends the run opened first, as the end of the input would end it, while more than
   * `maxOpenRuns` are open: its decoder closes what it left open (events no record says, which
   * its own format writes nothing for) and forgets it; the converter's encoder forgets it next.
   * The closing events come before the events of the record that opened one run too many, so
   * that a consumer bounded the same way (the lifecycle checker) sees the run close before it
   * lets it go.
   */
  function keepOpenRunsBounded(events: CanonicalEvent[]): CanonicalEvent[] {
    if (live.size <= maxOpenRuns) return events;
    const out: CanonicalEvent[] = [];
    while (live.size > maxOpenRuns) {
      const run = openOrder.oldest() as LiveRun;
      const runId = run.runId;
      evicted += 1;
      if (firstEviction === undefined) {
        firstEviction = { index: sink.position.index, line: sink.position.line };
        sink.raise({
          code: 'approximated',
          level: 'warning',
          runId,
          message: `more than ${maxOpenRuns} runs open: the oldest, "${runId}", was ended here as at the end of the input, as is each after it (maxOpenRuns)`,
        });
      }
      const decoder = decoders.get(run.format);
      const closing = decoder === undefined ? [] : counted(decoder.forget(run.sourceId ?? runId), run.format, true);
      if (closing.length > 0 && links(run.format)) attachSource(run.format, [], closing);
      live.delete(runId);
      auto?.ended(run.format, run.sourceId ?? runId);
      if (encoderForgets) forgotten.push(runId);
      if (decoder !== undefined) letGo(run.format, decoder);
      append(out, closing);
    }
    return append(out, events);
  }

  /**
   * Stops following the runs a format's decoder let go without an end (`Decoder.released`): its
   * source says nothing more of them, so the encoder writes now what its flush would for them.
   * They are not counted as ended early, and the end of the input does not list them as unended.
   */
  function letGo(format: string, decoder: Decoder): void {
    const released = decoder.released?.();
    if (released === undefined || released.length === 0) return;
    for (const sourceId of released) {
      const runId = auto === undefined ? sourceId : auto.canonicalRunId(sourceId, format);
      if (live.get(runId)?.format !== format) continue;
      live.delete(runId);
      auto?.ended(format, sourceId);
      if (encoderForgets) forgotten.push(runId);
    }
  }

  const fixed = from === 'auto' ? undefined : resolveFormat<AnyReader>(from, 'from', formats);
  /** The part of the decoder that detects each record's format: with `auto` only. */
  const auto = fixed === undefined ? createAuto() : undefined;
  const fixedOptions = fixed === undefined ? undefined : checkOptions(fixed.options?.decode, options.decode, fixed.name, 'decode');
  /** The options each format's decoder gets: with `auto`, each key goes to the formats that have it. */
  const decodeOptionsOf = (format: AnyReader): unknown => (auto === undefined ? fixedOptions : auto.decodeOptionsOf(format));
  let counter = -1;

  /**
   * The `auto` part, from the root entry (`autoReadingOf(options)`) or from the formats given:
   * every full format carries it, a reader does not, so that reading with a reader bundles none.
   * @throws ConversionError when no formats were given, or none carries it.
   */
  function createAuto(): AutoReading {
    if (formats.length === 0) {
      throw new ConversionError(`from: 'auto' detects among the formats given, and none were: ${howToGiveFormats}`);
    }
    const factory = autoReadingOf(options) ?? formats.map(autoReadingOf).find((each) => each !== undefined);
    if (factory === undefined) {
      throw new ConversionError(
        "from: 'auto' needs a format made with defineFormat or composeFormat among the formats given (a copy such as {...agnoFormat} is not one): make yours with defineFormat, or use the root entry's functions",
      );
    }
    return factory({ formats, sink, onReject: options.onReject, decode, counted, ownerOf: (runId) => live.get(runId)?.format }, options.decode as Record<string, unknown> | undefined);
  }

  function decode(format: AnyReader, record: unknown, index: number, line: number | undefined): CanonicalEvent[] {
    sink.position.index = index;
    sink.position.line = line;
    stats.records[format.name] = (stats.records[format.name] ?? 0) + 1;
    coveredOnly.delete(format.name);
    if (typeof record !== 'object' || record === null) {
      // No format has bare numbers, strings, booleans or nulls as records.
      sink.raise({
        code: 'invalid-input',
        level: 'error',
        format: format.name,
        message: `a ${record === null ? 'null' : typeof record} is not a ${format.name} record; kept as raw`,
      });
      return counted([{ type: 'raw', runId: 'unknown', format: format.name, payload: record }], format.name);
    }
    const decoder = decoderOf(format);
    const events = link(format.name, record, counted(decoder.push(record), format.name));
    letGo(format.name, decoder);
    return events;
  }

  /**
   * Reads what a relaying record carries: the source records are decoded by their own format
   * (so they link as if read first-hand), and the relaying format's records that stood for them
   * are decoded for its state only.
   */
  function relayed(carrier: RelayCarrier, format: AnyReader, index: number, line: number | undefined): CanonicalEvent[] {
    const events: CanonicalEvent[] = [];
    for (const group of carrier.groups) {
      const source = group.format === fixed?.name ? fixed : formats.find((each) => each.name === group.format);
      if (source === undefined || !Array.isArray(group.records)) {
        sink.position.index = index;
        sink.position.line = line;
        sink.raise({
          code: 'invalid-input',
          level: 'error',
          format: format.name,
          message: `a relayed group names format "${String(group.format)}", which is not among the formats given; its records were not read`,
        });
        continue;
      }
      for (const record of group.records) for (const event of decode(source, record, index, line)) events.push(event);
    }
    covering = carrier.covers > 0 ? { format, left: carrier.covers } : undefined;
    if (carrier.inner !== undefined) cover(carrier.inner);
    return events;
  }

  /** Decodes a covered record for its format's state; its events are the relayed ones. */
  function cover(record: unknown): void {
    if (covering === undefined) return;
    const format = covering.format;
    covering.left -= 1;
    if (covering.left <= 0) covering = undefined;
    muted = true;
    const decoder = decoderOf(format);
    try {
      decoder.push(record);
    } finally {
      muted = false;
    }
    // What a covered record lets go was never followed: the list only needs emptying.
    decoder.released?.();
    stats.records[format.name] = (stats.records[format.name] ?? 0) + 1;
  }

  /** The carrier a record holds, when relayed records are read. */
  function carrierOf(record: unknown): { carrier: RelayCarrier; format: AnyReader } | undefined {
    if (options.relay !== true) return undefined;
    for (const format of fixed === undefined ? formats : [fixed]) {
      const carrier = format.relay?.unwrap(record);
      if (carrier !== undefined) return { carrier, format };
    }
    return undefined;
  }

  /**
   * Rejects a record given as an object that stands for no JSON a reader can take, before any
   * decoder walks it: to `onReject` when given, else in the issue alone (a `raw` event would
   * carry it to writers that cannot write it either).
   */
  function reject(record: unknown, fault: string, position: RecordPosition): CanonicalEvent[] {
    sink.position.index = counter;
    sink.position.line = position.line;
    const issue = sink.raise({
      code: 'invalid-input',
      level: 'error',
      ...(fixed === undefined ? {} : { format: fixed.name }),
      message: `${fault}; ${options.onReject === undefined ? 'it was not read' : 'it went to onReject'}`,
    });
    options.onReject?.(record, issue, position);
    return [];
  }

  /** Decodes one record, or queues it until its format is settled. */
  function read(record: unknown, position: RecordPosition): CanonicalEvent[] {
    counter += 1;
    // A record read from text (it has a line) came from JSON.parse under the text bound on
    // nesting: it holds no cycle and no depth to fear, and is not walked again.
    const fault = position.line === undefined ? nestingFaultOf(record) : undefined;
    if (fault !== undefined) return reject(record, fault, position);
    const relay = carrierOf(record);
    if (relay !== undefined) {
      if (!decoders.has(relay.format.name)) coveredOnly.add(relay.format.name);
      return relayed(relay.carrier, relay.format, counter, position.line);
    }
    if (covering !== undefined) {
      cover(record);
      return [];
    }
    if (fixed !== undefined) return decode(fixed, record, counter, position.line);
    return (auto as AutoReading).read(record, counter, position);
  }

  return {
    issues: sink.issues,
    stats,
    openRuns() {
      return [...live.values()].flatMap((run) => (run.opener === undefined ? [] : [run.opener]));
    },
    unended() {
      // unendedRunIssues leaves out a line that is undefined.
      return [...live.values()].flatMap((run) => (run.opener === undefined ? [] : [{ runId: run.runId, index: run.index, line: run.line }]));
    },
    push(record, position = {}) {
      return keepOpenRunsBounded(read(record, position));
    },
    flush() {
      const events = auto === undefined ? [] : auto.flush();
      sink.position.line = undefined;
      for (const [name, decoder] of decoders) {
        if (coveredOnly.has(name)) {
          // Every record of this format stood for relayed ones: what it closes is not the source's.
          muted = true;
          decoder.flush();
          muted = false;
          continue;
        }
        const closing = counted(decoder.flush(), name, true);
        // What a decoder closes at the end is said by no record (or by those that said nothing
        // yet): its own format writes nothing more for it.
        const records = unsaid.get(name);
        if (closing.length > 0) {
          unsaid.delete(name);
          if (links(name)) attachSource(name, records ?? [], closing);
        }
        for (const event of closing) events.push(event);
      }
      if (firstEviction !== undefined) {
        sink.raise({
          ...(firstEviction.line === undefined ? {} : { line: firstEviction.line }),
          index: firstEviction.index,
          code: 'approximated',
          level: 'warning',
          message: `${evicted} runs were ended early: more than ${maxOpenRuns} runs open (maxOpenRuns)`,
        });
      }
      return events;
    },
    unsaid() {
      const left = [...unsaid].map(([format, records]) => ({ format, records }));
      unsaid.clear();
      return left;
    },
    forgotten() {
      // Asked after every record: no list is made while no run was ended early.
      if (forgotten.length === 0) return noRunIds;
      const ids = forgotten;
      forgotten = [];
      return ids;
    },
  };
}

/**
 * Creates an encoder from canonical events to a format. A `raw` event of the
 * same format is written back verbatim; the adapter decides (and reports) for others.
 * @throws ConversionError for an unknown format name.
 */
export function createEncoder<To extends WriterReference>(options: EncoderOptions<To>): CanonicalEncoder {
  const stats = emptyStats();
  return createEncoderWith(options, createIssueSink(options, stats), createMinter());
}

function createEncoderWith(options: EncoderOptions, sink: IssueSink, mint: (kind: string) => string): LinkingEncoder {
  const format = resolveFormat<AnyWriter>(options.to, 'to', options.formats ?? []);
  const relay = options.relay === true ? format.relay : undefined;
  /** Where relay was asked of a format that cannot carry records: what was left behind, to say so once. */
  const uncarried = rootFollowUpsOf(options)?.report(options, format, sink);
  const encodeOptions = checkOptions(format.options?.encode, options.encode, format.name, 'encode');
  const context = contextFor(sink, format.name, mint);
  const encoder: Encoder = format.createEncoder(context, encodeOptions);
  /** A record of this format written back: as it was read, or as the format rewrites it for these options. */
  const writeBack = (record: unknown): unknown => (format.rewriteSource === undefined ? record : format.rewriteSource(record, encodeOptions, context));
  /** This encoder, as the groups it wrote back verbatim know it. */
  const token = {};
  /** The source group whose events are arriving, how it is written, and its events so far. */
  let group: SourceGroup | undefined;
  let mode: 'verbatim' | 'relay' = 'verbatim';
  let held: CanonicalEvent[] = [];
  /** What the encoder wrote for a relayed group so far. */
  let written: unknown[] = [];
  /** Relayed groups waiting for records to ride with. */
  let relaying: RelayedGroup[] = [];

  function write(event: CanonicalEvent, out: unknown[]): void {
    if (event.type === 'raw' && event.format === format.name) {
      out.push(event.payload);
      return;
    }
    for (const record of encoder.push(event)) out.push(record);
  }

  /** Whether the last group of its own format with records was written verbatim. */
  let lastFits = false;

  /**
   * How this encoder can write a group from its source records, if it can: only if the events its
   * records restate were written from their records too (none was edited since).
   */
  function modeFor(source: SourceGroup): 'verbatim' | 'relay' | undefined {
    const own = source.format === format.name;
    // What a decoder closes at the end (no records) follows the records it closes.
    if (own && source.records.length > 0) lastFits = format.sourceFits === undefined || source.records.every((record) => format.sourceFits?.(record, encodeOptions, context));
    if ((own ? lastFits : relay !== undefined) && source.restates.every((event) => sourceOf(event)?.writtenBy?.includes(token) === true)) return own ? 'verbatim' : 'relay';
    return undefined;
  }

  /** Writes records with the relayed groups that stand for them. */
  function carry(records: unknown[], out: unknown[]): void {
    if (relay === undefined || relaying.length === 0) {
      for (const record of records) out.push(record);
      return;
    }
    if (records.length === 0) return;
    const carrier: RelayCarrier = { groups: relaying, covers: records.length };
    relaying = [];
    for (const record of relay.wrap(carrier, records, encodeOptions)) out.push(record);
  }

  /** Ends a group whose every event arrived unchanged. */
  function finish(out: unknown[]): void {
    const done = group as SourceGroup;
    group = undefined;
    held = [];
    (done.writtenBy ??= []).push(token);
    if (mode === 'verbatim') {
      // The encoder never sees these events: its output for them would be a copy.
      for (const record of done.records) out.push(writeBack(record));
      return;
    }
    const records = written;
    written = [];
    relaying.push({ format: done.format, records: [...done.records] });
    carry(records, out);
  }

  /**
   * Ends a group cut short by a changed or foreign event: the encoder writes what arrived. A
   * relayed group's events that arrived ride as canonical events instead of its records, as any
   * event written from its fields does where relay carries records (see `push`).
   */
  function release(out: unknown[]): void {
    group = undefined;
    if (mode === 'verbatim') for (const event of held) write(event, out);
    else {
      relaying.push({ format: 'canonical', records: held });
      carry(written, out);
    }
    held = [];
    written = [];
  }



  /** Takes one event of the open group. */
  function take(event: CanonicalEvent, out: unknown[]): void {
    held.push(event);
    if (mode === 'relay') write(event, written);
    if (held.length === (group as SourceGroup).events.length) finish(out);
  }

  return {
    format,
    issues: sink.issues,
    push(event) {
      const out: unknown[] = [];
      if (group !== undefined) {
        if (sourceOf(event) === group && asDecoded(group, held.length, event)) {
          take(event, out);
          return out;
        }
        release(out);
      }
      const source = sourceOf(event);
      const next = source !== undefined && asDecoded(source, 0, event) ? modeFor(source) : undefined;
      if (next !== undefined) {
        group = source;
        mode = next;
        take(event, out);
        return out;
      }
      // Its records, if any, are not carried: the event is written from its fields.
      if (source !== undefined) uncarried?.left(source);
      // Where relay carries records, an event of another format's group, or of none (an edit or
      // the caller made it), rides as a canonical event: the way back reads it as written, edit
      // included, not the records that stood for the events around it (they cover its output too).
      if (relay !== undefined && format.name !== 'canonical' && source?.format !== format.name) relaying.push({ format: 'canonical', records: [event] });
      if (relay === undefined || relaying.length === 0) write(event, out);
      else {
        const records: unknown[] = [];
        write(event, records);
        carry(records, out);
      }
      return out;
    },
    flush() {
      const out: unknown[] = [];
      if (group !== undefined) release(out);
      carry(encoder.flush(), out);
      if (relaying.length > 0 && relay !== undefined) {
        for (const record of relay.wrap({ groups: relaying, covers: 0 }, [], encodeOptions)) out.push(record);
        relaying = [];
      }
      uncarried?.flush();
      return out;
    },
    forget(runId) {
      const out: unknown[] = [];
      carry(encoder.forget(runId), out);
      return out;
    },
    unsaid(groups) {
      const out: unknown[] = [];
      for (const each of groups) {
        if (each.format === format.name) for (const record of each.records) out.push(writeBack(record));
        else if (relay !== undefined) relaying.push(each);
        else uncarried?.left(each);
      }
      return out;
    },
  };
}

/**
 * Creates the synchronous converter every surface wraps: decode each record, encode each event.
 * @throws ConversionError for unknown format names.
 */
export function createConverter<From extends ReaderReference | 'auto' = 'auto', To extends WriterReference = WriterReference>(
  options: ConverterOptions<From, To>,
): Converter {
  // One sink for both halves, so issues keep their order and name the record being read.
  const sink = createIssueSink(options, emptyStats());
  const mint = createMinter();
  // The encoder writes back records of its own format, and relays others only when asked to:
  // only the groups it can write from their records need linking. The canonical encoder hands
  // out the event objects themselves, which may meet another encoder later: they keep theirs.
  // (Asked once decoding starts, when the encoder exists: the decoder's option errors come first.)
  // With relay asked of a format that cannot carry records, the links count what was left behind.
  const links = (format: string): boolean => format === encoder.format.name || encoder.format.name === 'canonical' || options.relay === true;
  // The halves take any format's options: the types above already tied them to `from` and `to`.
  const decoder = createDecoderWith(options as DecoderOptions, sink, mint, links, true);
  const encoder = createEncoderWith(options as EncoderOptions, sink, mint);
  const stats = sink.stats;

  function encodeAll(events: CanonicalEvent[], out: unknown[]): unknown[] {
    for (const event of events) {
      const records = encoder.push(event);
      for (const record of records) out.push(record);
    }
    return out;
  }

  return {
    issues: sink.issues,
    stats,
    push(record, position = {}) {
      const out = encodeAll(decoder.push(record, position), []);
      // Runs ended because too many were open: the encoder writes what its flush would for them.
      for (const runId of decoder.forgotten()) append(out, encoder.forget(runId));
      stats.written += out.length;
      return out;
    },
    flush() {
      const out = encodeAll(decoder.flush(), []);
      for (const record of encoder.unsaid(decoder.unsaid())) out.push(record);
      for (const issue of unendedRunIssues(decoder.unended(), 'the input stopped while it was running')) sink.raise(issue);
      for (const record of encoder.flush()) out.push(record);
      stats.written += out.length;
      return out;
    },
    report(issue) {
      sink.raise(issue);
    },
    fail(error) {
      const message = error instanceof Error ? error.message : String(error);
      const type = error instanceof Error ? error.name : 'Error';
      sink.raise({ code: 'invalid-input', level: 'warning', message: `the input failed: ${message}; open runs were ended with run-error` });
      const failures: CanonicalEvent[] = [];
      // Members first, so that no parent ends before its members.
      for (const first of decoder.openRuns().reverse()) {
        const failure: CanonicalEvent = { type: 'run-error', runId: first.runId, error: { message, type } };
        if (first.parentRunId !== undefined) failure.parentRunId = first.parentRunId;
        if (first.sessionId !== undefined) failure.sessionId = first.sessionId;
        if (first.actor !== undefined) failure.actor = first.actor;
        failures.push(failure);
      }
      const out = encodeAll(failures, []);
      for (const record of encoder.flush()) out.push(record);
      stats.written += out.length;
      return out;
    },
  };
}
