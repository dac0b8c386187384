import type { UIMessage } from 'ai';
import type { Message, Part, Requirement, Run } from '../../src/model/snapshot.js';
import { isRecord } from '../../src/pipeline/adapter-kit.js';
import { bridgeKey, readMetadata, withoutOurKey } from './metadata.js';
import { deniedText, uiFormatName } from './ui-events.js';
import { text } from './state.js';

type UiPart = Record<string, unknown>;

/** Options of {@link fromUIMessages}. */
export interface FromUIMessagesOptions {
  /** The run id when the messages do not name one in `metadata["agent-event-bridge"]` (default `run-1`). */
  runId?: string;
}

/** The fields of a UI part no canonical part field holds, kept in the part's `ext`. */
function partExt(part: UiPart, known: readonly string[]): { ext?: Part['ext'] } {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(part)) {
    if (!known.includes(key) && value !== undefined) Object.defineProperty(rest, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(rest).length === 0 ? {} : { ext: { [uiFormatName]: rest } };
}

function isToolPart(part: UiPart): boolean {
  return part.type === 'dynamic-tool' || (typeof part.type === 'string' && part.type.startsWith('tool-'));
}

function toolNameOf(part: UiPart): string {
  return part.type === 'dynamic-tool' ? text(part.toolName) : text(part.type).slice('tool-'.length);
}

/** A UI part as canonical parts: a tool part gives its call, and its result when it has one. */
function readPart(part: UiPart): { part?: Part; result?: Part } {
  const type = text(part.type);
  switch (type) {
    case 'text':
      return { part: { type: 'text', text: text(part.text), ...partExt(part, ['type', 'text']) } };
    case 'reasoning':
      return { part: { type: 'reasoning', text: text(part.text), ...partExt(part, ['type', 'text']) } };
    case 'file':
      return {
        part: {
          type: 'file',
          mediaType: text(part.mediaType),
          url: text(part.url),
          ...(typeof part.filename === 'string' ? { name: part.filename } : {}),
          ...partExt(part, ['type', 'mediaType', 'url', 'filename']),
        },
      };
    case 'source-url':
      return { part: { type: 'source', id: text(part.sourceId), url: text(part.url), ...(typeof part.title === 'string' ? { title: part.title } : {}), ...partExt(part, ['type', 'sourceId', 'url', 'title']) } };
    case 'source-document':
      return { part: { type: 'source', id: text(part.sourceId), title: text(part.title), ...partExt(part, ['sourceId', 'title']) } };
    default:
      break;
  }
  if (type.startsWith('data-')) {
    const id = typeof part.id === 'string' ? { id: part.id } : {};
    return { part: { type: 'data', name: type.slice('data-'.length), data: part.data, ...id, ...partExt(part, ['type', 'data', ...Object.keys(id)]) } };
  }
  // Parts canonical has no kind for (custom, reasoning files, steering messages) travel whole.
  if (!isToolPart(part)) return { part: { type: 'data', name: type, data: part, ext: { [uiFormatName]: { whole: true } } } };
  const toolCallId = text(part.toolCallId);
  const toolName = toolNameOf(part);
  // The state follows from the result, but a denial or an answered approval has no result to say it.
  const stateKept = part.state === 'output-denied' || part.state === 'approval-responded';
  const known = ['type', 'toolCallId', 'toolName', 'input', 'output', 'errorText', ...(stateKept ? [] : ['state'])];
  const call: Part = { type: 'tool-call', toolCallId, toolName, input: part.input ?? null, ...partExt(part, known) };
  if (part.type !== 'dynamic-tool') call.ext = { ...call.ext, [uiFormatName]: { ...call.ext?.[uiFormatName], static: true } };
  if (part.state === 'output-available') return { part: call, result: { type: 'tool-result', toolCallId, toolName, output: part.output } };
  if (part.state === 'output-error') return { part: call, result: { type: 'tool-result', toolCallId, toolName, output: text(part.errorText), isError: true } };
  if (part.state === 'output-denied') return { part: call, result: { type: 'tool-result', toolCallId, toolName, output: deniedText, isError: true } };
  return { part: call };
}

/**
 * Reads `UIMessage[]` (a `useChat` conversation) as one canonical run: user and system
 * messages as they are, each step of an assistant message (`step-start`) as an assistant
 * message, tool outputs as tool messages after it.
 */
export function fromUIMessages(messages: readonly UIMessage[], options: FromUIMessagesOptions = {}): Run {
  let runId = options.runId ?? 'run-1';
  const out: Message[] = [];
  const requirements: Requirement[] = [];
  for (const uiMessage of messages) {
    const ours = readMetadata(uiMessage.metadata);
    const metadata = withoutOurKey(uiMessage.metadata);
    if (typeof ours?.runId === 'string' && options.runId === undefined) runId = ours.runId;
    const kept = metadata === undefined ? {} : { ext: { [uiFormatName]: { metadata } } };
    const parts = uiMessage.parts as unknown as UiPart[];
    if (uiMessage.role !== 'assistant') {
      out.push({ id: uiMessage.id, role: uiMessage.role, parts: parts.flatMap((part) => readPart(part).part ?? []), ...kept });
      continue;
    }
    let step: Message | undefined;
    let results: Message[] = [];
    const closeStep = () => {
      if (step !== undefined) out.push(step, ...results);
      step = undefined;
      results = [];
    };
    parts.forEach((part) => {
      if (part.type === 'step-start' || step === undefined) {
        closeStep();
        step = { role: 'assistant', parts: [] };
        if (out.every((message) => message.id !== uiMessage.id)) Object.assign(step, { id: uiMessage.id }, kept);
        if (part.type === 'step-start') return;
      }
      const { part: read, result } = readPart(part);
      if (read !== undefined) step.parts.push(read);
      if (read?.type === 'tool-call' && part.state === 'approval-requested' && isRecord(part.approval)) {
        requirements.push({ id: text(part.approval.id), kind: 'confirmation', toolCallId: read.toolCallId, toolName: read.toolName, input: read.input });
      }
      if (result !== undefined) results.push({ role: 'tool', parts: [result] });
    });
    closeStep();
  }
  // A conversation waiting for approvals is a paused run; useChat keeps no other status.
  if (requirements.length > 0) return { runId, status: 'paused', messages: out, requirements, members: [] };
  return { runId, status: 'completed', messages: out, members: [] };
}

/** Options of {@link toUIMessages}. */
export interface ToUIMessagesOptions {
  /** Ids for messages that have none (default `${runId}-message-${n}`). */
  generateId?: (runId: string, index: number) => string;
}

/** The app's own `metadata` of a UI message, kept in `ext` when it was read. */
function metadataOf(message: Message): { metadata?: unknown } {
  const metadata = message.ext?.[uiFormatName]?.metadata;
  return metadata === undefined ? {} : { metadata };
}

function writePart(part: Part): UiPart | undefined {
  const own = part.ext?.[uiFormatName] ?? {};
  switch (part.type) {
    case 'text':
      return { ...own, type: 'text', text: part.text };
    case 'reasoning':
      return { ...own, type: 'reasoning', text: part.text };
    case 'file':
      return { ...own, type: 'file', mediaType: part.mediaType, url: part.url ?? (part.data === undefined ? '' : `data:${part.mediaType};base64,${part.data}`), ...(part.name === undefined ? {} : { filename: part.name }) };
    case 'source':
      if (own.type !== 'source-document' && part.url !== undefined) {
        return { ...own, type: 'source-url', sourceId: part.id ?? part.url, url: part.url, ...(part.title === undefined ? {} : { title: part.title }) };
      }
      return { mediaType: 'text/plain', ...own, type: 'source-document', sourceId: part.id ?? '', title: part.title ?? '' };
    case 'data':
      if (own.whole === true && isRecord(part.data)) return { ...part.data };
      return { ...own, type: `data-${part.name}`, ...(part.id === undefined ? {} : { id: part.id }), data: part.data ?? null };
    case 'tool-call': {
      const { static: isStatic, ...rest } = own;
      const type = isStatic === true ? { type: `tool-${part.toolName}` } : { type: 'dynamic-tool', toolName: part.toolName };
      return { state: 'input-available', ...rest, ...type, toolCallId: part.toolCallId, input: part.input ?? null };
    }
    case 'tool-result':
      return undefined;
  }
}

/**
 * Writes canonical runs as `UIMessage[]` for `useChat`: user and system messages as they are,
 * the assistant messages and tool results of a turn as one assistant message (a `step-start`
 * per step, tool parts with their outputs), members' parts in it with their run under
 * `providerMetadata["agent-event-bridge"]`, and the run's status, usage and pause in
 * `metadata["agent-event-bridge"]`.
 */
export function toUIMessages(runs: readonly Run[], options: ToUIMessagesOptions = {}): UIMessage[] {
  const out: UIMessage[] = [];
  for (const run of runs) {
    let count = 0;
    const nextId = () => options.generateId?.(run.runId, count++) ?? `${run.runId}-message-${count++}`;
    let assistant: UIMessage | undefined;
    const tools = new Map<string, UiPart>();

    const addMessages = (source: Run, lineage: boolean) => {
      for (const message of source.messages) {
        if (message.role === 'system' || message.role === 'user') {
          if (lineage) continue;
          assistant = undefined;
          out.push({ id: message.id ?? nextId(), role: message.role, parts: message.parts.flatMap((part) => writePart(part) ?? []) as UIMessage['parts'], ...metadataOf(message) });
          continue;
        }
        if (assistant === undefined) {
          assistant = { id: message.id ?? nextId(), role: 'assistant', parts: [], ...metadataOf(message) };
          out.push(assistant);
        }
        const parts = assistant.parts as unknown as UiPart[];
        if (message.role === 'assistant') parts.push({ type: 'step-start' });
        for (const part of message.parts) {
          if (part.type === 'tool-result') {
            const tool = tools.get(part.toolCallId);
            if (tool === undefined || tool.state === 'output-denied') continue;
            if (part.isError === true) Object.assign(tool, { state: 'output-error', errorText: typeof part.output === 'string' ? part.output : JSON.stringify(part.output) });
            else Object.assign(tool, { state: 'output-available', output: part.output ?? null });
            continue;
          }
          const written = writePart(part);
          if (written === undefined) continue;
          if (lineage && written.type !== 'step-start') {
            const lineageKey = written.type === 'dynamic-tool' || String(written.type).startsWith('tool-') ? 'callProviderMetadata' : 'providerMetadata';
            const metadata = isRecord(written[lineageKey]) ? written[lineageKey] : {};
            written[lineageKey] = { ...metadata, [bridgeKey]: { runId: source.runId, parentRunId: source.parentRunId, actor: source.actor } };
          }
          if (part.type === 'tool-call') tools.set(part.toolCallId, written);
          parts.push(written);
        }
      }
      for (const member of source.members) addMessages(member, true);
    };
    addMessages(run, false);

    for (const requirement of run.requirements ?? []) {
      const tool = requirement.toolCallId === undefined ? undefined : tools.get(requirement.toolCallId);
      if (tool !== undefined && requirement.kind === 'confirmation') Object.assign(tool, { state: 'approval-requested', approval: tool.approval ?? { id: requirement.id } });
    }
    const target = assistant ?? out.at(-1);
    if (target !== undefined) {
      const summary: Record<string, unknown> = { runId: run.runId, status: run.status };
      for (const key of ['usage', 'finishReason', 'error', 'cancelReason', 'requirements'] as const) if (run[key] !== undefined) summary[key] = run[key];
      target.metadata = { ...(isRecord(target.metadata) ? target.metadata : {}), [bridgeKey]: summary };
    }
  }
  return out;
}
