import type { Citation, Message, Part, PartOfType } from '../../src/model/snapshot.js';
import { isRecord, residual } from '../../src/pipeline/adapter-kit.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { type Lineage, withRunContext } from './lineage.js';
import { type MessageFields, type MessageForm, type MessageKind, formatName } from './schema.js';

/** The data-part name of a content block canonical has no part for; it is written back verbatim. */
export const contentBlockName = 'langchain-content';

const roleOfKind: Partial<Record<MessageKind, Message['role']>> = { human: 'user', ai: 'assistant', system: 'system', tool: 'tool' };

function langchainExt(part: Part): Record<string, unknown> {
  return part.ext?.langchain ?? {};
}

function withExt<P extends Part>(part: P, fields: Record<string, unknown> | undefined): P {
  if (fields !== undefined && Object.keys(fields).length > 0) part.ext = { langchain: fields };
  return part;
}

const textKeys = new Set(['type', 'text']);
const annotatedTextKeys = new Set(['type', 'text', 'annotations']);
const reasoningKeys = new Set(['type', 'reasoning', 'signature']);
const citationKeys: [keyof Citation, string][] = [
  ['url', 'url'],
  ['title', 'title'],
  ['id', 'id'],
  ['text', 'citedText'],
];

/** Standard `citation` annotations as canonical citations; undefined when any annotation is something else. */
function citationsOf(annotations: unknown): Citation[] | undefined {
  if (!Array.isArray(annotations)) return undefined;
  const citations: Citation[] = [];
  for (const annotation of annotations) {
    if (!isRecord(annotation) || annotation.type !== 'citation') return undefined;
    const known = new Set(['type', ...citationKeys.map(([, key]) => key)]);
    if (Object.keys(annotation).some((key) => !known.has(key))) return undefined;
    const citation: Citation = {};
    for (const [field, key] of citationKeys) {
      const value = annotation[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') return undefined;
      citation[field] = value;
    }
    citations.push(citation);
  }
  return citations;
}

function annotationsOf(citations: readonly Citation[]): unknown[] {
  return citations.map((citation) => {
    const annotation: Record<string, unknown> = { type: 'citation' };
    for (const [field, key] of citationKeys) if (citation[field] !== undefined) annotation[key] = citation[field];
    return annotation;
  });
}
const thinkingKeys = new Set(['type', 'thinking', 'signature']);
const fileKeys = new Set(['type', 'url', 'data', 'mimeType']);
const namedFileKeys = new Set([...fileKeys, 'metadata']);
const fileTypes = new Set(['image', 'audio', 'video', 'file']);

/** One content block as a part: text, reasoning (standard or Anthropic `thinking`), file, data. */
function blockPart(block: unknown): Part {
  if (isRecord(block)) {
    if (block.type === 'text' && typeof block.text === 'string') {
      const citations = citationsOf(block.annotations);
      const part: PartOfType<'text'> = { type: 'text', text: block.text };
      if (citations !== undefined) part.citations = citations;
      return withExt(part, residual(block, citations === undefined ? textKeys : annotatedTextKeys));
    }
    if (block.type === 'reasoning' && typeof block.reasoning === 'string') {
      const part: PartOfType<'reasoning'> = { type: 'reasoning', text: block.reasoning };
      if (typeof block.signature === 'string') part.signature = block.signature;
      return withExt(part, residual(block, reasoningKeys));
    }
    if (block.type === 'thinking' && typeof block.thinking === 'string') {
      const part: PartOfType<'reasoning'> = { type: 'reasoning', text: block.thinking };
      if (typeof block.signature === 'string') part.signature = block.signature;
      return withExt(part, { ...residual(block, thinkingKeys), block: 'thinking' });
    }
    const sourceValid = (!('url' in block) || typeof block.url === 'string') && (!('data' in block) || typeof block.data === 'string');
    const source = sourceValid ? { ...(typeof block.url === 'string' ? { url: block.url } : {}), ...(typeof block.data === 'string' ? { data: block.data } : {}) } : undefined;
    if (typeof block.type === 'string' && fileTypes.has(block.type) && typeof block.mimeType === 'string' && source !== undefined) {
      const part: PartOfType<'file'> = { type: 'file', mediaType: block.mimeType, ...source };
      const metadata = block.metadata;
      const named = isRecord(metadata) && Object.keys(metadata).length === 1 && typeof metadata.filename === 'string';
      if (named) part.name = metadata.filename as string;
      return withExt(part, { ...residual(block, named ? namedFileKeys : fileKeys), ...(block.type === 'file' ? {} : { block: block.type }) });
    }
    if (block.type === 'non_standard' && isRecord(block.value) && block.value.type === 'source' && Object.keys(block).length === 2) {
      const source: PartOfType<'source'> = { type: 'source' };
      for (const key of ['url', 'title', 'id'] as const) {
        const value = block.value[key];
        if (typeof value === 'string') source[key] = value;
      }
      if (Object.keys(block.value).length === Object.keys(source).length) return source;
    }
    if (block.type === 'non_standard' && isRecord(block.value) && typeof block.value.name === 'string' && Object.keys(block).length === 2) {
      return { type: 'data', name: block.value.name, data: block.value.data, ...(typeof block.value.id === 'string' ? { id: block.value.id } : {}) };
    }
  }
  return { type: 'data', name: contentBlockName, data: block };
}

function partBlock(part: Part): unknown {
  const extra = langchainExt(part);
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text, ...(part.citations === undefined ? {} : { annotations: annotationsOf(part.citations) }), ...extra };
    case 'reasoning': {
      const { block, ...rest } = extra;
      const signature = part.signature === undefined ? {} : { signature: part.signature };
      if (block === 'thinking') return { type: 'thinking', thinking: part.text, ...signature, ...rest };
      return { type: 'reasoning', reasoning: part.text, ...signature, ...rest };
    }
    case 'file': {
      const { block, ...rest } = extra;
      const type = typeof block === 'string' ? block : part.mediaType.startsWith('image/') ? 'image' : 'file';
      const source = { ...(part.url === undefined ? {} : { url: part.url }), ...(part.data === undefined ? {} : { data: part.data }) };
      const metadata = part.name === undefined ? {} : { metadata: { filename: part.name } };
      return { type, ...source, mimeType: part.mediaType, ...metadata, ...rest };
    }
    case 'data':
      if (part.name === contentBlockName) return part.data;
      return { type: 'non_standard', value: { name: part.name, data: part.data, ...(part.id === undefined ? {} : { id: part.id }) } };
    case 'source': {
      const { ext: _ext, ...source } = part;
      return { type: 'non_standard', value: source };
    }
    case 'tool-call':
      return { type: 'tool_call', id: part.toolCallId, name: part.toolName, args: part.input };
    case 'tool-result':
      return { type: 'non_standard', value: { name: 'tool-result', data: part } };
  }
}

/** Content as parts: a string is one text part (none when empty), an array one part per block. */
export function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (Array.isArray(content)) return content.map(blockPart);
  return [];
}

/** Parts as content: one plain text part or none is a string, anything else an array of blocks. */
export function partsContent(parts: readonly Part[]): string | unknown[] {
  if (parts.length === 0) return '';
  const [only] = parts;
  if (parts.length === 1 && only?.type === 'text' && only.ext === undefined && only.citations === undefined && only.text !== '') return only.text;
  return parts.map(partBlock);
}

/**
 * The `name` of a canonical message read from fields, minus the agent name the writer puts there
 * for a message without one: an AI message's `name` equal to its agent's is its own only when the
 * lineage says so in `message_name`.
 */
function nameOf(fields: MessageFields, lineage: Lineage | undefined, kind: MessageKind): string | undefined {
  if (typeof fields.name !== 'string') return undefined;
  if (kind === 'ai' && isRecord(lineage?.actor) && lineage.actor.name === fields.name && lineage.message_name !== fields.name) return undefined;
  return fields.name;
}

function toolCallParts(fields: MessageFields, context: AdapterContext, runId: string): Part[] {
  const parts: Part[] = [];
  const calls = Array.isArray(fields.tool_calls) ? fields.tool_calls : [];
  for (const call of calls) {
    if (!isRecord(call)) continue;
    let toolCallId = typeof call.id === 'string' ? call.id : undefined;
    if (toolCallId === undefined) {
      toolCallId = context.mint('call');
      context.report({ code: 'minted', level: 'info', runId, eventType: 'tool-call', path: 'tool_calls', message: `a tool call without an id was given the id ${toolCallId}` });
    }
    parts.push({ type: 'tool-call', toolCallId, toolName: typeof call.name === 'string' ? call.name : '', input: call.args === undefined ? {} : call.args });
  }
  const invalid = Array.isArray(fields.invalid_tool_calls) ? fields.invalid_tool_calls : [];
  for (const call of invalid) {
    if (!isRecord(call)) continue;
    const toolCallId = typeof call.id === 'string' ? call.id : context.mint('call');
    context.report({
      code: 'approximated',
      level: 'warning',
      runId,
      eventType: 'tool-call',
      path: 'invalid_tool_calls',
      message: `the invalid tool call ${toolCallId} (${String(call.error ?? 'malformed arguments')}) is kept as a tool call whose input is the raw argument string`,
    });
    const extra: Record<string, unknown> = { invalid: true };
    if (call.error !== undefined) extra.error = call.error;
    parts.push(withExt({ type: 'tool-call', toolCallId, toolName: typeof call.name === 'string' ? call.name : '', input: call.args ?? '' }, extra));
  }
  return parts;
}

/** Options of {@link messageOf}. */
export interface MessageOfOptions {
  kind: MessageKind;
  /** Whether the record is a chunk class (`ToolMessageChunk`, `HumanMessageChunk` …), to be written as one again. */
  chunk?: boolean;
  fields: MessageFields;
  lineage: Lineage | undefined;
  context: AdapterContext;
  runId: string;
}

/** The kinds whose chunk class is read as a whole message and written back as that chunk class. */
const wholeChunkKinds = new Set<MessageKind>(['human', 'system', 'tool']);

/**
 * Whether a message (a tool message: its result part) was read from a chunk class: the decoder marks
 * it `ext.langchain.chunk`, on the tool result for a ToolMessageChunk, as a tool result travels as
 * its own event, and on the message for a HumanMessageChunk or SystemMessageChunk.
 */
export function isChunkPiece(kind: MessageKind, message: Pick<Message, 'ext'>, parts: readonly Part[]): boolean {
  if (!wholeChunkKinds.has(kind)) return false;
  const [first] = parts;
  if (kind === 'tool') return first !== undefined && langchainExt(first).chunk === true;
  return message.ext?.[formatName]?.chunk === true;
}

/**
 * The canonical message of one LangChain message's fields (ext not set yet). Tool calls already
 * present as `tool_call` content blocks (v1 content) are not repeated from `tool_calls`.
 */
export function messageOf({ kind, chunk = false, fields, lineage, context, runId }: MessageOfOptions): Message {
  const role = roleOfKind[kind] ?? 'user';
  const message: Message = { role, parts: [] };
  const markChunk = chunk && wholeChunkKinds.has(kind);
  if (markChunk && kind !== 'tool') message.ext = { [formatName]: { chunk: true } };
  if (typeof fields.id === 'string') message.id = fields.id;
  const name = kind === 'tool' ? (typeof lineage?.message_name === 'string' ? lineage.message_name : undefined) : nameOf(fields, lineage, kind);
  if (name !== undefined) message.name = name;
  if (kind === 'tool') {
    const part: PartOfType<'tool-result'> = {
      type: 'tool-result',
      toolCallId: typeof fields.tool_call_id === 'string' ? fields.tool_call_id : '',
      output: lineage?.json === true && typeof fields.content === 'string' ? parseJson(fields.content) : fields.content,
    };
    if (typeof fields.name === 'string') part.toolName = fields.name;
    if (fields.status === 'error') part.isError = true;
    message.parts.push(withExt(part, markChunk ? { chunk: true } : undefined));
    return message;
  }
  const kwargs = isRecord(fields.additional_kwargs) ? fields.additional_kwargs : {};
  // DeepSeek, Ollama, xAI and OpenRouter integrations put reasoning in additional_kwargs.
  if (kind === 'ai' && typeof kwargs.reasoning_content === 'string') {
    message.parts.push(withExt({ type: 'reasoning', text: kwargs.reasoning_content }, { source: 'reasoning_content' }));
  }
  const content = contentParts(fields.content);
  for (const part of content) {
    if (part.type === 'data' && part.name === contentBlockName && isRecord(part.data) && part.data.type === 'tool_call' && typeof part.data.id === 'string') {
      message.parts.push(withExt({ type: 'tool-call', toolCallId: part.data.id, toolName: String(part.data.name ?? ''), input: part.data.args === undefined ? {} : part.data.args }, { block: 'tool_call' }));
    } else {
      message.parts.push(part);
    }
  }
  if (kind === 'ai') {
    const inContent = new Set(message.parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCallId] : [])));
    for (const part of toolCallParts(fields, context, runId)) {
      if (part.type === 'tool-call' && inContent.has(part.toolCallId) && langchainExt(part).invalid !== true) continue;
      message.parts.push(part);
    }
  }
  return message;
}

/**
 * Whether a tool call goes to `invalid_tool_calls`: marked so when read, or with text for input
 * (a call whose streamed input never completed, as a step discarded by the AI SDK's
 * `reset-step` leaves it), which an agent reading `tool_calls` must not execute.
 */
export function isInvalidToolCall(call: PartOfType<'tool-call'>): boolean {
  return langchainExt(call).invalid === true || typeof call.input === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isContentPart(part: Part, interleaved: boolean): boolean {
  if (part.type === 'tool-result') return false;
  // An invalid call has no tool_call block: LangChain would read it back as a call to execute.
  if (part.type === 'tool-call') return !isInvalidToolCall(part) && (interleaved || langchainExt(part).block === 'tool_call');
  return !(part.type === 'reasoning' && langchainExt(part).source === 'reasoning_content');
}

/** Whether content follows a tool call: then tool calls also go into the content, as tool_call blocks, to keep the order. */
function interleaves(parts: readonly Part[]): boolean {
  const firstCall = parts.findIndex((part) => part.type === 'tool-call');
  return firstCall !== -1 && parts.slice(firstCall).some((part) => part.type !== 'tool-call' && isContentPart(part, false));
}

/**
 * The fields LangChain would serialize for a canonical message of a kind, as `toJSON().kwargs`
 * has them for messages built with these fields (run context and ext diff not applied).
 * @param parts the parts that go into this LangChain message.
 */
export function fieldsOf(kind: MessageKind, message: Pick<Message, 'id' | 'name'>, parts: readonly Part[]): MessageFields {
  const fields: MessageFields = {};
  if (kind === 'tool') {
    const [result] = parts;
    if (result?.type === 'tool-result') {
      fields.content = typeof result.output === 'string' || Array.isArray(result.output) ? result.output : JSON.stringify(result.output ?? null);
      fields.tool_call_id = result.toolCallId;
      if (result.toolName !== undefined) fields.name = result.toolName;
      fields.status = result.isError === true ? 'error' : 'success';
    }
  } else {
    const interleaved = kind === 'ai' && interleaves(parts);
    fields.content = partsContent(parts.filter((part) => isContentPart(part, interleaved)));
  }
  if (kind === 'ai') {
    const calls = parts.filter((part): part is PartOfType<'tool-call'> => part.type === 'tool-call');
    fields.tool_calls = calls
      .filter((call) => !isInvalidToolCall(call))
      .map((call) => ({ name: call.toolName, args: call.input, id: call.toolCallId, type: 'tool_call' }));
    fields.invalid_tool_calls = calls.filter(isInvalidToolCall).map((call) => {
      const error = langchainExt(call).error ?? (langchainExt(call).invalid === true ? undefined : 'Malformed args.');
      const args = typeof call.input === 'string' ? call.input : JSON.stringify(call.input ?? null);
      return { name: call.toolName, args, id: call.toolCallId, ...(error === undefined ? {} : { error }), type: 'invalid_tool_call' };
    });
  }
  const reasoning = parts.find((part) => part.type === 'reasoning' && langchainExt(part).source === 'reasoning_content');
  fields.additional_kwargs = reasoning?.type === 'reasoning' ? { reasoning_content: reasoning.text } : {};
  fields.response_metadata = {};
  if (message.id !== undefined) fields.id = message.id;
  if (message.name !== undefined && kind !== 'tool') fields.name = message.name;
  return fields;
}

/** Fields in a form's own shape: OpenAI dicts and tuples leave out LangChain's empty defaults. */
export function formFields(fields: MessageFields, form: MessageForm): MessageFields {
  if (form.form === 'constructor' || form.form === 'stored') return fields;
  const shaped: MessageFields = {};
  for (const [key, value] of Object.entries(fields)) {
    const empty = (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);
    if (empty && key !== 'content') continue;
    shaped[key] = value;
  }
  if (form.form === 'openai' && Array.isArray(shaped.tool_calls)) {
    shaped.tool_calls = shaped.tool_calls.map((call: Record<string, unknown>) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.args) },
    }));
  }
  // A tuple keeps only the content; the rest stays here so the encoder can report what it leaves out.
  return shaped;
}

/** Fields read from a form into LangChain's shape: OpenAI tool calls become LangChain tool calls. */
export function langchainFields(fields: MessageFields, form: MessageForm): MessageFields {
  if (form.form !== 'openai' || !Array.isArray(fields.tool_calls)) return fields;
  const calls: unknown[] = [];
  const invalid: unknown[] = [];
  for (const call of fields.tool_calls) {
    if (!isRecord(call) || !isRecord(call.function)) {
      calls.push(call);
      continue;
    }
    const text = typeof call.function.arguments === 'string' ? call.function.arguments : '';
    const args = parseJson(text === '' ? '{}' : text);
    if (isRecord(args)) calls.push({ name: call.function.name, args, id: call.id, type: 'tool_call' });
    else invalid.push({ name: call.function.name, args: text, id: call.id, error: 'Malformed args.', type: 'invalid_tool_call' });
  }
  return { ...fields, tool_calls: calls, ...(invalid.length > 0 ? { invalid_tool_calls: invalid } : {}) };
}

/**
 * The fields a message is written with, before its ext diff: rebuilt from parts, with the
 * run's lineage, in the form's shape. Decoders diff a record against this; encoders apply the diff.
 */
export function recordFields(kind: MessageKind, message: Pick<Message, 'id' | 'name'>, parts: readonly Part[], lineage: Lineage | undefined, form: MessageForm): MessageFields {
  return formFields(withRunContext(fieldsOf(kind, message, parts), kind === 'ai', lineage), form);
}
