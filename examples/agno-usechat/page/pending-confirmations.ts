import { type UIMessage, getToolName, isDataUIPart, isToolUIPart } from 'ai';
import { bridgeKey } from './lineage.js';

type Part = UIMessage['parts'][number];

/** Something a paused run waits for before it can go on. */
export interface PendingConfirmation {
  /** `confirmation`, `user-input`, `user-feedback` or `external-execution`. */
  kind: string;
  toolName?: string;
  input?: unknown;
}

/**
 * What a paused run waits for, read from the two places a pause can reach `useChat`: a tool part
 * in `approval-requested` (the encoder wrote a `tool-approval-request`), or the pause that
 * agent-event-bridge keeps in its own data part when no approval chunk can say it (user input,
 * external execution, feedback).
 */
export function pendingConfirmations(parts: readonly Part[]): PendingConfirmation[] {
  return parts.flatMap((part): PendingConfirmation[] => {
    if (isToolUIPart(part)) {
      return part.state === 'approval-requested' ? [{ kind: 'confirmation', toolName: getToolName(part), input: part.input }] : [];
    }
    if (!isDataUIPart(part) || part.type !== `data-${bridgeKey}`) return [];
    const event = isRecord(part.data) ? part.data.event : undefined;
    if (!isRecord(event) || event.type !== 'run-pause' || !Array.isArray(event.requirements)) return [];
    return event.requirements.filter(isRecord).map((requirement) => ({
      kind: typeof requirement.kind === 'string' ? requirement.kind : 'confirmation',
      ...(typeof requirement.toolName === 'string' ? { toolName: requirement.toolName } : {}),
      ...(requirement.input === undefined ? {} : { input: requirement.input }),
    }));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
