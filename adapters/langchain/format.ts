import { lossReporter, reportUnfitSource } from '../../src/pipeline/adapter-kit.js';
import { composeFormat, defineReader, defineWriter } from '../../src/pipeline/format.js';
import { createLangChainDecoder, type LangChainDecodeOptions } from './decode.js';
import { createLangChainEncoder, formFor, type LangChainEncodeOptions, type WrittenForm } from './encode.js';
import type { AdapterContext } from '../../src/pipeline/format.js';
import { formatName, isStreamEventRecord, type MessageRecord, readMessageRecord, writeMessageRecord } from './schema.js';
import { langchainDecodeOptionsSchema, langchainEncodeOptionsSchema } from './options.js';
import { unwrapRelayed, wrapRelayed } from './relay.js';

/** The serialized forms that hold every field of a LangChain message. */
const langchainShaped = new Set<string>(['constructor', 'stored']);

const confidenceOfForm = { constructor: 1, stored: 0.9, openai: 0.5, typed: 0.4, tuple: 0.4 } as const;

/** The keys of constructor JSON's envelope; the message's own fields are in `kwargs`. */
const envelopeKeys = new Set(['lc', 'type', 'id', 'kwargs']);

/**
 * A record rewritten in another form that holds LangChain's fields. Keys beside a constructor
 * envelope's (a newer serializer's) have no place in a StoredMessage, which is `{type, data}`
 * exactly: each is reported.
 */
function rewriteForm(record: unknown, read: MessageRecord, form: WrittenForm, context: AdapterContext): unknown {
  if (read.form.form === 'constructor') {
    for (const key of Object.keys(record as Record<string, unknown>)) {
      if (envelopeKeys.has(key)) continue;
      lossReporter(context)(`envelope ${key}`, { code: 'dropped', level: 'info', path: key, message: `the field "${key}" beside the constructor JSON envelope has no place in the ${form} form; left out` });
    }
  }
  return writeMessageRecord(read.fields, formFor(read.kind, form, read.chunk));
}

/**
 * Reads LangChain records (`from: langchainReader`): the decoder of {@link langchainFormat}
 * without its encoder, detection or documentation.
 */
export const langchainReader = /* @__PURE__ */ defineReader<LangChainDecodeOptions>({
  name: formatName,
  createDecoder: createLangChainDecoder,
  options: { decode: langchainDecodeOptionsSchema },
  relay: { unwrap: unwrapRelayed },
});

/**
 * Writes LangChain message records (`to: langchainWriter`): the encoder of
 * {@link langchainFormat} without its decoder, detection or documentation.
 */
export const langchainWriter = /* @__PURE__ */ defineWriter<LangChainEncodeOptions>({
  name: formatName,
  createEncoder: createLangChainEncoder,
  options: { encode: langchainEncodeOptionsSchema },
  // streamEvents records are written back as the messages they build. A record asked for in
  // another form is the same record rewritten, between the forms that hold LangChain's fields
  // (constructor JSON, StoredMessage); OpenAI dicts and tuples hold less, so the encoder writes
  // them from the canonical fields and reports what they leave out.
  sourceFits(record, options, context) {
    if (isStreamEventRecord(record)) return false;
    const wanted = options?.form;
    const read = wanted === undefined ? undefined : readMessageRecord(record);
    if (read === undefined || read.form.form === wanted) return true;
    const fits = langchainShaped.has(read.form.form) && langchainShaped.has(wanted as string);
    if (!fits) reportUnfitSource(context, formatName);
    return fits;
  },
  rewriteSource(record, options, context) {
    const read = options?.form === undefined && options?.revive === undefined ? undefined : readMessageRecord(record);
    if (read === undefined) return record;
    // A record already in the form asked for is written as it was: its class id (a Python
    // namespace) and any field beside the constructor envelope's stay.
    const rewritten = options?.form === undefined || read.form.form === options.form ? record : rewriteForm(record, read, options.form, context);
    return options?.revive === undefined ? rewritten : options.revive(rewritten);
  },
  relay: { wrap: wrapRelayed },
});

/**
 * LangChain messages as JSON records (constructor JSON, StoredMessage, Python message_to_dict,
 * OpenAI-style dicts, tuples), AIMessageChunk streams and streamEvents v2 records. This module
 * never loads @langchain/core; `agent-event-bridge/langchain` adds the helpers that build real
 * instances.
 */
export const langchainFormat = /* @__PURE__ */ composeFormat(langchainReader, langchainWriter, {
  title: 'LangChain messages, AIMessageChunk streams and streamEvents v2 (@langchain/core 1.x)',
  versions: { read: '@langchain/core 1.x; Python langchain_core message_to_dict and dumpd forms', write: '@langchain/core 1.x' },
  detect(record) {
    if (isStreamEventRecord(record)) return { confidence: 0.95, version: 'streamEvents v2' };
    const read = readMessageRecord(record);
    if (read === undefined) return undefined;
    const python = read.form.form === 'constructor' ? read.form.id[0] === 'langchain' : read.form.form === 'stored' && 'type' in read.fields;
    return { confidence: confidenceOfForm[read.form.form], version: python ? 'python langchain_core' : '1.x' };
  },
  losses: [
    { what: 'fields the canonical model has no place for (additional_kwargs, response_metadata, artifact …)', direction: 'decode', code: 'dropped', level: 'info', note: 'not reported: langchain → langchain writes the records back verbatim; other formats receive them only with relay' },
    { what: 'generic (ChatMessage), FunctionMessage and RemoveMessage records', direction: 'decode', code: 'unknown-event', level: 'warning', note: 'kept as raw records, written back verbatim by this format only' },
    { what: 'invalid_tool_calls', direction: 'decode', code: 'approximated', level: 'warning', note: 'a tool call whose input is the raw argument string; ext.langchain marks it invalid' },
    { what: 'tool call or streamed tool call without an id', direction: 'decode', code: 'minted', level: 'info' },
    { what: 'run ids of a message list without lineage', direction: 'decode', code: 'minted', level: 'info', note: 'one run per input' },
    { what: 'how a message list without lineage ended', direction: 'decode', code: 'approximated', level: 'info', note: 'read as completed when the input ends' },
    { what: 'a stream that stopped before its end (no on_chat_model_end; no chunk_position "last" where chunks carry it)', direction: 'decode', code: 'invalid-sequence', level: 'warning', note: 'aborted: its text and step are left unended' },
    { what: 'streamEvents v2 records', direction: 'decode', code: 'dropped', level: 'info', note: 'read only: *_stream restatements are left out; written back as messages' },
    { what: 'activities, reasoning steps, state, handoffs', direction: 'encode', code: 'dropped', level: 'info' },
    { what: 'transient data (no part of a message)', direction: 'encode', code: 'dropped', level: 'info', note: 'left out, as useChat leaves it out of its message; data updated by id is one block with the last data' },
    { what: 'raw records of other formats', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'run error, cancel or pause of a run read from LangChain messages without lineage', direction: 'encode', code: 'dropped', level: 'warning', note: 'other runs keep their status in the lineage metadata' },
    {
      what: 'the answers (resolutions) a run read from LangChain messages without lineage was resumed with',
      direction: 'encode',
      code: 'dropped',
      level: 'warning',
      note: 'other runs keep them in the lineage metadata',
    },
    { what: "a run's error text, cancel reason, output, model, provider and time", direction: 'encode', code: 'dropped', level: 'info', note: 'not reported: the lineage says the status, usage and requirements only' },
    { what: 'chunk boundaries of a streamed message', direction: 'encode', code: 'approximated', level: 'info', note: 'not reported: written as one AIMessage; langchain → langchain writes the chunks back verbatim' },
    { what: "text or reasoning a run's error or cancel cut", direction: 'encode', code: 'approximated', level: 'warning', note: 'a message is whole: written as its content, it reads back as finished' },
    { what: 'a message holding several tool results', direction: 'encode', code: 'approximated', level: 'info', note: 'one ToolMessage per result (after an AIMessage for an assistant message)' },
    { what: 'everything but the content in the tuple form', direction: 'encode', code: 'dropped', level: 'warning' },
    { what: 'LangChain records asked for in the OpenAI or tuple form', direction: 'encode', code: 'dropped', level: 'info', note: 'written from their canonical fields, said once per conversion' },
    { what: 'keys beside the constructor JSON envelope of a record asked for in the stored form', direction: 'encode', code: 'dropped', level: 'info', note: 'once per key' },
    {
      what: 'a ToolMessageChunk, HumanMessageChunk or SystemMessageChunk written in the stored, OpenAI or tuple form',
      direction: 'encode',
      code: 'approximated',
      level: 'info',
      note: 'written as its message class: only constructor JSON names a chunk class',
    },
  ],
});
