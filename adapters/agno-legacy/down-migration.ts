import type { CanonicalEvent } from '../../src/model/event.js';
import type { IssueCode } from '../../src/model/issue.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { type JsonPatch, applyJsonPatch, asJsonPatch } from '../../src/pipeline/json-patch.js';
import type { LegacyRecord } from './write-record.js';

/** Receives what 1.x cannot carry. */
export type LossSink = (what: string, event: CanonicalEvent, code?: IssueCode) => void;

/** 2.x fields whose default value says nothing, so leaving them out loses nothing. */
const silentDefaults: Readonly<Record<string, unknown>> = { nested_depth: 0, workflow_agent: false, reasoning_content: '' };
/** 2.x top-level fields that were 1.x `extra_data` members (reference §4.5). */
const extraDataKeys: Readonly<Record<string, string>> = {
  references: 'references',
  additional_input: 'add_messages',
  reasoning_steps: 'reasoning_steps',
  reasoning_messages: 'reasoning_messages',
};
/** 2.x event strings a canonical event alone does not bring back, and their 1.x names (reference §1). */
const legacyNames: Readonly<Record<string, string>> = {
  RunIntermediateContent: 'RunIntermediateResponseContent',
  TeamRunIntermediateContent: 'TeamRunIntermediateResponseContent',
  RunContent: 'RunResponseContent',
  TeamRunContent: 'TeamRunResponseContent',
};
/** Fields with the same name and meaning in 1.x and 2.x records. */
const sharedKeys = new Set(['content', 'content_type', 'citations', 'image', 'images', 'videos', 'audio', 'response_audio']);
/** `ToolExecution` keys 2.x added (child runs, feedback, approvals). */
const toolKeysAdded = new Set(['child_run_id', 'user_feedback_schema', 'external_execution_silent', 'approval_type', 'approval_id']);

function mergeTool(tool: LegacyRecord, patch: JsonPatch, event: CanonicalEvent, lost: LossSink): void {
  for (const [key, value] of Object.entries(patch.set ?? {})) {
    if (key === 'metrics') {
      // 2.5.4+ ToolCallMetrics has start/end/duration; 1.x MessageMetrics has `time`.
      if (isRecord(value) && typeof value.duration === 'number') tool.metrics = { time: value.duration };
    } else if (toolKeysAdded.has(key)) {
      if (value !== null) lost(`the 2.x tool execution field ${key}`, event);
    } else if (key in tool) {
      tool[key] = value;
    } else {
      lost(`the tool execution field ${key}`, event);
    }
  }
  for (const [key, inner] of Object.entries(patch.nested ?? {})) {
    const value = tool[key];
    if (key !== 'metrics' && (isRecord(value) || Array.isArray(value))) applyJsonPatch(value, inner);
    else if (key === 'metrics' && typeof inner.set?.duration === 'number') tool.metrics = { time: inner.set.duration };
  }
}

/**
 * Carries into a 1.x record what the agno 2.x decoder kept of its source record in
 * `ext.agno.patch` (reference §13, era C → era B): same-named fields and `extra_data` members
 * come down, tool metrics are renamed, and every field 1.x has no slot for is reported.
 */
export function bringDown(record: LegacyRecord, event: CanonicalEvent, lost: LossSink): void {
  const agno = event.ext?.agno;
  if (!isRecord(agno)) return;
  for (const companion of [...(Array.isArray(agno.before) ? agno.before : []), ...(Array.isArray(agno.after) ? agno.after : [])]) {
    const name = isRecord(companion) ? String(companion.event) : 'unknown';
    lost(`the agno 2.x ${name} record (no 1.x event)`, event);
  }
  const patch = asJsonPatch(agno.patch);
  if (patch === undefined) return;
  for (const [key, value] of Object.entries(patch.set ?? {})) {
    if (key in silentDefaults) {
      if (value !== silentDefaults[key] && !(key === 'reasoning_content' && typeof value === 'string')) lost(`the 2.x field ${key}`, event);
      continue;
    }
    if (key === 'event') {
      // The record said more than the canonical event (2.x RunIntermediateContent is a text-delta too).
      const legacyName = typeof value === 'string' ? legacyNames[value] : undefined;
      if (legacyName !== undefined) {
        record.event = legacyName;
        // 1.x IntermediateRunResponseContentEvent has content and content_type only.
        if (legacyName.includes('Intermediate') && record.thinking === '') delete record.thinking;
      } else lost(`the 2.x event string ${String(value)}`, event);
      continue;
    }
    const legacyKey = extraDataKeys[key];
    if (legacyKey !== undefined) {
      const extraData = isRecord(record.extra_data) ? record.extra_data : {};
      extraData[legacyKey] = value;
      record.extra_data = extraData;
    } else if (sharedKeys.has(key)) {
      if (!(key in record) || key === 'content_type') record[key] = value;
    } else if (key === 'metrics') {
      lost('the run usage (1.x RunCompleted events carry no metrics)', event);
    } else if (key !== 'tools' && key !== 'tool') {
      lost(`the 2.x field ${key}`, event);
    }
  }
  for (const [key, inner] of Object.entries(patch.nested ?? {})) {
    if (key === 'tool' && isRecord(record.tool)) mergeTool(record.tool, inner, event, lost);
    else if (key === 'metrics') lost('the per-model metrics details of the run (1.x RunCompleted events carry no metrics)', event);
    // The canonical requirements carry what 1.x paused tools can hold; ids and timestamps of 2.x requirements do not survive.
    else if (key === 'requirements') lost('the 2.x RunRequirement ids and timestamps', event);
    else if (key !== 'tools') lost(`the 2.x field ${key}`, event);
  }
}
