import { isRecord } from '../../src/pipeline/adapter-kit.js';
import type { RelayCarrier } from '../../src/pipeline/format.js';
import { type MessageFields, constructorId, readMessageRecord, writeMessageRecord } from './schema.js';

/**
 * The `response_metadata` key relayed records ride under. A LangChain message list holds only
 * messages, so the carrier rides inside one: the first message written for the relayed events.
 */
export const relayKey = 'agent_event_bridge_relay';

/** The carrier as it is stored in a message; `alone` marks a message that only carries it. */
interface StoredCarrier {
  groups: RelayCarrier['groups'];
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
 * Relayed records ride in `response_metadata.agent_event_bridge_relay` of the first message
 * written for their events (covers counts it). Where none was written, or the first written record
 * cannot hold metadata (a `[type, content]` tuple, an instance made by `revive`), an empty
 * AIMessage carries them before the written records.
 */
export function wrapRelayed(carrier: RelayCarrier, records: unknown[]): unknown[] {
  const [first, ...rest] = records;
  const read = first === undefined ? undefined : readMessageRecord(first);
  if (read === undefined || read.form.form === 'tuple') return [carrierMessage({ groups: carrier.groups, covers: carrier.covers, alone: true }), ...records];
  return [writeMessageRecord(withCarrier(read.fields, { groups: carrier.groups, covers: carrier.covers }), read.form), ...rest];
}

/** The carrier a message holds in its `response_metadata` (see {@link wrapRelayed}), with the message it rode in. */
export function unwrapRelayed(record: unknown): RelayCarrier | undefined {
  const read = readMessageRecord(record);
  const metadata = read?.fields.response_metadata;
  if (read === undefined || !isRecord(metadata) || !isRecord(metadata[relayKey])) return undefined;
  const { [relayKey]: stored, ...own } = metadata;
  const { groups, covers, alone } = stored as Record<string, unknown>;
  if (!Array.isArray(groups) || typeof covers !== 'number') return undefined;
  const carrier: RelayCarrier = {
    groups: groups.filter(isRecord).map((group) => ({ format: String(group.format), records: Array.isArray(group.records) ? group.records : [] })),
    covers,
  };
  if (alone !== true) carrier.inner = writeMessageRecord({ ...read.fields, response_metadata: own }, read.form);
  return carrier;
}
