import type { CanonicalEvent } from '../model/event.js';
import type { IssueCode, IssueInput, IssueLevel } from '../model/issue.js';
import type { OptionsSchema } from './options.js';
import { type AutoReadingFactory, createAutoReading } from './auto.js';

/** What adapters get from the pipeline while decoding or encoding. */
export interface AdapterContext {
  /** Reports an issue; the pipeline stamps the format and the record's index and line. */
  report(issue: IssueInput): void;
  /**
   * Mints a deterministic id (`minted-${kind}-${n}`, counted per conversion): never clocks or randomness.
   * Callers report the minting themselves where the id replaces one the source should have had.
   */
  mint(kind: string): string;
  /**
   * Says that the record being decoded repeats fields of an earlier event (agno's
   * `ToolCallCompleted` restates its call's arguments), so the record is written back verbatim
   * only when that event, too, reaches the encoder unchanged.
   */
  restates?(event: CanonicalEvent): void;
  /**
   * Where the record being read is: its zero-based index in the conversion and its line, where
   * the input had lines. The pipeline updates it as it reads (read it when needed; copy what you keep).
   */
  readonly position?: Readonly<{ index: number; line: number | undefined }>;
}

/** A synchronous decoder: one foreign record in, canonical events out. */
export interface Decoder {
  /** Decodes one record; may buffer and return nothing yet. */
  push(record: unknown): CanonicalEvent[];
  /** Ends the input: returns what was buffered, closing what the source left open. */
  flush(): CanonicalEvent[];
  /**
   * Ends one run as the end of the input would (what {@link Decoder.flush} gives for it) and
   * releases what the decoder keeps for it: the pipeline calls it for the oldest open run when
   * more runs are open than `maxOpenRuns`. A run the decoder does not know gives nothing.
   */
  forget(runId: string): CanonicalEvent[];
  /**
   * The runs of which the source can say nothing more, since the last call (emptied): a Runner
   * turn that closed, some of its runs without an end. Those the pipeline still follows stay
   * unended; it stops following them and the encoder writes for each what its flush would, as
   * for a run `maxOpenRuns` ends, instead of keeping them to the end of the input. Ended runs
   * may be listed too (they are passed over). The pipeline asks after every record: return the
   * same empty list while there are none.
   */
  released?(): readonly string[];
}

/** A synchronous encoder: canonical events in, foreign records out. */
export interface Encoder {
  /** Encodes one event; may buffer and return nothing yet. */
  push(event: CanonicalEvent): unknown[];
  /** Ends the output: returns what was buffered (snapshots, closing records). */
  flush(): unknown[];
  /**
   * Ends the output of one run, which gets no more events: returns what {@link Encoder.flush}
   * would write for it (a snapshot of a top-level run with its members) and releases what the
   * encoder keeps for it. A run the encoder does not know gives nothing.
   */
  forget(runId: string): unknown[];
}

/** How sure a format is that a record is its own. */
export interface Detection {
  /** 0 – 1; 1 means only this format has such records. */
  confidence: number;
  /** The version range the record belongs to, as precise as the record allows. */
  version?: string;
  /**
   * An id the records of one stream share (the run id), so that an ambiguous record can be
   * settled by the decisive records of its own stream. Default: the session id and the run id
   * (`run_id`, `runId` or `invocation_id`).
   */
  stream?: string;
  /**
   * For formats without stream ids (AI SDK): whether the record opens (`start`) or closes
   * (`finish`) a stream, so that an ambiguous opening record goes to a format with no stream open.
   */
  boundary?: 'open' | 'close';
}

/** One SSE frame. */
export interface SseFrame {
  event?: string;
  /** The `id:` field (the event index a client resumes from). */
  id?: string;
  data: string;
}

/** Something a format cannot carry, declared once so docs and the README table derive from it. */
export interface LossDeclaration {
  /** What is lost or approximated, in a few words. */
  what: string;
  /** Whether it is lost on `decode` (foreign → canonical) or `encode` (canonical → foreign). */
  direction: 'decode' | 'encode';
  code: IssueCode;
  level: IssueLevel;
  /** How it is reported or where it goes instead. */
  note?: string;
}

/**
 * The reading half of a format: what `from` needs (its name, its decoder factory, its decoder's
 * options, and how relayed records ride in its records). A program that only reads a format
 * imports this half (`agnoReader`), so that its bundle holds no encoder of that format. A full
 * {@link FormatDefinition} is a reader too.
 * @typeParam DecodeOptions options of its decoder.
 */
export interface FormatReader<DecodeOptions = Record<string, unknown>> {
  name: string;
  createDecoder(context: AdapterContext, options?: DecodeOptions): Decoder;
  /**
   * The schema of the decoder's options (a strict object): the pipeline checks the options
   * against it before converting, and refuses unknown keys and bad values with a
   * `ConversionError` that lists what is accepted. Without it options are passed unchecked.
   */
  options?: { decode: OptionsSchema<DecodeOptions> };
  /** How relayed records are read out of this format's records (`relay: true`). */
  relay?: Pick<RelayCarriage, 'unwrap'>;
}

/**
 * The writing half of a format: what `to` needs (its name, its encoder factory, its encoder's
 * options, its SSE framing and how it writes back records it read). A program that only writes a
 * format imports this half (`aiSdkUiWriter`), so that its bundle holds no decoder of that format.
 * A full {@link FormatDefinition} is a writer too.
 * @typeParam EncodeOptions options of its encoder.
 */
export interface FormatWriter<EncodeOptions = Record<string, unknown>> {
  name: string;
  createEncoder(context: AdapterContext, options?: EncodeOptions): Encoder;
  /** The schema of the encoder's options, checked as {@link FormatReader.options} is. */
  options?: { encode: OptionsSchema<EncodeOptions> };
  /** Frames one written record for `--out sse`; default: one `data:` line of JSON. */
  sseFrame?(record: unknown): SseFrame;
  /** Whether the SSE stream ends with `data: [DONE]`. */
  sseDone?: boolean;
  /** Headers a server sends with this format's SSE stream. */
  sseHeaders?: Record<string, string>;
  /**
   * Whether a record this format read may be written back verbatim by an encoder made with
   * these options (default: always). An agno event stream asked for as an aggregate may not:
   * the encoder writes it from its canonical fields, and `sourceFits` reports (through `context`,
   * once per conversion: `reportUnfitSource`) the fields only the record held, which that leaves out.
   */
  sourceFits?(record: unknown, options: EncodeOptions | undefined, context: AdapterContext): boolean;
  /**
   * The record written back for a record this format read, for an encoder made with these
   * options (default: the record itself): the same record in the serialized form or version the
   * options ask for, where the format has several. Only called for records `sourceFits` accepts.
   * @param context reports what the rewrite cannot keep (a field the version asked for lacks).
   */
  rewriteSource?(record: unknown, options: EncodeOptions | undefined, context: AdapterContext): unknown;
  /** How other formats' records ride in this format's records when a conversion asks for `relay`. */
  relay?: Pick<RelayCarriage, 'wrap'>;
}

/**
 * What a registered format adds to its two halves: the fields that names, `auto` detection, the
 * CLI and the documentation use.
 */
export interface FormatDescription {
  /** Human-readable name of what it reads and writes. */
  title: string;
  /** Versions read and written, for `detect` and the README's format table. */
  versions: { read: string; write: string };
  /** Scores one parsed record; undefined when the record is certainly not of this format. */
  detect(record: unknown): Detection | undefined;
  /** What the format cannot carry, for the 'what is lost where' table. */
  losses: LossDeclaration[];
}

/**
 * A registered format: its name (the CLI's `--from`/`--to` value), detection, a decoder and an
 * encoder factory, and its SSE framing; both a {@link FormatReader} and a {@link FormatWriter}.
 * @typeParam DecodeOptions options of its decoder.
 * @typeParam EncodeOptions options of its encoder.
 */
export interface FormatDefinition<DecodeOptions = Record<string, unknown>, EncodeOptions = Record<string, unknown>>
  extends FormatReader<DecodeOptions>,
    FormatWriter<EncodeOptions>,
    FormatDescription {
  /** The schemas of the decoder's and encoder's options (see {@link FormatReader.options}). */
  options?: { decode: OptionsSchema<DecodeOptions>; encode: OptionsSchema<EncodeOptions> };
  /** How the format carries other formats' records when a conversion asks for `relay`. */
  relay?: RelayCarriage;
}

/** The records of one source group that a relay carries through another format. */
export interface RelayedGroup {
  format: string;
  records: unknown[];
}

/** What a relaying record holds: source groups, and how many written records they stand for. */
export interface RelayCarrier {
  groups: RelayedGroup[];
  /**
   * How many records (counting `inner`) the groups replace on the way back: the records the
   * relaying format wrote for the same events.
   */
  covers: number;
  /** The format's own record the groups rode in, when they ride inside one rather than alone. */
  inner?: unknown;
}

/** A format's way of carrying relayed records (in a record of its own, or in metadata). */
export interface RelayCarriage {
  /**
   * Writes `carrier` into the records written for the events of its groups: as a record of
   * its own before them, or inside the first of them (then `covers` counts it). `options` are the
   * encoder's (a carrier is written as the records beside it are).
   */
  // biome-ignore lint: the options are checked by each adapter's own factory.
  wrap(carrier: RelayCarrier, records: unknown[], options?: any): unknown[];
  /** The carrier a record holds, or undefined for an ordinary record. */
  unwrap(record: unknown): RelayCarrier | undefined;
}

/** Any format definition, whatever its options. */
// biome-ignore lint: the options are checked by each adapter's own factory.
export type AnyFormat = FormatDefinition<any, any>;

/** Any format reader (a full format is one), whatever its options. */
// biome-ignore lint: the options are checked by each adapter's own factory.
export type AnyReader = FormatReader<any>;

/** Any format writer (a full format is one), whatever its options. */
// biome-ignore lint: the options are checked by each adapter's own factory.
export type AnyWriter = FormatWriter<any>;

/**
 * The key under which a full format carries what `from: 'auto'` runs (`createAutoReading`).
 * `auto` detects among full formats, so each of them brings it: the converter finds it there, and
 * a program that only reads with a format's reader bundles no detection. Registered with
 * `Symbol.for`, so that the ESM and CommonJS builds of the package see one key.
 */
const autoReadingKey = /* @__PURE__ */ Symbol.for('agent-event-bridge.auto-reading');

/** Something that may carry the `auto` reading: a full format, or the root entry's options. */
interface CarriesAutoReading {
  [autoReadingKey]?: AutoReadingFactory;
}

/**
 * Gives an object the `auto` reading, as a property that is not enumerable (a format compares,
 * prints and serializes as before). An object that cannot take properties is copied first.
 */
export function carryingAutoReading<Holder extends object>(holder: Holder): Holder {
  if (!Object.isExtensible(holder)) return carryingAutoReading({ ...holder });
  if ((holder as CarriesAutoReading)[autoReadingKey] === undefined) Object.defineProperty(holder, autoReadingKey, { value: createAutoReading });
  return holder;
}

/** The `auto` reading an object carries, if it does (see {@link carryingAutoReading}). */
export function autoReadingOf(holder: object): AutoReadingFactory | undefined {
  return (holder as CarriesAutoReading)[autoReadingKey];
}

/**
 * Defines a format with its option types checked. Returns the definition itself, carrying what
 * `from: 'auto'` needs to detect among formats (see {@link carryingAutoReading}).
 */
export function defineFormat<DecodeOptions, EncodeOptions>(
  definition: FormatDefinition<DecodeOptions, EncodeOptions>,
): FormatDefinition<DecodeOptions, EncodeOptions> {
  return carryingAutoReading(definition);
}

/** Defines the reading half of a format with its option types checked; an identity function for inference. */
export function defineReader<DecodeOptions>(reader: FormatReader<DecodeOptions>): FormatReader<DecodeOptions> {
  return reader;
}

/** Defines the writing half of a format with its option types checked; an identity function for inference. */
export function defineWriter<EncodeOptions>(writer: FormatWriter<EncodeOptions>): FormatWriter<EncodeOptions> {
  return writer;
}

/**
 * The union of what a format's reader and writer hold of one kind (option schemas, relay
 * functions): both or neither, as a full format has them.
 */
function joined<Reading extends object, Writing extends object>(name: string, what: string, reading: Reading | undefined, writing: Writing | undefined): (Reading & Writing) | undefined {
  if (reading === undefined && writing === undefined) return undefined;
  if (reading === undefined || writing === undefined) throw new Error(`format "${name}": its reader and writer must both have ${what}, or neither`);
  return { ...reading, ...writing };
}

/**
 * A full format made of its two halves and its description: what the registry, `auto`, the CLI
 * and the docs use. Called with `@__PURE__`, so that a program that imports only one half (or
 * neither) bundles no copy of the other.
 * @throws Error when the halves name different formats, or only one has option schemas or relay.
 */
export function composeFormat<DecodeOptions, EncodeOptions>(
  reader: FormatReader<DecodeOptions>,
  writer: FormatWriter<EncodeOptions>,
  description: FormatDescription,
): FormatDefinition<DecodeOptions, EncodeOptions> {
  const name = reader.name;
  if (writer.name !== name) throw new Error(`a format's reader and writer name one format; got "${name}" and "${writer.name}"`);
  const { options: decodeOptions, relay: unwrapping, ...reading } = reader;
  const { options: encodeOptions, relay: wrapping, ...writing } = writer;
  const format: FormatDefinition<DecodeOptions, EncodeOptions> = { ...writing, ...reading, ...description };
  const options = joined(name, 'option schemas', decodeOptions, encodeOptions);
  const relay = joined(name, 'relay', unwrapping, wrapping);
  if (options !== undefined) format.options = options;
  if (relay !== undefined) format.relay = relay;
  return carryingAutoReading(format);
}
