import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { RelayCarrier } from '../../src/pipeline/format.js';
import type { LangChainEncodeOptions } from './encode.js';
import { isMessageInstance, recordOf } from './instance-record.js';
import { type MessageFields, constructorId, holdsEscapeKeys, readMessageRecord, writeMessageRecord } from './schema.js';

/**
 * The `response_metadata` key relayed records ride under. A LangChain message list holds only
 * messages, so the carrier rides inside one: the first message written for the relayed events.
 */
export const relayKey = 'agent_event_bridge_relay';

/**
 * The carrier as it is stored in a message; `alone` marks a message that only carries it. The
 * groups are JSON text when a record in them holds an object with an `lc` key (or a lone
 * `__lc_escaped__` key): `toDict()` escapes such an object and langchain-core 1.2's
 * `mapStoredMessageToChatMessage` never undoes it, so a StoredMessage round trip would hand the
 * records back wrapped. JSON text no escape touches; other groups stay objects, readable as they are.
 */
interface StoredCarrier {
  groups: RelayCarrier['groups'] | string;
  covers: number;
  alone?: true;
}

/** The message's fields with the carrier in its `response_metadata`. */
function withCarrier(fields: MessageFields, carrier: StoredCarrier): MessageFields {
  const metadata = isRecord(fields.response_metadata) ? fields.response_metadata : {};
  return { ...fields, response_metadata: { ...metadata, [relayKey]: carrier } };
}

/** An empty AIMessage (constructor JSON) that only carries relayed records. */
function carrierMessage(carrier: StoredCarrier): unknown {
  return writeMessageRecord(withCarrier({ content: '', additional_kwargs: {}, response_metadata: {}, tool_calls: [], invalid_tool_calls: [] }, carrier), { form: 'constructor', id: constructorId('ai') });
}

/**
 * A message as the relay reads it: a `@langchain/core` instance (written with `revive`, or revived
 * by `load`) as its constructor JSON, whose fields are the message's own; any other record as it is.
 */
const messageRecordOf = (record: unknown): ReturnType<typeof readMessageRecord> => readMessageRecord(isMessageInstance(record) ? recordOf(record) : record);

/**
 * Relayed records ride in `response_metadata.agent_event_bridge_relay` of the first message
 * written for their events (covers counts it). Where none was written, or the first written record
 * cannot hold metadata (a `[type, content]` tuple), an empty AIMessage carries them before the
 * written records. With `revive`, the message carrying them is revived as every written record is.
 */
export function wrapRelayed(carrier: RelayCarrier, records: unknown[], options?: LangChainEncodeOptions): unknown[] {
  const revive = options?.revive ?? ((record: unknown) => record);
  const groups = holdsEscapeKeys(carrier.groups) ? JSON.stringify(carrier.groups) : carrier.groups;
  const [first, ...rest] = records;
  const read = first === undefined ? undefined : messageRecordOf(first);
  if (read === undefined || read.form.form === 'tuple') return [revive(carrierMessage({ groups, covers: carrier.covers, alone: true })), ...records];
  return [revive(writeMessageRecord(withCarrier(read.fields, { groups, covers: carrier.covers }), read.form)), ...rest];
}

/** The carrier a message holds in its `response_metadata` (see {@link wrapRelayed}), with the message it rode in. */
export function unwrapRelayed(record: unknown): RelayCarrier | undefined {
  const read = messageRecordOf(record);
  const metadata = read?.fields.response_metadata;
  if (read === undefined || !isRecord(metadata) || !isRecord(metadata[relayKey])) return undefined;
  const { [relayKey]: stored, ...own } = metadata;
  const { covers, alone } = stored as Record<string, unknown>;
  const groups = groupsOf((stored as Record<string, unknown>).groups);
  if (groups === undefined || typeof covers !== 'number') return undefined;
  const carrier: RelayCarrier = {
    groups: groups.filter(isRecord).map((group) => ({ format: String(group.format), records: Array.isArray(group.records) ? group.records : [] })),
    covers,
  };
  if (alone !== true) carrier.inner = writeMessageRecord({ ...read.fields, response_metadata: own }, read.form);
  return carrier;
}

/** The stored groups: an array as written, or parsed from the JSON text of {@link StoredCarrier}. */
function groupsOf(stored: unknown): unknown[] | undefined {
  if (typeof stored !== 'string') return Array.isArray(stored) ? stored : undefined;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
