import type { Message, Part } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { agnoRoles, parseArguments } from '../agno/index.js';
import { pythonJson } from './python-json.js';

/** Reads a 1.x `Message.to_dict()` as a canonical message (what it cannot hold stays in the run's patch). */
export function readLegacyMessage(message: Record<string, unknown>): Message {
  const role = agnoRoles[String(message.role)] ?? 'user';
  const parts: Part[] = [];
  if (role === 'tool') {
    const part: Part = { type: 'tool-result', toolCallId: String(message.tool_call_id ?? ''), output: message.content ?? null };
    if (typeof message.tool_name === 'string') part.toolName = message.tool_name;
    if (message.tool_call_error === true) part.isError = true;
    return { role, parts: [part] };
  }
  // 1.x kept provider thinking and reasoning apart; both are reasoning.
  for (const key of ['thinking', 'reasoning_content']) {
    const text = message[key];
    if (typeof text === 'string' && text !== '') parts.push({ type: 'reasoning', text });
  }
  if (typeof message.content === 'string') parts.push({ type: 'text', text: message.content });
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (!isRecord(call)) continue;
      const invoked = isRecord(call.function) ? call.function : {};
      parts.push({
        type: 'tool-call',
        toolCallId: String(call.id ?? ''),
        toolName: String(invoked.name ?? ''),
        input: parseArguments(invoked.arguments),
      });
    }
  }
  return { role, parts };
}

/**
 * Writes a canonical message as 1.x `Message.to_dict()` records: one per tool result, since
 * a 1.x tool message holds one.
 * @param inputs tool-call inputs by call id, for the `tool_args` of tool messages.
 * @param lost receives a description of each part 1.x messages cannot hold.
 */
export function writeLegacyMessages(
  message: Message,
  inputs: ReadonlyMap<string, unknown>,
  lost: (what: string) => void,
): Record<string, unknown>[] {
  const base = { from_history: false, stop_after_tool_call: false };
  if (message.role === 'tool') {
    return message.parts.flatMap((part) => {
      if (part.type !== 'tool-result') {
        lost(`a ${part.type} part of a tool message`);
        return [];
      }
      const record: Record<string, unknown> = {
        content: typeof part.output === 'string' ? part.output : pythonJson(part.output),
        ...base,
        role: 'tool',
        tool_call_id: part.toolCallId,
      };
      if (part.toolName !== undefined) record.tool_name = part.toolName;
      const input = inputs.get(part.toolCallId);
      if (input !== undefined) record.tool_args = input;
      record.tool_call_error = part.isError === true;
      return [record];
    });
  }
  const texts: string[] = [];
  const reasoning: string[] = [];
  const calls: Record<string, unknown>[] = [];
  for (const part of message.parts) {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'reasoning') reasoning.push(part.text);
    else if (part.type === 'tool-call') {
      calls.push({ id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: pythonJson(part.input) } });
    } else lost(`a ${part.type} part of a ${message.role} message`);
  }
  const record: Record<string, unknown> = {};
  if (texts.length > 0) record.content = texts.join('');
  if (reasoning.length > 0) record.reasoning_content = reasoning.join('');
  Object.assign(record, base, { role: message.role });
  if (message.name !== undefined) record.name = message.name;
  if (calls.length > 0) record.tool_calls = calls;
  return [record];
}
