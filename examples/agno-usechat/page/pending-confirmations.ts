import { type UIMessage, getToolName, isDataUIPart, isToolUIPart } from 'ai';
import { bridgeKey } from './lineage.js';

type Part = UIMessage['parts'][number];
type ToolPart = Extract<Part, { toolCallId: string }>;

/** Something a paused run waits for before it can go on. */
export interface PendingConfirmation {
  /** `confirmation`, `user-input`, `user-feedback` or `external-execution`. */
  kind: string;
  toolName?: string;
  input?: unknown;
}

/**
 * What a paused agno tool asks of the user, as the `ai-sdk-ui` encoder puts it in the tool part's
 * `callProviderMetadata["agent-event-bridge"].requirement` (user input, user feedback, external
 * execution; a confirmation is the part's `approval` instead).
 */
export interface Requirement {
  id?: string;
  kind: string;
  /** agno's `user_input_schema` (fields) or `user_feedback_schema` (questions). */
  schema?: unknown;
}

/** The requirement a tool part carries, if the run paused on it. */
export function requirementOf(part: ToolPart): Requirement | undefined {
  const ours = isRecord(part.callProviderMetadata) ? part.callProviderMetadata[bridgeKey] : undefined;
  const requirement = isRecord(ours) ? ours.requirement : undefined;
  if (!isRecord(requirement) || typeof requirement.kind !== 'string') return undefined;
  return { kind: requirement.kind, ...(typeof requirement.id === 'string' ? { id: requirement.id } : {}), ...(requirement.schema === undefined ? {} : { schema: requirement.schema }) };
}

/** Whether a tool part waits for the user: an approval to give, or a paused call to answer with an output. */
export function awaitsAnswer(part: Part): part is ToolPart {
  if (!isToolUIPart(part)) return false;
  return part.state === 'approval-requested' || (part.state === 'input-available' && requirementOf(part) !== undefined);
}

/**
 * What a paused run still waits for: tool parts in `approval-requested`, paused calls not answered
 * yet, and a pause agent-event-bridge keeps in its own data part for a call with no tool part.
 */
export function pendingConfirmations(parts: readonly Part[]): PendingConfirmation[] {
  const calls = new Set(parts.flatMap((part) => (isToolUIPart(part) ? [part.toolCallId] : [])));
  return parts.flatMap((part): PendingConfirmation[] => {
    if (isToolUIPart(part)) {
      if (!awaitsAnswer(part)) return [];
      return [{ kind: part.state === 'approval-requested' ? 'confirmation' : (requirementOf(part)?.kind ?? 'confirmation'), toolName: getToolName(part), input: part.input }];
    }
    if (!isDataUIPart(part) || part.type !== `data-${bridgeKey}`) return [];
    const event = isRecord(part.data) ? part.data.event : undefined;
    if (!isRecord(event) || event.type !== 'run-pause' || !Array.isArray(event.requirements)) return [];
    return event.requirements
      .filter(isRecord)
      .filter((requirement) => typeof requirement.toolCallId !== 'string' || !calls.has(requirement.toolCallId))
      .map((requirement) => ({
        kind: typeof requirement.kind === 'string' ? requirement.kind : 'confirmation',
        ...(typeof requirement.toolName === 'string' ? { toolName: requirement.toolName } : {}),
        ...(requirement.input === undefined ? {} : { input: requirement.input }),
      }));
  });
}

/**
 * useChat's `sendAutomaticallyWhen`: the last assistant message paused on tools, and the user has
 * answered every one of them in its last step (approvals given, outputs added). The continued run
 * starts a new step, so the same answers do not send twice.
 */
export function pauseAnswered({ messages }: { messages: UIMessage[] }): boolean {
  const last = messages.at(-1);
  if (last?.role !== 'assistant') return false;
  const start = last.parts.findLastIndex((part) => part.type === 'step-start');
  const tools = last.parts.slice(start + 1).filter(isToolUIPart);
  const asked = tools.filter((part) => part.state === 'approval-responded' || requirementOf(part) !== undefined);
  return asked.length > 0 && !tools.some(awaitsAnswer);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
