import type { Message, Part, Run } from '../../src/index.js';

/**
 * What LangChain messages hold of a run (adapters/langchain/README.md, "What a message carries"):
 * the messages and the lineage with status and usage, not the run's model, provider, output,
 * finish reason, time, error text, cancel reason or any format's `ext`.
 */
export function heldByLangChain(run: Run): Run {
  const { model: _model, provider: _provider, output: _output, finishReason: _finish, time: _time, error: _error, cancelReason: _cancel, ext: _ext, ...held } = run;
  return { ...held, messages: run.messages.map(invalidCallsLast), members: run.members.map(heldByLangChain) };
}

/** A tool call with text for input is an invalid tool call, which LangChain keeps after everything else of its message. */
function invalidCallsLast(message: Message): Message {
  const invalid = (part: Part) => part.type === 'tool-call' && typeof part.input === 'string';
  return { ...message, parts: [...message.parts.filter((part) => !invalid(part)), ...message.parts.filter(invalid)] };
}
