import { useChat } from '@ai-sdk/react';
import { type FormEvent, useEffect, useState } from 'react';
import type { Answering } from './answer-form.js';
import { MessageView } from './message-view.js';
import { pauseAnswered } from './pending-confirmations.js';
import { chatIdOfPage, saveMessages, savedMessages } from './saved-chat.js';

/** A scenario the server offers (`GET /api/scenarios`). */
interface Scenario {
  name: string;
  title: string;
  prompt: string;
  origin: string;
}

/** What the server runs: agno's AgentOS (`live`) or recordings (`replay`). */
interface Offer {
  mode: 'live' | 'replay';
  scenarios: Scenario[];
}

/**
 * The chat: `useChat` with its default transport, which posts to `/api/chat` on this origin. In
 * live mode a paused run is answered in its tool part and sent back automatically once every
 * paused tool is answered (`sendAutomaticallyWhen`); the continued run streams into the same message.
 * The chat survives a reload: its id is in the URL, its messages in the tab's `sessionStorage`, and
 * `resume: true` asks the server for the chat's run when the page loads (`GET
 * /api/chat/{id}/stream`), which streams a run that is still going into the same message.
 */
export function ChatPage() {
  const [chatId] = useState(chatIdOfPage);
  const [saved] = useState(() => savedMessages(chatId));
  const { id, messages, sendMessage, status, error, stop, addToolApprovalResponse, addToolOutput } = useChat({
    id: chatId,
    messages: saved,
    resume: true,
    sendAutomaticallyWhen: pauseAnswered,
  });
  const [input, setInput] = useState('');
  const [offer, setOffer] = useState<Offer | undefined>(undefined);
  const busy = status === 'submitted' || status === 'streaming';

  useEffect(() => saveMessages(id, messages), [id, messages]);

  useEffect(() => {
    void fetch('/api/scenarios')
      .then((response) => response.json() as Promise<Offer>)
      .then(setOffer);
  }, []);

  const answering: Answering | undefined = offer?.mode === 'live' ? { addToolApprovalResponse, addToolOutput } : undefined;

  function send(text: string): void {
    if (busy || text.trim() === '') return;
    void sendMessage({ text });
    setInput('');
  }

  function stopRun(): void {
    // Closing the stream is no stop (a reload closes it too, and the run goes on for the page to
    // re-attach): the server cancels the run.
    void fetch(`/api/chat/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
    void stop();
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    send(input);
  }

  return (
    <main data-chat-id={id} data-mode={offer?.mode}>
      <header>
        <h1>agno runs in useChat</h1>
        <p>
          {offer?.mode === 'live'
            ? "Each prompt runs a scripted agent or team of agno's AgentOS; its stream reaches useChat through agent-event-bridge."
            : 'Each prompt replays an agno 2.x stream through agent-event-bridge as a UI message stream.'}
        </p>
        <nav aria-label="Scenarios">
          {(offer?.scenarios ?? []).map((scenario) => (
            <button key={scenario.name} type="button" disabled={busy} onClick={() => send(scenario.prompt)} title={scenario.origin}>
              {scenario.title}
            </button>
          ))}
        </nav>
      </header>
      <ol className="messages">
        {messages.map((message) => (
          <MessageView key={message.id} message={message} answering={answering} />
        ))}
      </ol>
      {error === undefined ? null : (
        <p className="run-error" role="alert" data-testid="chat-error">
          The run failed: {error.message}
        </p>
      )}
      <form onSubmit={submit}>
        <input aria-label="Message" value={input} onChange={(event) => setInput(event.target.value)} placeholder="A prompt above, or a scenario name" />
        {busy ? (
          <button type="button" onClick={stopRun}>
            Stop
          </button>
        ) : (
          <button type="submit">Send</button>
        )}
        <span className="status" data-testid="chat-status" data-status={status}>
          {status}
        </span>
      </form>
    </main>
  );
}
