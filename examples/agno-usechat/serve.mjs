// @ts-check
// `npm run example:usechat`: builds the page, then serves it and the chat endpoint on 127.0.0.1.
// Environment: PORT (default 5173, 0 for any free port), PAGE_DIRECTORY (where the page is
// built, default ./dist), REPLAY_DELAY_MS (pause between agno records, default 40).
import { buildPage, defaultPageDirectory } from './build-page.mjs';
import { createChatServer, scenarios } from './chat-server.mjs';

const port = Number(process.env.PORT ?? 5173);
const pageDirectory = await buildPage(process.env.PAGE_DIRECTORY ?? defaultPageDirectory);
const server = createChatServer({
  pageDirectory,
  delayMs: Number(process.env.REPLAY_DELAY_MS ?? 40),
  onIssue(issue, scenario) {
    console.warn(`[${scenario.name}] ${issue.level} ${issue.code}${issue.eventType === undefined ? '' : ` (${issue.eventType})`}: ${issue.message}`);
  },
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/`;
  console.log(`agno runs in useChat: ${url}`);
  console.log(`Scenarios (click one, or type its name): ${scenarios.map((scenario) => scenario.name).join(', ')}`);
});
