import type * as CoreMessages from '@langchain/core/messages';
import { isMissingPeer, missingPeerError } from '../../src/pipeline/peer.js';

/** CommonJS's own `require`: this module is built into the CommonJS entry only (see tsup.config.ts). */
declare const require: (specifier: string) => unknown;

function load(): typeof CoreMessages {
  try {
    return require('@langchain/core/messages') as typeof CoreMessages;
  } catch (error) {
    throw isMissingPeer(error, '@langchain/core') ? missingPeerError('agent-event-bridge/langchain', '@langchain/core', error) : error;
  }
}

/** `@langchain/core/messages` for the CommonJS build of `agent-event-bridge/langchain`: see `core-messages.ts`. */
export const coreMessages: typeof CoreMessages = load();
