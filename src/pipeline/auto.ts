import type { CanonicalEvent } from '../model/event.js';
import { ConversionError } from '../model/issue.js';
import { append } from '../model/append.js';
import { choose, isDecisive, rankFormats, type RecordDetection } from '../detect.js';
import type { AnyFormat, AnyReader } from './format.js';
import type { DecoderOptions, IssueSink, RecordPosition } from './converter.js';
import { checkOptions, describeOptions } from './options.js';

// `from: 'auto'`: the decoder's part that detects each record's format among the formats given.
// It lives apart from the converter and reaches it through the full formats (see `autoReading`
// in format.ts), so that a program that reads with a format's reader bundles none of it.

/** What the decoder that reads with `auto` lends it. */
export interface AutoHost {
  /** The formats records are detected among. */
  readonly formats: readonly AnyFormat[];
  /** The decoder's issues, statistics and position. */
  readonly sink: IssueSink;
  /** Receives records that no format claims (`DecoderOptions.onReject`). */
  readonly onReject: DecoderOptions['onReject'];
  /** Decodes a record whose format is settled. */
  decode(format: AnyReader, record: unknown, index: number, line: number | undefined): CanonicalEvent[];
  /** Counts and follows events no format decoded (the `raw` event of a record no format claims). */
  counted(events: CanonicalEvent[], format: string): CanonicalEvent[];
  /** The format whose run is open under this canonical id, if one is. */
  ownerOf(runId: string): string | undefined;
}

/** What the decoder asks of `auto`. */
export interface AutoReading {
  /** The decoder options of one format: each key goes to the formats that have it. */
  decodeOptionsOf(format: AnyReader): unknown;
  /** Decodes one record, or holds it until its format is settled; gives the events of every record settled. */
  read(record: unknown, index: number, position: RecordPosition): CanonicalEvent[];
  /** Settles and decodes every record still held: the end of the input. */
  flush(): CanonicalEvent[];
  /**
   * The canonical id of a run as `format` names it. In a mixed log two formats may use the same
   * id for different runs (`run-1` is everywhere): the later one gets `id@format`, reported.
   */
  canonicalRunId(runId: string, format: string): string;
  /** Forgets the new id of a run that ended, given its id as its format names it. */
  ended(format: string, runId: string): void;
}

/**
 * Makes the `auto` part of a decoder.
 * @param decodeOptions the decoder options given, which go to the formats that have their keys.
 * @throws ConversionError for a decode option no format has, or a bad value.
 */
export type AutoReadingFactory = (host: AutoHost, decodeOptions: Record<string, unknown> | undefined) => AutoReading;

/** A record read with `auto` whose format is not settled yet. */
interface Pending {
  record: unknown;
  index: number;
  position: RecordPosition;
  ranked: RecordDetection[];
  stream?: string;
  chosen?: RecordDetection;
}

/**
 * How many records may wait for their stream to tell two near-equal formats apart before the
 * best score decides: enough for a run's first decisive record to arrive, small enough to stream.
 */
const settleWindow = 64;

/** How many streams' formats are remembered; a log with more open runs than this decides on scores. */
const rememberedStreams = 10_000;

/**
 * The decoder options each format gets: each key goes to the formats that have it, and a key no
 * format has is refused.
 * @throws ConversionError for an unknown key or a bad value.
 */
function decodeOptionsAmong(options: Record<string, unknown> | undefined, formats: readonly AnyFormat[]): (format: AnyReader) => unknown {
  if (options === undefined) return () => undefined;
  const byFormat = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(options)) {
    const takers = formats.filter((format) => format.options === undefined || Object.hasOwn(format.options.decode.shape, key));
    if (takers.length === 0) {
      const accepted = formats.map((format) => `${format.name}: ${describeOptions(format.options?.decode ?? ({ shape: {} } as never))}`);
      throw new ConversionError(`no format has a decode option "${key}"; decode options per format: ${accepted.join('; ')}`);
    }
    for (const format of takers) {
      const own = byFormat.get(format.name) ?? {};
      own[key] = value;
      byFormat.set(format.name, own);
    }
  }
  for (const format of formats) {
    const own = byFormat.get(format.name);
    if (own !== undefined) byFormat.set(format.name, checkOptions(format.options?.decode, own, format.name, 'decode') as Record<string, unknown>);
  }
  return (format) => byFormat.get(format.name);
}

/** Makes the `auto` part of a decoder: see {@link AutoReadingFactory}. */
export const createAutoReading: AutoReadingFactory = (host, decodeOptions) => {
  const { formats, sink } = host;
  const stats = sink.stats;
  const decodeOptionsOf = decodeOptionsAmong(decodeOptions, formats);
  /** Renamed ids of runs whose id another format already used (`format\u0000id` → new id). */
  const aliases = new Map<string, string>();
  /** Pairs of formats a record was guessed between, reported once each. */
  const guesses = new Set<string>();
  /** The format of the record decoded last, which wins near-ties. */
  let previous: string | undefined;
  /** Formats that decisive records gave their stream (run id); the oldest are forgotten first. */
  const owners = new Map<string, string>();
  /** Records waiting for their stream to decide between near-equal formats, in input order. */
  const queue: Pending[] = [];
  /** Formats without stream ids whose last boundary record opened a stream. */
  const openStreams = new Set<string>();

  function unknown(entry: Pending): CanonicalEvent[] {
    sink.position.index = entry.index;
    sink.position.line = entry.position.line;
    stats.unknown += 1;
    const issue = sink.raise({
      code: 'unknown-event',
      level: 'warning',
      message: 'no format given recognizes this record; it was kept aside verbatim',
    });
    if (host.onReject !== undefined) {
      host.onReject(entry.record, issue, entry.position);
      return [];
    }
    return host.counted([{ type: 'raw', runId: 'unknown', format: 'unknown', payload: entry.record }], 'unknown');
  }

  /**
   * Settles the format of a waiting record: its stream's owner; for a record with no stream id
   * (AI SDK chunks), the first later record already decided in one of its formats; else, once
   * forced, the best score.
   */
  function settle(entry: Pending, force: boolean): RecordDetection | undefined {
    const owner = entry.stream === undefined ? undefined : owners.get(entry.stream);
    const owned = entry.ranked.find((candidate) => candidate.format.name === owner);
    if (owned !== undefined) return { ...owned };
    if (entry.stream === undefined) {
      // A record that opens a stream belongs to a format with no stream open at this point.
      const closed = entry.ranked.filter((candidate) => candidate.boundary === 'open' && !openStreams.has(candidate.format.name));
      if (closed.length === 1 && closed.length < entry.ranked.length) return { ...(closed[0] as RecordDetection) };
      for (const later of queue) {
        const neighbour = later.chosen === undefined ? undefined : entry.ranked.find((candidate) => candidate.format.name === later.chosen?.format.name);
        if (neighbour !== undefined) return { ...neighbour };
      }
    }
    if (!force) return undefined;
    const chosen = choose(entry.ranked, previous);
    if (chosen?.rival !== undefined) {
      const pair = `${chosen.format.name}/${chosen.rival.name}`;
      if (!guesses.has(pair)) {
        guesses.add(pair);
        sink.position.index = entry.index;
        sink.position.line = entry.position.line;
        sink.raise({
          code: 'approximated',
          level: 'info',
          message: `record read as ${chosen.format.name} although ${chosen.rival.name} fits it as well and nothing else in its stream tells them apart; pass --from to decide`,
        });
      }
    }
    return chosen;
  }

  function drain(final: boolean): CanonicalEvent[] {
    const events: CanonicalEvent[] = [];
    while (queue.length > 0) {
      const head = queue[0] as Pending;
      if (head.ranked.length === 0) {
        queue.shift();
        append(events, unknown(head));
        continue;
      }
      head.chosen ??= settle(head, final || queue.length > settleWindow);
      if (head.chosen === undefined) break;
      queue.shift();
      const chosen = head.chosen;
      previous = chosen.format.name;
      if (chosen.boundary === 'open') openStreams.add(chosen.format.name);
      else if (chosen.boundary === 'close') openStreams.delete(chosen.format.name);
      if (chosen.version !== undefined) {
        const versions = (stats.versions[chosen.format.name] ??= []);
        if (!versions.includes(chosen.version)) versions.push(chosen.version);
      }
      append(events, host.decode(chosen.format, head.record, head.index, head.position.line));
    }
    return events;
  }

  return {
    decodeOptionsOf,
    read(record, index, position) {
      const ranked = rankFormats(record, formats);
      const entry: Pending = { record, index, position, ranked };
      const stream = ranked[0]?.stream;
      if (stream !== undefined) entry.stream = stream;
      if (isDecisive(ranked)) {
        entry.chosen = { ...(ranked[0] as RecordDetection) };
        if (stream !== undefined) {
          owners.delete(stream);
          owners.set(stream, entry.chosen.format.name);
          if (owners.size > rememberedStreams) owners.delete(owners.keys().next().value as string);
        }
      }
      queue.push(entry);
      return drain(false);
    },
    flush() {
      return drain(true);
    },
    canonicalRunId(runId, format) {
      const alias = aliases.get(`${format}\u0000${runId}`);
      if (alias !== undefined) return alias;
      const owner = host.ownerOf(runId);
      if (owner === undefined || owner === format) return runId;
      const renamed = `${runId}@${format}`;
      aliases.set(`${format}\u0000${runId}`, renamed);
      sink.raise({
        code: 'minted',
        level: 'info',
        format,
        runId: renamed,
        message: `run "${runId}" of ${format} shares its id with an open ${owner} run; it is written as "${renamed}"`,
      });
      return renamed;
    },
    ended(format, runId) {
      aliases.delete(`${format}\u0000${runId}`);
    },
  };
};
