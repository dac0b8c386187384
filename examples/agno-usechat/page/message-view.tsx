import { type UIMessage, isDataUIPart, isToolUIPart } from 'ai';
import { type Lineage, actorLabel, inherit, lineageOf } from './lineage.js';
import type { Answering } from './answer-form.js';
import { PartView } from './part-view.js';
import { pendingConfirmations } from './pending-confirmations.js';

type Part = UIMessage['parts'][number];

/** Consecutive parts of one run, shown under the name of the agent or team that produced them. */
interface Turn {
  lineage: Lineage;
  parts: Part[];
}

/**
 * One chat message; an assistant message is split into turns by run, so members are named.
 * @param answering useChat's answer functions when a paused run can continue (live mode).
 */
export function MessageView({ message, answering }: { message: UIMessage; answering?: Answering | undefined }) {
  if (message.role === 'user') {
    return (
      <li className="message user" data-role="user">
        <span className="speaker">You</span>
        {message.parts.map((part, index) => (part.type === 'text' ? <p key={index}>{part.text}</p> : null))}
      </li>
    );
  }
  // The message id is the run id of the message's run (the agno run id).
  const root: Lineage = { runId: message.id, ...lineageOf(message.metadata) };
  return (
    <li className="message assistant" data-role="assistant" data-run-id={root.runId}>
      {turnsOf(message.parts, root).map((turn, index) => (
        <section
          key={index}
          className={turn.lineage.parentRunId === undefined ? 'turn' : 'turn member'}
          data-testid="turn"
          data-actor={actorLabel(turn.lineage.actor)}
          data-run-id={turn.lineage.runId}
        >
          <h3 className="speaker">
            {actorLabel(turn.lineage.actor)}
            {turn.lineage.actor?.kind === undefined ? null : <span className="kind">{turn.lineage.actor.kind}</span>}
            {turn.lineage.parentRunId === undefined ? null : (
              <span className="parent">member run {turn.lineage.runId}, started by {turn.lineage.parentRunId}</span>
            )}
          </h3>
          {turn.parts.map((part, partIndex) => (
            <PartView key={partIndex} part={part} answering={answering} />
          ))}
        </section>
      ))}
      <PauseNotice parts={message.parts} actor={actorLabel(root.actor)} live={answering !== undefined} />
    </li>
  );
}

function turnsOf(parts: readonly Part[], root: Lineage): Turn[] {
  const turns: Turn[] = [];
  for (const part of parts) {
    // Step boundaries and data parts (the pause is shown below) are not something a run said.
    if (part.type === 'step-start' || isDataUIPart(part)) continue;
    const lineage = inherit(root, lineageOf(partMetadata(part)));
    const last = turns.at(-1);
    if (last !== undefined && last.lineage.runId === lineage.runId) last.parts.push(part);
    else turns.push({ lineage, parts: [part] });
  }
  return turns;
}

function partMetadata(part: Part): unknown {
  if (isToolUIPart(part)) return part.callProviderMetadata;
  return 'providerMetadata' in part ? part.providerMetadata : undefined;
}

/** The pause state: what the paused run waits for; a replay ends there, a live run continues once answered. */
function PauseNotice({ parts, actor, live }: { parts: readonly Part[]; actor: string; live: boolean }) {
  const pending = pendingConfirmations(parts);
  if (pending.length === 0) return null;
  return (
    <div className="pause" role="status" data-testid="pause">
      <strong>{actor} paused.</strong> The run waits for:
      <ul>
        {pending.map((confirmation, index) => (
          <li key={index} data-testid="pending">
            {confirmation.kind} of <code>{confirmation.toolName ?? 'a step'}</code>
            {confirmation.input === undefined ? null : <code className="pending-input">{JSON.stringify(confirmation.input)}</code>}
          </li>
        ))}
      </ul>
      {live ? 'Answer above: agno continues the run in this message.' : 'A live agno server would continue the run after the answer; this replay ends here.'}
    </div>
  );
}
