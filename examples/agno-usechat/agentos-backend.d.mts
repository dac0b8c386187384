import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Issue } from 'agent-event-bridge';

/** A scenario of the live mode (live-scenarios.json). */
export interface Scenario { name: string; title: string; prompt: string; origin: string; agentId?: string; teamId?: string }

/** What answers the example's chat routes (chat-server.mjs). */
export interface Backend {
  mode: 'live' | 'replay';
  scenarios: Scenario[];
  chat(request: IncomingMessage, response: ServerResponse, body: unknown): Promise<void>;
  resume(response: ServerResponse, chatId: string): Promise<void>;
  cancel(response: ServerResponse, chatId: string): Promise<void>;
}

/** The scenarios of the live mode. */
export const liveScenarios: Scenario[];
/** The live backend: each chat runs an agent or team of the AgentOS app at `baseUrl`. */
export function createAgentOsBackend(options: { baseUrl: string; onIssue?: (issue: Issue, scenario: Scenario) => void; maxChats?: number }): Backend;
/** A map by chat id that keeps the `limit` chats set last. */
export class ChatTable<Value> extends Map<string, Value> {
  constructor(limit: number);
  readonly limit: number;
}
/** The agno session of a chat's runs of one agent or team. */
export function sessionOf(chatId: string, owner: { agentId?: string; teamId?: string }): string;
