/** The key under which agent-event-bridge puts what a UI message chunk has no field for. */
export const bridgeKey = 'agent-event-bridge';

/** Who produced a part: the canonical actor of its run. */
export interface Actor {
  kind: string;
  id?: string;
  name?: string;
}

/** The lineage of a message or part: its run, the run that started it, and its actor. */
export interface Lineage {
  runId?: string;
  parentRunId?: string;
  actor?: Actor;
}

/**
 * Reads the lineage the `ai-sdk-ui` encoder left in a metadata object (`message.metadata`,
 * a part's `providerMetadata` or a tool part's `callProviderMetadata`).
 * @returns only the lineage fields present; empty when the metadata carries none.
 */
export function lineageOf(metadata: unknown): Lineage {
  const ours = isRecord(metadata) ? metadata[bridgeKey] : undefined;
  if (!isRecord(ours)) return {};
  const lineage: Lineage = {};
  if (typeof ours.runId === 'string') lineage.runId = ours.runId;
  if (typeof ours.parentRunId === 'string') lineage.parentRunId = ours.parentRunId;
  if (isRecord(ours.actor) && typeof ours.actor.kind === 'string') lineage.actor = ours.actor as unknown as Actor;
  return lineage;
}

/** What a part inherits from its message, overridden by what the part itself says. */
export function inherit(parent: Lineage, own: Lineage): Lineage {
  return { ...parent, ...own };
}

/** How the page names an actor. */
export function actorLabel(actor: Actor | undefined): string {
  return actor?.name ?? actor?.id ?? actor?.kind ?? 'Assistant';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
