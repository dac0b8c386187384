import { isRecord, reportUnfitSource, uncarriedRelayLoss } from '../../src/pipeline/adapter-kit.js';
import { type Detection, composeFormat, defineReader, defineWriter } from '../../src/pipeline/format.js';
import { isLegacyAggregate } from './aggregate.js';
import { createLegacyDecoder, eraOfRecord, type LegacyDecodeOptions, type LegacyDecoderState, type LegacyEventHandler, type LegacyEventHandlers, type LegacyRunState, type LegacyTranslation, legacyEventHandlers } from './decode.js';
import { createLegacyEncoder, type LegacyEncodeOptions } from './encode.js';
import { eraAKinds, eraBAgentKinds, eraBTeamKinds, legacyFormatName, legacyOnlyEvents } from './schema.js';
import { legacyDecodeOptionsSchema, legacyEncodeOptionsSchema } from './options.js';

const eraAVersion = '1.0 – 1.5';
const eraBVersion = '1.6 – 1.8';

/** Keys only agno 2.x writes: a record with one of them is not 1.x. */
const currentOnlyKeys = ['nested_depth', 'parent_run_id', 'workflow_agent', 'requirements', 'session_state', 'model_provider_data', 'additional_input'];
/** Keys only agno 1.x writes. */
const legacyOnlyKeys = ['team_session_id', 'thinking', 'extra_data', 'formatted_tool_calls'];

function toolsOf(record: Record<string, unknown>): Record<string, unknown>[] {
  const list = Array.isArray(record.tools) ? record.tools : [];
  return [...list, record.tool].filter(isRecord);
}

function isLegacyMetrics(metrics: unknown): boolean {
  return isRecord(metrics) && Object.values(metrics).some(Array.isArray);
}

/**
 * Scores a record as agno 1.x. Strings only 1.x wrote, 1.x-only keys and dict-of-lists metrics
 * are certain; a record that 2.x could have written just as well (a bare `RunStarted`) gets a
 * low score, so the `agno` format wins it unless its neighbours are 1.x.
 */
export function detectLegacy(record: unknown): Detection | undefined {
  if (!isRecord(record)) return undefined;
  if (currentOnlyKeys.some((key) => key in record)) return undefined;
  if (toolsOf(record).some((tool) => 'child_run_id' in tool)) return undefined;
  if (Array.isArray(record.messages) && record.messages.some((message) => isRecord(message) && 'id' in message)) return undefined;
  const certain = legacyOnlyKeys.some((key) => key in record) || isLegacyMetrics(record.metrics);
  if (typeof record.event !== 'string') {
    if (!isLegacyAggregate(record)) return undefined;
    if (isRecord(record.metrics) && !isLegacyMetrics(record.metrics)) return undefined;
    return { confidence: certain ? 0.95 : 0.4, version: eraBVersion };
  }
  // 1.x metrics are always dict-of-lists; flat numbers are agno 2.0 – 2.5.16 run metrics.
  if (isRecord(record.metrics) && !isLegacyMetrics(record.metrics)) return undefined;
  const name = record.event;
  if (!eraAKinds.has(name) && !eraBAgentKinds.has(name) && !eraBTeamKinds.has(name)) return undefined;
  const era = eraOfRecord(record);
  const version = era === 'A' ? eraAVersion : eraBVersion;
  if (legacyOnlyEvents.has(name) || certain) return { confidence: 1, version };
  // Era A chunks carry fields no 2.x event has on that string (content_type on RunStarted, tools lists …).
  if (era === 'A') return { confidence: 0.9, version };
  return { confidence: 0.45, version };
}

/**
 * Reads agno 1.x records (`from: agnoLegacyReader`): the decoder of {@link agnoLegacyFormat}
 * without its encoder, detection or documentation.
 */
export const agnoLegacyReader = /* @__PURE__ */ defineReader<LegacyDecodeOptions>({
  name: legacyFormatName,
  createDecoder: createLegacyDecoder,
  options: { decode: legacyDecodeOptionsSchema },
});

/**
 * Writes agno 1.x records (`to: agnoLegacyWriter`): the encoder of {@link agnoLegacyFormat}
 * without its decoder, detection or documentation.
 */
export const agnoLegacyWriter = /* @__PURE__ */ defineWriter<LegacyEncodeOptions>({
  name: legacyFormatName,
  createEncoder: createLegacyEncoder,
  options: { encode: legacyEncodeOptionsSchema },
  // A shape or era asked for that the record does not have is written from the canonical fields.
  sourceFits(record, options, context) {
    const stream = isRecord(record) && 'event' in record;
    const shapeFits = options?.shape === undefined || options.shape === 'auto' || (options.shape === 'aggregate') !== stream;
    const fits = shapeFits && (options?.era === undefined || !stream || eraOfRecord(record) === options.era);
    if (!fits) reportUnfitSource(context, legacyFormatName);
    return fits;
  },
});

/** agno 1.x: era B events (1.6 – 1.8), era A `RunResponse` chunks (1.0 – 1.5) and stored aggregates. */
export const agnoLegacyFormat = /* @__PURE__ */ composeFormat(agnoLegacyReader, agnoLegacyWriter, {
  title: 'agno 1.x events (RunResponseContent …, RunResponse chunks) and RunResponse / TeamRunResponse aggregates',
  versions: { read: '1.0 – 1.8.4', write: '1.8.4 (era B); 1.5 (era A) with era: "A"' },
  detect: detectLegacy,
  losses: [
    { what: 'extra_data (references, reasoning steps and messages, add_messages)', direction: 'decode', code: 'dropped', level: 'info', note: 'stays in the source record: agno-legacy → agno-legacy writes the record back verbatim, relay carries it; no other target receives it, agno included' },
    { what: 'the timing sentence of ToolCallCompleted and tool execution metrics', direction: 'decode', code: 'dropped', level: 'info', note: 'stays in the source record, as extra_data' },
    { what: 'per-message split of dict-of-lists metrics', direction: 'decode', code: 'approximated', level: 'info', note: 'summed into one usage (1.x `time` → durationMs, `cached_tokens` → cacheReadTokens)' },
    { what: 'stored-run fields beyond messages, usage and status (message created_at and metrics, formatted_tool_calls, content of a RUNNING run)', direction: 'decode', code: 'dropped', level: 'info', note: 'stays in the source record; the agno target writes the run from its canonical fields (tools from the messages)' },
    { what: 'member_responses copies of members the stream carried', direction: 'decode', code: 'dropped', level: 'info', note: 'stay in the source record; members the stream did not carry become member runs' },
    { what: 'unknown event strings', direction: 'decode', code: 'unknown-event', level: 'warning', note: 'raw agno-legacy record, written back unchanged' },
    { what: 'tool call inputs that are not objects (the raw text of arguments that were no JSON)', direction: 'encode', code: 'approximated', level: 'warning', note: 'tool_args is a dict: written as {"input": …}, and read back so' },
    { what: 'text or reasoning blocks open at once with interleaved deltas', direction: 'encode', code: 'approximated', level: 'warning', note: 'agno 1.x has one content and one thinking stream per run: written in arrival order, they read back as one text' },
    { what: 'model request boundaries (step-start)', direction: 'encode', code: 'approximated', level: 'info' },
    { what: "the parent of a run whose parent is no team, or that starts outside its team's tool calls (a Runner `SequentialAgent`'s children)", direction: 'encode', code: 'dropped', level: 'warning', note: '1.x events name no parent: a reader nests a run only under a team whose tool call is in flight, so the run reads back as a top-level run (path `parentRunId`)' },
    { what: 'a text or reasoning that ended right before its run was cancelled', direction: 'encode', code: 'approximated', level: 'warning', note: '1.x streams have no text end: it reads back cut' },
    { what: 'usage of a model request or of a streamed run (era B events carry no metrics)', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'error type, id and data', direction: 'encode', code: 'dropped', level: 'warning', note: 'RunError carries a message only' },
    { what: "a resume's resolution list (approvals, inputs)", direction: 'encode', code: 'dropped', level: 'warning', note: 'agno takes the answers in the continue request; RunContinued holds none' },
    { what: 'team pause and resume', direction: 'encode', code: 'approximated', level: 'info', note: "1.x teams cannot pause: written as the agent RunPaused / RunContinued, the team's id and name in agent_id / agent_name (the agent classes take no team_id); read back as the team's" },
    { what: 'user-feedback requirements', direction: 'encode', code: 'approximated', level: 'info', note: 'written as requires_user_input' },
    { what: 'structured tool results', direction: 'encode', code: 'approximated', level: 'info', note: '1.x results are strings: JSON text' },
    { what: 'whole user and system messages, state, handoffs, app data, activities other than memory-update / parser-model / output-model / workflow, files other than images and audio', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'raw records of other formats', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'agno 1.x records asked for in the other era or shape', direction: 'encode', code: 'dropped', level: 'info', note: 'written from their canonical fields (1.x-only and unknown fields left out), said once per conversion' },
    uncarriedRelayLoss,
  ],
});

export { createLegacyDecoder, createLegacyEncoder };
export type { LegacyDecodeOptions, LegacyDecoderState, LegacyEncodeOptions, LegacyEventHandler, LegacyEventHandlers, LegacyRunState, LegacyTranslation };
export { legacyEventHandlers };
