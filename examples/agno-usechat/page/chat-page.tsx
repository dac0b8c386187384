import { useChat } from '@ai-sdk/react';
import { type FormEvent, useState } from 'react';
import scenarios from '../scenarios.json' with { type: 'json' };
import { MessageView } from './message-view.js';

/**
 * The chat: `useChat` with its default transport, which posts to `/api/chat` on this origin,
 * where the example server replays an agno recording as a UI message stream.
 */
export function ChatPage() {
  const { messages, sendMessage, status, error } = useChat();
  const [input, setInput] = useState('');
  const busy = status === 'submitted' || status === 'streaming';

  function send(text: string): void {
    if (busy || text.trim() === '') return;
    void sendMessage({ text });
    setInput('');
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    send(input);
  }

  return (
    <main>
      <header>
        <h1>agno runs in useChat</h1>
        <p>Each prompt replays an agno 2.x stream through agent-event-bridge as a UI message stream.</p>
        <nav aria-label="Scenarios">
          {scenarios.map((scenario) => (
            <button key={scenario.name} type="button" disabled={busy} onClick={() => send(scenario.prompt)} title={scenario.origin}>
              {scenario.title}
            </button>
          ))}
        </nav>
      </header>
      <ol className="messages">
        {messages.map((message) => (
          <MessageView key={message.id} message={message} />
        ))}
      </ol>
      {error === undefined ? null : (
        <p className="run-error" role="alert" data-testid="chat-error">
          The run failed: {error.message}
        </p>
      )}
      <form onSubmit={submit}>
        <input aria-label="Message" value={input} onChange={(event) => setInput(event.target.value)} placeholder="A prompt above, or a scenario name" />
        <button type="submit" disabled={busy}>
          Send
        </button>
        <span className="status" data-testid="chat-status" data-status={status}>
          {status}
        </span>
      </form>
    </main>
  );
}
