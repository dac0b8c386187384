import type { Message, Part } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { structuredContentName } from './write-record.js';
import { resultString } from './tool-execution.js';
import { append } from '../../src/model/append.js';

/** agno message roles and the canonical role each one maps to. */
export const agnoRoles: Readonly<Record<string, Message['role']>> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  model: 'assistant',
  tool: 'tool',
};

/** Parses OpenAI-style tool call arguments; text that is not JSON stays a string. */
export function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (Array.isArray(content)) {
    // Multimodal content lists: their text items become text parts; the list itself stays in the source record.
    return content.filter(isRecord).flatMap((item): Part[] => (item.type === 'text' && typeof item.text === 'string' ? [{ type: 'text', text: item.text }] : []));
  }
  if (content === undefined || content === null) return [];
  return [{ type: 'data', name: structuredContentName, data: content }];
}

function partsOf(value: Record<string, unknown>, role: Message['role']): Part[] {
  if (role === 'tool') {
    const part: Part = {
      type: 'tool-result',
      toolCallId: typeof value.tool_call_id === 'string' ? value.tool_call_id : '',
      output: value.content ?? null,
    };
    if (typeof value.tool_name === 'string') part.toolName = value.tool_name;
    if (value.tool_call_error === true) part.isError = true;
    return [part];
  }
  const parts: Part[] = [];
  if (typeof value.reasoning_content === 'string' && value.reasoning_content !== '') parts.push({ type: 'reasoning', text: value.reasoning_content });
  append(parts, contentParts(value.content));
  for (const call of Array.isArray(value.tool_calls) ? value.tool_calls.filter(isRecord) : []) {
    const called = isRecord(call.function) ? call.function : {};
    parts.push({
      type: 'tool-call',
      toolCallId: typeof call.id === 'string' ? call.id : '',
      toolName: typeof called.name === 'string' ? called.name : '',
      input: parseArguments(called.arguments),
    });
  }
  return parts;
}

function derivedMessage(message: Message): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  if (message.id !== undefined) record.id = message.id;
  const texts = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []));
  const result = message.parts.find((part) => part.type === 'tool-result');
  const data = message.parts.find((part) => part.type === 'data' && part.name === structuredContentName);
  if (result !== undefined) record.content = typeof result.output === 'string' ? result.output : resultString(result.output);
  else if (texts.length > 0) record.content = texts.join('');
  else if (data?.type === 'data') record.content = data.data;
  const reasoning = message.parts.flatMap((part) => (part.type === 'reasoning' ? [part.text] : []));
  if (reasoning.length > 0) record.reasoning_content = reasoning.join('');
  record.role = message.role;
  if (message.name !== undefined) record.name = message.name;
  if (result !== undefined) {
    record.tool_call_id = result.toolCallId;
    if (result.toolName !== undefined) record.tool_name = result.toolName;
    record.tool_call_error = result.isError === true;
  }
  const calls = message.parts.flatMap((part) =>
    part.type === 'tool-call'
      ? [{ id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) } }]
      : [],
  );
  if (calls.length > 0) record.tool_calls = calls;
  return record;
}

/**
 * Reads a 2.x `Message.to_dict()` as a canonical message. What the parts cannot hold
 * (`from_history`, `created_at`, metrics, media …) stays in the source record only.
 */
export function readMessage(value: Record<string, unknown>): Message {
  const role = typeof value.role === 'string' ? agnoRoles[value.role] ?? 'user' : 'user';
  const message: Message = { role, parts: partsOf(value, role) };
  if (typeof value.id === 'string') message.id = value.id;
  if (typeof value.name === 'string') message.name = value.name;
  return message;
}

/** What a message from another format gets where agno always writes a value. */
export interface MessageDefaults {
  /** Mints the id of a message without one (agno 2.1.9+ gives every message an id). */
  mintId?: () => string;
  /** Unix seconds, for `created_at`. */
  createdAt?: number;
}

/** Writes a canonical message as a 2.x `Message.to_dict()`, with agno's defaults where it always writes a value. */
export function writeMessage(message: Message, defaults: MessageDefaults = {}): Record<string, unknown> {
  const derived = derivedMessage(message);
  const id = message.id ?? defaults.mintId?.();
  const written: Record<string, unknown> = { ...(id === undefined ? {} : { id }), ...derived, from_history: false, stop_after_tool_call: false };
  if (defaults.createdAt !== undefined) written.created_at = defaults.createdAt;
  return written;
}
