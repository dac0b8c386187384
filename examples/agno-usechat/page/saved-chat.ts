import { type UIMessage, generateId } from 'ai';

/** The URL query parameter that names the page's chat. */
const chatParameter = 'chat';

/**
 * The chat of this page: the id in the `chat` query parameter, or a new one written there, so a
 * reload keeps the chat and useChat's `resume: true` reconnect asks the server for this chat's run.
 */
export function chatIdOfPage(): string {
  const url = new URL(window.location.href);
  const named = url.searchParams.get(chatParameter);
  if (named !== null && named !== '') return named;
  const chatId = generateId();
  url.searchParams.set(chatParameter, chatId);
  window.history.replaceState(null, '', url);
  return chatId;
}

/** Where a chat's messages are kept in the tab's `sessionStorage`. */
export function savedChatKey(chatId: string): string {
  return `agno-usechat:${chatId}`;
}

/**
 * The messages of a chat as this tab last saved them (none for a new chat): what useChat starts
 * with after a reload. An assistant message saved mid-run is rebuilt by the resumed stream, which
 * names the same message id.
 */
export function savedMessages(chatId: string): UIMessage[] {
  const text = window.sessionStorage.getItem(savedChatKey(chatId));
  if (text === null) return [];
  try {
    const messages: unknown = JSON.parse(text);
    return Array.isArray(messages) ? (messages as UIMessage[]) : [];
  } catch {
    return [];
  }
}

/** Saves a chat's messages in the tab's `sessionStorage`, where {@link savedMessages} reads them. */
export function saveMessages(chatId: string, messages: readonly UIMessage[]): void {
  window.sessionStorage.setItem(savedChatKey(chatId), JSON.stringify(messages));
}
