import { type UIMessage, getToolName, isToolUIPart } from 'ai';
import { AnswerForm, type Answering } from './answer-form.js';
import { awaitsAnswer } from './pending-confirmations.js';

type Part = UIMessage['parts'][number];

/**
 * One part of an assistant message: text, reasoning, a tool call with its outcome, or a file/source.
 * A tool the run paused on gets its answer form when `answering` is given (the live mode).
 */
export function PartView({ part, answering }: { part: Part; answering?: Answering | undefined }) {
  if (part.type === 'text') return <p className="text">{part.text}</p>;
  if (part.type === 'reasoning') {
    return (
      <details className="reasoning" open>
        <summary>Reasoning</summary>
        <p>{part.text}</p>
      </details>
    );
  }
  if (isToolUIPart(part)) {
    return (
      <div className="tool" data-testid="tool" data-tool-name={getToolName(part)} data-state={part.state}>
        <div className="tool-header">
          <code className="tool-name">{getToolName(part)}</code>
          <span className="tool-state">{part.state}</span>
        </div>
        <pre className="tool-input">{JSON.stringify(part.input ?? null)}</pre>
        {part.state === 'output-available' ? <pre className="tool-output">{display(part.output)}</pre> : null}
        {part.state === 'output-error' ? <pre className="tool-error">{part.errorText}</pre> : null}
        {/* Answered and sent, then confirmed by the continued run's tool-output-denied. */}
        {(part.state === 'approval-responded' || part.state === 'output-denied') && part.approval?.approved === false ? (
          <pre className="tool-error">denied{part.approval.reason === undefined ? '' : `: ${part.approval.reason}`}</pre>
        ) : null}
        {answering !== undefined && awaitsAnswer(part) ? <AnswerForm part={part} answering={answering} /> : null}
      </div>
    );
  }
  if (part.type === 'source-url') {
    return (
      <a className="source" href={part.url}>
        {part.title ?? part.url}
      </a>
    );
  }
  if (part.type === 'file') return <a className="file" href={part.url}>{part.filename ?? part.mediaType}</a>;
  // Data parts (agent-event-bridge's own, or app data) are bookkeeping, not conversation.
  return null;
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
