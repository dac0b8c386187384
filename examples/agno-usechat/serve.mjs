// @ts-check
// `npm run example:usechat`: builds the page, starts agno's AgentOS app (live mode), then serves the
// page and the chat endpoint on 127.0.0.1.
// Environment: PORT (default 5173, 0 for any free port), PAGE_DIRECTORY (where the page is built,
// default ./dist), EXAMPLE_MODE (`live`, the default, or `replay`), AGNO_PYTHON (the Python with
// agno installed, default the project's test/interop/.venv/agno-3.1.10), AGENTOS_URL (an AgentOS
// app already running, instead of starting one), REPLAY_DELAY_MS (replay mode: pause between agno
// records, default 40).
import { buildPage, defaultPageDirectory } from './build-page.mjs';
import { createAgentOsBackend } from './agentos-backend.mjs';
import { createChatServer } from './chat-server.mjs';
import { createReplayBackend } from './replay-backend.mjs';
import { canRunAgentOs, defaultPython, startAgentOs } from './start-agentos.mjs';

const port = Number(process.env.PORT ?? 5173);
const python = process.env.AGNO_PYTHON ?? defaultPython;
/** @param {import('agent-event-bridge').Issue} issue @param {import('./chat-server.mjs').Scenario} scenario */
const onIssue = (issue, scenario) => {
  console.warn(`[${scenario.name}] ${issue.level} ${issue.code}${issue.eventType === undefined ? '' : ` (${issue.eventType})`}: ${issue.message}`);
};

let mode = process.env.EXAMPLE_MODE ?? 'live';
if (mode === 'live' && process.env.AGENTOS_URL === undefined && !canRunAgentOs(python)) {
  console.warn(`No agno Python at ${python} (run \`node test/interop/setup.mjs\`, or set AGNO_PYTHON): replaying recordings instead.`);
  mode = 'replay';
}

const pageDirectory = await buildPage(process.env.PAGE_DIRECTORY ?? defaultPageDirectory);
/** @type {{ url: string, stop: () => Promise<void> } | undefined} */
let agentOs;
if (mode === 'live') agentOs = process.env.AGENTOS_URL === undefined ? await startAgentOs(python) : { url: process.env.AGENTOS_URL, stop: async () => {} };
const backend = agentOs === undefined ? createReplayBackend({ delayMs: Number(process.env.REPLAY_DELAY_MS ?? 40), onIssue }) : createAgentOsBackend({ baseUrl: agentOs.url, onIssue });
const server = createChatServer({ pageDirectory, backend });

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    server.close();
    void agentOs?.stop().finally(() => process.exit(0));
    if (agentOs === undefined) process.exit(0);
  });
}

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/`;
  if (agentOs !== undefined) console.log(`AgentOS: ${agentOs.url}`);
  console.log(`agno runs in useChat (${backend.mode}): ${url}`);
  console.log(`Scenarios (click one, or type its name): ${backend.scenarios.map((scenario) => scenario.name).join(', ')}`);
});
