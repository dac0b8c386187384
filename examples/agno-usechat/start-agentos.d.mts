/** The agno AgentOS app of the live mode (test/interop/agentos_app.py). */
export const agentOsApp: string;
/** The Python of the project's agno 3.1.10 environment. */
export const defaultPython: string;
/** Whether the live mode can start its AgentOS app with `python`. */
export function canRunAgentOs(python?: string): boolean;
/** Starts the AgentOS app with `python` on a loopback port and resolves once it accepts requests. */
export function startAgentOs(python?: string, options?: { timeoutMs?: number }): Promise<{ url: string; stop: () => Promise<void> }>;
