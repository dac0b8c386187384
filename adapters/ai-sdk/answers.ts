import type { Resolution } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** The fields of a `UIMessage` tool part this module reads (ai 5 – 7). */
interface ToolPartLike {
  type: string;
  toolCallId?: unknown;
  state?: unknown;
  output?: unknown;
  errorText?: unknown;
  approval?: unknown;
}

/** What {@link resolutionsFromUIMessages} reads. */
export interface ResolutionsFromUIMessagesOptions {
  /**
   * The tool calls the paused run waits for (for agno, the `tool_call_id`s of `RunPaused.tools`):
   * their outputs (`addToolOutput`) are answers. Approvals (`addToolApprovalResponse`) are
   * answers whatever this says; outputs of other calls are ordinary tool results.
   */
  pending?: readonly string[];
}

function isToolPart(part: unknown): part is ToolPartLike {
  return isRecord(part) && typeof part.type === 'string' && (part.type.startsWith('tool-') || part.type === 'dynamic-tool') && typeof part.toolCallId === 'string';
}

/**
 * The answers a `useChat` request carries, as canonical resolutions: the user's verdicts on
 * tool approval requests (`approval-responded`, `output-denied`) and, for the calls named
 * `pending`, the outputs given with `addToolOutput` (`output-available`, `output-error`). Only
 * the last assistant message is read: it is the one the user answered.
 * @param messages the `messages` of the request body useChat posts.
 */
export function resolutionsFromUIMessages(messages: readonly unknown[], options: ResolutionsFromUIMessagesOptions = {}): Resolution[] {
  const pending = new Set(options.pending ?? []);
  let last: Record<string, unknown> | undefined;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (isRecord(message) && message.role === 'assistant') {
      last = message;
      break;
    }
  }
  const parts = Array.isArray(last?.parts) ? last.parts : [];
  const resolutions: Resolution[] = [];
  for (const part of parts) {
    if (!isToolPart(part)) continue;
    const toolCallId = part.toolCallId as string;
    const approval = isRecord(part.approval) ? part.approval : undefined;
    if (approval !== undefined && typeof approval.approved === 'boolean' && (part.state === 'approval-responded' || part.state === 'output-denied')) {
      const resolution: Resolution = { toolCallId, approved: approval.approved };
      if (typeof approval.id === 'string') resolution.requirementId = approval.id;
      if (typeof approval.reason === 'string') resolution.reason = approval.reason;
      resolutions.push(resolution);
      continue;
    }
    if (!pending.has(toolCallId)) continue;
    if (part.state === 'output-available') resolutions.push({ toolCallId, output: part.output });
    else if (part.state === 'output-error') resolutions.push({ toolCallId, output: typeof part.errorText === 'string' ? part.errorText : 'tool failed', isError: true });
  }
  return resolutions;
}
