import { readAgentOSResponse } from '../agno/agent-os.js';
import type { ReaderReference, FormatsFor } from '../../src/pipeline/converter.js';
import { type UIMessageStreamOptions, toUIMessageStreamResponse } from './response.js';

/** Options of {@link toResumedUIMessageStreamResponse}: those of `toUIMessageStreamResponse`, and where the client is. */
export interface ResumedUIMessageStreamOptions<From extends ReaderReference | 'auto' = ReaderReference | 'auto'> extends UIMessageStreamOptions<From> {
  /**
   * The `event_index` of the last event the client's message already holds (the one given to
   * `agentOSResumeRequest`): events up to it that AgentOS sends again are skipped. Leave it out
   * when the client holds nothing of the run's message (a reloaded page whose chat was saved
   * before the run): the whole message is streamed again, under the same id.
   */
  lastEventIndex?: number;
}

/**
 * The answer to useChat's reconnect (`resume: true` sends `GET {api}/{chatId}/stream` when the page
 * loads): the run AgentOS re-attached to (the `fetch` `Response` of `agentOSResumeRequest` from
 * `agent-event-bridge/agno`) as a UI message stream. Its `start` chunk names the agno run id as the
 * message id, as the first response did, so useChat keeps building the same assistant message.
 * When AgentOS has no stream for the run (a run submitted without one, or a JSON answer) the
 * answer is 204, which tells useChat there is nothing to resume; a 409, 429 or other error keeps
 * its status with `{error: detail}` (and `Retry-After`), which useChat reports as an error.
 */
export async function toResumedUIMessageStreamResponse<From extends ReaderReference | 'auto' = 'auto'>(
  agentOS: Response,
  options: ResumedUIMessageStreamOptions<From> & FormatsFor<From>,
): Promise<Response> {
  const answer = await readAgentOSResponse(agentOS);
  if (answer.kind === 'stream') {
    const { lastEventIndex, ...rest } = options;
    const decode = lastEventIndex === undefined ? rest.decode : { ...rest.decode, lastEventIndex };
    return toUIMessageStreamResponse(answer.body, { ...rest, ...(decode === undefined ? {} : { decode }) } as UIMessageStreamOptions<From> & FormatsFor<From>);
  }
  if (answer.kind === 'run' || answer.kind === 'accepted') return new Response(null, { status: 204 });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (answer.kind !== 'error' && answer.retryAfterSeconds !== undefined) headers['retry-after'] = String(answer.retryAfterSeconds);
  return new Response(JSON.stringify({ error: answer.detail }), { status: answer.status, headers });
}
