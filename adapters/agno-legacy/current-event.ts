import type { CanonicalEvent } from '../../src/model/event.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { sameJson } from '../../src/pipeline/json-patch.js';
import { createAgnoDecoder, writeRunOutput } from '../agno/index.js';
import { readAggregate } from './aggregate.js';
import { currentMessage, currentToolExecution, joined } from './current-run-output.js';

/** A context for the agno decoder used as a judge: it reports nothing. */
const quiet: AdapterContext = { report: () => {}, mint: () => '' };

/** The four era B strings 2.0 renamed (reference §1.2); every other string is unchanged. */
const renamed: Readonly<Record<string, string>> = {
  RunResponseContent: 'RunContent',
  RunIntermediateResponseContent: 'RunIntermediateContent',
  TeamRunResponseContent: 'TeamRunContent',
  TeamRunIntermediateResponseContent: 'TeamRunIntermediateContent',
};

/** Canonical events whose 2.x record holds more than the canonical event, or that only an agno record written from 1.x brings back. */
const bridged = new Set(['tool-result', 'tool-error', 'run-pause', 'run-end', 'reasoning-start', 'reasoning-end', 'reasoning-step']);

/**
 * An era B record as agno 2.9.0 writes the same event (reference §13): string renamed,
 * `team_session_id` → `parent_run_id`, `nested_depth`, `thinking` merged into `reasoning_content`,
 * `extra_data` lifted, tool executions with the 2.x keys, members as 2.x `RunOutput`s.
 */
function currentRecord(record: Record<string, unknown>, event: CanonicalEvent, context: AdapterContext): Record<string, unknown> {
  const current: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'team_session_id' || key === 'thinking' || key === 'extra_data') continue;
    current[key] = value;
    if (key === 'run_id' && event.parentRunId !== undefined) current.parent_run_id = event.parentRunId;
    if (key === 'session_id') current.nested_depth = 0;
  }
  current.event = renamed[String(record.event)] ?? record.event;
  const reasoning = joined(record.thinking, record.reasoning_content);
  if (reasoning !== undefined) current.reasoning_content = reasoning;
  if (current.event === 'RunContent' || current.event === 'TeamRunContent') current.reasoning_content ??= '';
  if (current.event === 'RunContent') current.workflow_agent ??= false;
  if (isRecord(record.tool)) current.tool = currentToolExecution(record.tool);
  if (Array.isArray(record.tools)) current.tools = record.tools.map(currentToolExecution);
  if (isRecord(record.extra_data)) {
    const extra = record.extra_data;
    if (extra.references !== undefined) current.references = extra.references;
    if (Array.isArray(extra.add_messages)) current.additional_input = extra.add_messages.map(currentMessage);
    if (extra.reasoning_steps !== undefined) current.reasoning_steps = extra.reasoning_steps;
    if (Array.isArray(extra.reasoning_messages)) current.reasoning_messages = extra.reasoning_messages.map(currentMessage);
  }
  if (Array.isArray(record.member_responses)) {
    current.member_responses = record.member_responses
      .filter(isRecord)
      .map((member) => writeRunOutput(readAggregate(member, context, typeof member.event === 'string' ? 'A' : 'B', event.runId)));
  }
  return current;
}

/** The event as the agno derivation sees it: no ext, and no part id (ids are minted, not read). */
function derivable(event: CanonicalEvent): Record<string, unknown> {
  const { ext: _ext, ...rest } = event as CanonicalEvent & { id?: string };
  if (/^(text|reasoning)-/.test(event.type)) delete rest.id;
  return rest;
}

/**
 * The `ext.agno` that makes the agno adapter write, for an era B record, the event agno 2.x
 * itself emits (tool sentences and metrics, reasoning brackets and steps, pauses, members'
 * runs): the record translated to 2.x and read back by the agno decoder, which must find the
 * same canonical event in it.
 * @returns undefined when the event needs no more than its canonical fields, or when the
 * agno decoder reads the translation differently (then the canonical event alone is written).
 */
export function currentEventExt(record: Record<string, unknown>, primary: CanonicalEvent, context: AdapterContext): Record<string, unknown> | undefined {
  const intermediate = String(record.event).includes('Intermediate');
  if (!bridged.has(primary.type) && !intermediate && !isRecord(record.extra_data)) return undefined;
  const current = currentRecord(record, primary, context);
  const carrier = createAgnoDecoder(quiet)
    .push(current)
    .find((event) => isRecord(event.ext?.agno) && 'patch' in (event.ext?.agno ?? {}));
  if (carrier === undefined || !sameJson(derivable(carrier), derivable(primary))) return undefined;
  return carrier.ext?.agno;
}
