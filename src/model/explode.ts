import type { CanonicalEvent, Envelope } from './event.js';
import type { Message, Part, Run } from './snapshot.js';

/** Options of {@link explode}. */
export interface ExplodeOptions {
  /**
   * Mark every `run-start` with `snapshot: true`: the runs come from a stored snapshot, and
   * targets with an aggregate shape write them as one by default. Decoders of aggregates set it.
   */
  snapshot?: boolean;
}

/**
 * Turns run snapshots back into canonical events, members right before their parent's
 * terminal event, so that `accumulate(explode(runs))` equals `runs`.
 */
export function explode(runs: Iterable<Run>, options: ExplodeOptions = {}): CanonicalEvent[] {
  const events: CanonicalEvent[] = [];
  for (const run of runs) explodeRun(run, events, options.snapshot === true);
  return events;
}

/** The run id, parent, session and actor of a run or an event, copied into an envelope of their own. */
export function envelopeOf(run: Pick<Envelope, 'runId' | 'parentRunId' | 'sessionId' | 'actor'>): Envelope {
  const envelope: Envelope = { runId: run.runId };
  if (run.parentRunId !== undefined) envelope.parentRunId = run.parentRunId;
  if (run.sessionId !== undefined) envelope.sessionId = run.sessionId;
  if (run.actor !== undefined) envelope.actor = run.actor;
  return envelope;
}

function explodeRun(run: Run, events: CanonicalEvent[], snapshot: boolean): void {
  const envelope = envelopeOf(run);
  const start: CanonicalEvent = { type: 'run-start', ...envelope };
  if (snapshot) start.snapshot = true;
  if (run.time !== undefined) start.time = run.time;
  if (run.model !== undefined) start.model = run.model;
  if (run.provider !== undefined) start.provider = run.provider;
  if (run.input !== undefined) start.input = run.input;
  if (run.ext !== undefined) start.ext = run.ext;
  events.push(start);

  run.messages.forEach((message, index) => {
    if (isStreamable(message)) explodeMessage(message, envelope, `m${index}`, events);
    else events.push({ type: 'message', ...envelope, message });
  });
  for (const member of run.members) explodeRun(member, events, snapshot);

  // Only `run-end` carries usage; a run that did not complete keeps its usage on a step end.
  if (run.status !== 'completed' && run.usage !== undefined) {
    events.push({ type: 'step-end', ...envelope, usage: run.usage });
  }
  switch (run.status) {
    case 'completed': {
      const end: CanonicalEvent = { type: 'run-end', ...envelope };
      if (run.output !== undefined) end.output = run.output;
      if (run.usage !== undefined) end.usage = run.usage;
      if (run.finishReason !== undefined) end.finishReason = run.finishReason;
      events.push(end);
      break;
    }
    case 'error':
      events.push({ type: 'run-error', ...envelope, error: run.error ?? { message: 'unknown error' } });
      break;
    case 'cancelled': {
      const cancel: CanonicalEvent = { type: 'run-cancel', ...envelope };
      if (run.cancelReason !== undefined) cancel.reason = run.cancelReason;
      events.push(cancel);
      break;
    }
    case 'paused':
      events.push({ type: 'run-pause', ...envelope, requirements: run.requirements ?? [] });
      break;
    case 'running':
      break;
  }
}

/**
 * Whether a message can travel as streamed events (`step-start`, `text-*`, `tool-*` …) and
 * come back identical; system and user messages, named messages, and tool messages other
 * than one result travel as a whole `message` event.
 */
export function isStreamable(message: Message): boolean {
  if (message.name !== undefined) return false;
  if (message.role === 'assistant') return message.parts.every((part) => part.type !== 'tool-result');
  if (message.role === 'tool') {
    const [only] = message.parts;
    return message.parts.length === 1 && only?.type === 'tool-result' && message.id === undefined && message.ext === undefined;
  }
  return false;
}

/**
 * Streams one assistant or tool message as canonical events. Stream encoders use it for
 * `message` events; ids of text and reasoning blocks are `${prefix}-${partIndex}`.
 * @param envelope the run fields every produced event carries.
 * @param prefix makes block ids unique within the run.
 * @param events where the events are appended; also returned.
 */
export function explodeMessage(
  message: Message,
  envelope: Envelope,
  prefix: string,
  events: CanonicalEvent[] = [],
): CanonicalEvent[] {
  if (message.role === 'assistant') {
    const start: CanonicalEvent = { type: 'step-start', ...envelope };
    if (message.id !== undefined) start.messageId = message.id;
    if (message.ext !== undefined) start.ext = message.ext;
    events.push(start);
  }
  message.parts.forEach((part, index) => explodePart(part, envelope, `${prefix}-${index}`, events));
  if (message.role === 'assistant') events.push({ type: 'step-end', ...envelope });
  return events;
}

function explodePart(part: Part, envelope: Envelope, id: string, events: CanonicalEvent[]): void {
  const ext = part.ext === undefined ? {} : { ext: part.ext };
  switch (part.type) {
    case 'text': {
      events.push({ type: 'text-start', ...envelope, ...ext, id });
      if (part.text !== '') events.push({ type: 'text-delta', ...envelope, id, delta: part.text });
      const end: CanonicalEvent = { type: 'text-end', ...envelope, id };
      if (part.citations !== undefined) end.citations = part.citations;
      events.push(end);
      return;
    }
    case 'reasoning': {
      events.push({ type: 'reasoning-start', ...envelope, ...ext, id });
      if (part.text !== '') events.push({ type: 'reasoning-delta', ...envelope, id, delta: part.text });
      const end: CanonicalEvent = { type: 'reasoning-end', ...envelope, id };
      if (part.signature !== undefined) end.signature = part.signature;
      events.push(end);
      return;
    }
    case 'tool-call':
      events.push({
        type: 'tool-call',
        ...envelope,
        ...ext,
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
      });
      return;
    case 'tool-result': {
      const base = { ...envelope, ...ext, toolCallId: part.toolCallId };
      const toolName = part.toolName === undefined ? {} : { toolName: part.toolName };
      if (part.isError === true) events.push({ type: 'tool-error', ...base, ...toolName, error: part.output });
      else events.push({ type: 'tool-result', ...base, ...toolName, output: part.output });
      return;
    }
    case 'file': {
      const file: CanonicalEvent = { type: 'file', ...envelope, ...ext, mediaType: part.mediaType };
      if (part.url !== undefined) file.url = part.url;
      if (part.data !== undefined) file.data = part.data;
      if (part.name !== undefined) file.name = part.name;
      events.push(file);
      return;
    }
    case 'source': {
      const source: CanonicalEvent = { type: 'source', ...envelope, ...ext };
      if (part.url !== undefined) source.url = part.url;
      if (part.title !== undefined) source.title = part.title;
      if (part.id !== undefined) source.id = part.id;
      events.push(source);
      return;
    }
    case 'data':
      events.push({ type: 'data', ...envelope, ...ext, name: part.name, data: part.data, ...(part.id === undefined ? {} : { id: part.id }) });
      return;
  }
}
