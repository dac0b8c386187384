import { type Actor, type Requirement, type Resolution, type Run, requirementSchema, resolutionSchema } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { holdsEscapeKeys, lineageKey, type MessageFields } from './schema.js';

/**
 * How a run stands, written on the first message of the run: its status, its usage, what a
 * paused run waits for, and the answers a resumed run went on with (approvals, as the AI SDK's
 * `tool-approval-response` says them: LangChain messages hold a rejection as an error ToolMessage,
 * an approval not at all). Nothing else of the run (its error text, output, model, other formats'
 * `ext`) reaches LangChain.
 */
export type RunInfo = Pick<Run, 'status' | 'usage' | 'requirements'> & { resolutions?: Resolution[] };

/**
 * The run lineage a written message keeps in `response_metadata.agent_event_bridge`, so that
 * team members and their leaders come back as the same runs.
 */
export interface Lineage {
  run_id: string;
  parent_run_id?: string;
  session_id?: string;
  actor?: Actor;
  /**
   * On the first message of a run: its status, usage, and requirements when paused; JSON text when
   * it holds an object LangChain escapes (see {@link writtenRunInfo}).
   */
  run?: RunInfo | string;
  /** This HumanMessage is the run's input (`json`: a non-string input, JSON-encoded). */
  input?: true | 'json';
  /** This ToolMessage's content is a non-string output, JSON-encoded. */
  json?: true;
  /**
   * The canonical message's own name, where LangChain's `name` cannot say it: a ToolMessage's holds
   * the tool's name, an AIMessage's equal to its agent's would read as the agent's.
   */
  message_name?: string;
  /** This empty AIMessage only carries a run that wrote no message. */
  placeholder?: true;
}

/** The lineage of a message's fields, if it has one. */
export function lineageOf(fields: MessageFields): Lineage | undefined {
  const metadata = fields.response_metadata;
  if (!isRecord(metadata)) return undefined;
  const lineage = metadata[lineageKey];
  return isRecord(lineage) && typeof lineage.run_id === 'string' ? (lineage as unknown as Lineage) : undefined;
}

/** The lineage envelope of a run: run id, parent, session, actor. */
export function runLineage(run: Pick<Run, 'runId' | 'parentRunId' | 'sessionId' | 'actor'>): Lineage {
  const lineage: Lineage = { run_id: run.runId };
  if (run.parentRunId !== undefined) lineage.parent_run_id = run.parentRunId;
  if (run.sessionId !== undefined) lineage.session_id = run.sessionId;
  if (run.actor !== undefined) lineage.actor = run.actor;
  return lineage;
}

/** The canonical envelope of a lineage. */
export function envelopeOfLineage(lineage: Lineage): { runId: string; parentRunId?: string; sessionId?: string; actor?: Actor } {
  const envelope: { runId: string; parentRunId?: string; sessionId?: string; actor?: Actor } = { runId: lineage.run_id };
  if (typeof lineage.parent_run_id === 'string') envelope.parentRunId = lineage.parent_run_id;
  if (typeof lineage.session_id === 'string') envelope.sessionId = lineage.session_id;
  if (isRecord(lineage.actor)) envelope.actor = lineage.actor;
  return envelope;
}

/**
 * Puts a run's context on rebuilt fields: the lineage in `response_metadata` and, on AI
 * messages without a name of their own, the agent's name (team members keep their agent in
 * `name`).
 */
export function withRunContext(fields: MessageFields, ai: boolean, lineage: Lineage | undefined): MessageFields {
  if (lineage === undefined) return fields;
  const metadata = isRecord(fields.response_metadata) ? fields.response_metadata : {};
  fields.response_metadata = { ...metadata, [lineageKey]: lineage };
  const agent = isRecord(lineage.actor) && typeof lineage.actor.name === 'string' ? lineage.actor.name : undefined;
  if (ai && agent !== undefined && fields.name === undefined) fields.name = agent;
  return fields;
}

const statuses = new Set(['running', 'completed', 'error', 'cancelled', 'paused']);

/**
 * The run info of a lineage, checked: undefined unless it has a known status. Requirements that
 * are not valid are left out, so a foreign or edited lineage cannot break the decoder.
 */
export function runInfoOf(lineage: Lineage | undefined): RunInfo | undefined {
  const run = typeof lineage?.run === 'string' ? parsedText(lineage.run) : lineage?.run;
  if (!isRecord(run) || typeof run.status !== 'string' || !statuses.has(run.status)) return undefined;
  const info: RunInfo = { status: run.status as RunInfo['status'] };
  if (isRecord(run.usage)) info.usage = run.usage as RunInfo['usage'];
  if (Array.isArray(run.requirements)) info.requirements = run.requirements.filter((item): item is Requirement => requirementSchema.safeParse(item).success);
  if (Array.isArray(run.resolutions)) info.resolutions = run.resolutions.filter((item): item is Resolution => resolutionSchema.safeParse(item).success);
  return info;
}

function parsedText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The run info as written. Requirements and answers hold user data, and an object in it with an
 * `lc` key (or a lone `__lc_escaped__` key) is escaped by `toJSON()` and `toDict()`; langchain-core
 * 1.2's `mapStoredMessageToChatMessage` does not undo that escape, so a StoredMessage round trip
 * would hand the wrapper back as the data. Such run info is written as JSON text, which no escape
 * touches; any other stays an object, readable as it is.
 */
function writtenRunInfo(info: RunInfo): RunInfo | string {
  return holdsEscapeKeys(info) ? JSON.stringify(info) : info;
}

/**
 * The run info written for a run: its status, its usage, its requirements when it is paused, and
 * the resolutions it was resumed with (JSON text when LangChain would escape part of it).
 */
export function runInfoOfRun(run: Run, resolutions?: readonly Resolution[]): RunInfo | string {
  const info: RunInfo = { status: run.status };
  if (run.usage !== undefined) info.usage = run.usage;
  if (run.status === 'paused' && run.requirements !== undefined) info.requirements = run.requirements;
  if (resolutions !== undefined && resolutions.length > 0) info.resolutions = [...resolutions];
  return writtenRunInfo(info);
}
