import type { Actor, Run } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { lineageKey, type MessageFields } from './schema.js';

/** What a run snapshot holds beyond its messages, written on the first message of the run. */
export type RunInfo = Omit<Run, 'runId' | 'parentRunId' | 'sessionId' | 'actor' | 'messages' | 'members' | 'input'>;

/**
 * The run lineage a written message keeps in `response_metadata.agent_event_bridge`, so that
 * team members and their leaders come back as the same runs.
 */
export interface Lineage {
  run_id: string;
  parent_run_id?: string;
  session_id?: string;
  actor?: Actor;
  /** On the first message of a run: its status, error, usage, model … */
  run?: RunInfo;
  /** This HumanMessage is the run's input (`json`: a non-string input, JSON-encoded). */
  input?: true | 'json';
  /** This ToolMessage's content is a non-string output, JSON-encoded. */
  json?: true;
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
  const agent = lineage.actor?.name;
  if (ai && agent !== undefined && fields.name === undefined) fields.name = agent;
  return fields;
}
