import type * as CoreMessages from '@langchain/core/messages';
import { isMissingPeer, missingPeerError } from '../../src/pipeline/peer.js';

/**
 * `@langchain/core/messages`, the optional peer of `agent-event-bridge/langchain`. Loaded with a
 * top-level `import()` so that a missing peer fails with a message naming the package to install;
 * a static import would fail at link time with the runtime's bare "cannot find package". The
 * CommonJS build loads it with `require` from `core-messages-require.ts` instead.
 */
export const coreMessages: typeof CoreMessages = await import('@langchain/core/messages').catch((error: unknown) => {
  throw isMissingPeer(error, '@langchain/core') ? missingPeerError('agent-event-bridge/langchain', '@langchain/core', error) : error;
});
