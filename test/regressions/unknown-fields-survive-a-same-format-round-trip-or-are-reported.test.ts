import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, type Issue } from '../../src/index.js';
import { readJsonl } from '../support/golden.js';

/**
 * Fields a newer producer adds, which this library knows nothing about, planted in real
 * recordings: at the top of every record and in every object nested in it (agno `tools[]`,
 * `metrics`, `messages[]`, `member_responses`, images; Runner `content`, `parts`, `actions`,
 * `metadata`; LangChain `kwargs`, `tool_calls[]`, `response_metadata`, `usage_metadata`; AI SDK
 * `providerMetadata`, data parts …). A same-format round trip writes each back, or says in an
 * issue that it did not: `F → F` and, with relay, `F → canonical → F` write every one back; a
 * round trip asked to write the records in another shape, era, form or version writes them from
 * their canonical fields, and reports what that leaves out.
 */

const test = join(import.meta.dirname, '..');

function read(path: string): unknown[] {
  const full = join(test, path);
  return full.endsWith('.json') ? [JSON.parse(readFileSync(full, 'utf8')) as unknown] : readJsonl(full);
}

interface Planted {
  /** The planted key: `x_unknown_<n>`. */
  key: string;
  /** Its value, found in the output when the field was written back. */
  marker: string;
  /** Where it was planted, for the failure message. */
  path: string;
  /** The other keys of the object it was planted in. */
  siblings: string[];
  /** The `type` or `event` of the record it was planted in. */
  kind: string;
}

/**
 * Adds an unknown field to every object of a record (depth first, so a parent's field comes
 * after its children's). `skipTop` leaves the record's own top level alone.
 */
function plant(value: unknown, path: string, planted: Planted[], kind: string, skipTop = false): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => plant(item, `${path}[${index}]`, planted, kind));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) plant(item, `${path}.${key}`, planted, kind);
  if (skipTop) return;
  const key = `x_unknown_${planted.length}`;
  const marker = `unknown-value-${planted.length}`;
  const siblings = Object.keys(value);
  (value as Record<string, unknown>)[key] = marker;
  planted.push({ key, marker, path, siblings, kind });
}

/** The records of some fixtures, each with unknown fields planted, and where they were planted. */
function planted(paths: string[], skipTop = false): { records: unknown[]; planted: Planted[] } {
  const records = paths.flatMap(read);
  const list: Planted[] = [];
  records.forEach((record, index) => {
    const { type, event } = record as { type?: unknown; event?: unknown };
    plant(record, `[${index}]`, list, String(type ?? event), skipTop);
  });
  return { records, planted: list };
}

/**
 * Whether an issue says a planted field was left out: by its key, by the key of an object that
 * holds it (agno 3.x `compaction`, which 2.x has not), by a field of an object it says is left out
 * whole (an agno 3.x image 2.x cannot build), by the kind of record it says the target has not
 * (an AI SDK v7 chunk asked for as v6), or for every field the canonical model has no place for
 * (records written from their canonical fields).
 */
function reported(issues: Issue[], field: Planted): boolean {
  const holders = new Set([field.key, ...field.path.split(/[.[\]]/).filter((key) => key !== '' && !/^\d+$/.test(key))]);
  return issues.some((issue) => {
    if (issue.code !== 'dropped' && issue.code !== 'approximated') return false;
    const named = issue.path?.split('.').at(-1) ?? '';
    return (
      holders.has(named) ||
      (field.siblings.includes(named) && issue.message.includes('is left out')) ||
      issue.message.includes(`has no "${field.kind}" chunk`) ||
      issue.message.includes(`"${field.key}"`) ||
      issue.message.includes('written from their canonical fields')
    );
  });
}

/** The planted fields neither written nor reported. */
function vanished(output: unknown[], issues: Issue[], fields: Planted[]): string[] {
  const text = JSON.stringify(output);
  return fields.filter((field) => !text.includes(`"${field.marker}"`) && !reported(issues, field)).map((field) => `${field.path}.${field.key}`);
}

type Encode = Record<string, string>;

interface Case {
  format: 'agno' | 'agno-legacy' | 'runner' | 'langchain' | 'ai-sdk-ui' | 'ai-sdk-stream';
  name: string;
  files: string[];
  /** Encode options under which `F → F` is the identity. */
  own?: Encode;
  /** Other encode options of the same format. */
  others: Encode[];
  /** Nested places the planting must have reached, so the case tests them. */
  reaches: string[];
  /** StoredMessage records are exactly `{type, data}`: a third key makes a record no message. */
  skipTop?: boolean;
}

const cases: Case[] = [
  {
    format: 'agno',
    name: 'agno 3.1 events (agent with tools, team)',
    files: ['agno/fixtures/recorded/3.1.10/agent-tools.jsonl', 'agno/fixtures/recorded/3.1.10/team.jsonl', 'agno/fixtures/recorded/3.1.10/hitl-confirmation.jsonl'],
    own: { target: '3.x' },
    others: [{ target: '2.x' }, { shape: 'aggregate' }],
    reaches: ['.tool.', '.tools[0].', '.metrics.', '.requirements[0].', '.member_responses[0].'],
  },
  {
    format: 'agno',
    name: 'agno 2.9 events (team, images)',
    files: ['agno/fixtures/v2.9.0-team-one-member.jsonl', 'agno/fixtures/constructed-v2.9.0-single-events.jsonl'],
    own: { target: '2.x' },
    others: [{ target: '3.x' }, { shape: 'aggregate' }],
    reaches: ['.tool.', '.metrics.', '.member_responses[0].', '.image.'],
  },
  {
    format: 'agno',
    name: 'agno aggregates (RunOutput, TeamRunOutput, 3.1 images)',
    files: ['agno/fixtures/recorded/3.1.10/agent-tools.run-output.json', 'agno/fixtures/recorded/3.1.10/team.run-output.json', 'agno/fixtures/migration/constructed-v3.1.10-losses.run-output.json'],
    own: { target: '3.x' },
    others: [{ target: '2.x' }, { shape: 'events' }],
    reaches: ['.messages[1].', '.tool_calls[0].', '.tools[0].', '.metrics.', '.member_responses[0].', '.images[0].'],
  },
  {
    format: 'agno-legacy',
    name: 'agno 1.8 events (era B) and 1.5 events (era A)',
    files: ['agno-legacy/fixtures/recorded/1.8.4/team.jsonl', 'agno-legacy/fixtures/v1.8.4-single-events.jsonl', 'agno-legacy/fixtures/v1.5.10-team.jsonl'],
    others: [{ era: 'A' }, { era: 'B' }, { shape: 'aggregate' }],
    reaches: ['.tool.', '.tools[0].', '.member_responses[0].', '.extra_data.', '.image.'],
  },
  {
    format: 'agno-legacy',
    name: 'agno 1.x aggregates (RunResponse, TeamRunResponse)',
    files: ['agno-legacy/fixtures/recorded/1.8.4/agent-tools.run-response.json', 'agno-legacy/fixtures/recorded/1.8.4/team.run-response.json'],
    others: [{ shape: 'events' }],
    reaches: ['.messages[1].', '.tool_calls[0].', '.metrics.', '.member_responses[0].'],
  },
  {
    format: 'runner',
    name: 'langchain_adk Runner events',
    files: ['runner/fixtures/constructed-4.2-llm-agent-tool-turn.jsonl', 'runner/fixtures/recorded/orxhestra-0.0.2/sub-agent.jsonl'],
    others: [],
    reaches: ['.content.', '.parts[0].', '.actions.', '.metadata.'],
  },
  {
    format: 'langchain',
    name: 'LangChain constructor JSON (JS and Python dumpd, chunks)',
    files: ['langchain/fixtures/agent-tools.constructor.jsonl', 'langchain/fixtures/reasoning.constructor.jsonl', 'langchain/fixtures/recorded/python-langchain-core-1.8.3/chunks.dumpd.jsonl'],
    others: [{ form: 'constructor' }, { form: 'stored' }, { form: 'openai' }],
    reaches: ['.kwargs.', '.tool_calls[0].', '.response_metadata.', '.usage_metadata.'],
  },
  {
    format: 'langchain',
    name: 'LangChain StoredMessage (toDict, Python message_to_dict)',
    files: ['langchain/fixtures/agent-tools.stored.jsonl', 'langchain/fixtures/recorded/python-langchain-core-1.8.3/messages-to-dict.jsonl'],
    others: [{ form: 'stored' }, { form: 'constructor' }, { form: 'tuple' }],
    reaches: ['.data.', '.tool_calls[0].', '.response_metadata.'],
    skipTop: true,
  },
  {
    format: 'ai-sdk-ui',
    name: 'AI SDK UIMessageChunks',
    files: ['ai-sdk/fixtures/reasoning-tool-two-steps.ui.jsonl', 'ai-sdk/fixtures/constructed-v7-additions.ui.jsonl', 'ai-sdk/fixtures/approval.ui.jsonl'],
    others: [{ target: 'v6' }, { target: 'v5' }],
    reaches: ['.providerMetadata.', '.data.'],
  },
  {
    format: 'ai-sdk-stream',
    name: 'AI SDK TextStreamParts',
    files: ['ai-sdk/fixtures/reasoning-tool-two-steps.stream.jsonl', 'ai-sdk/fixtures/provider-extras.stream.jsonl', 'ai-sdk/fixtures/tool-errors.stream.jsonl'],
    others: [],
    reaches: ['.providerMetadata.', '.usage.', '.input.'],
  },
];

describe('unknown fields survive a same-format round trip or are reported', () => {
  for (const each of cases) {
    it(`${each.name}: the planting reaches ${each.reaches.join(', ')}`, () => {
      const paths = planted(each.files, each.skipTop).planted.map((field) => `${field.path}.`);
      for (const place of each.reaches) expect(paths.some((path) => path.includes(place)), place).toBe(true);
    });

    it(`${each.name}: ${each.format} → ${each.format} writes every unknown field back`, () => {
      const { records } = planted(each.files, each.skipTop);
      const { output } = convert(structuredClone(records), { from: each.format, to: each.format, encode: each.own });
      expect(output).toEqual(records);
    });

    it(`${each.name}: with relay, ${each.format} → canonical JSONL → ${each.format} writes every unknown field back`, () => {
      const { records } = planted(each.files, each.skipTop);
      const canonical = convert(structuredClone(records), { from: each.format, to: 'canonical', relay: true }).output;
      const { output } = convert(JSON.parse(JSON.stringify(canonical)) as unknown[], { from: 'canonical', to: each.format, relay: true, encode: each.own });
      expect(output).toEqual(records);
    });

    for (const encode of each.others) {
      it(`${each.name}: ${each.format} → ${each.format} with ${JSON.stringify(encode)} writes or reports each unknown field`, () => {
        const { records, planted: fields } = planted(each.files, each.skipTop);
        const { output, issues } = convert(records, { from: each.format, to: each.format, encode });
        expect(vanished(output, issues, fields)).toEqual([]);
      });
    }
  }

  it('canonical events keep their unknown fields in canonical → canonical', () => {
    const { records } = planted(['corpus/team-member.canonical.jsonl', 'corpus/pause-resume.canonical.jsonl']);
    const events = records.filter((record) => typeof record === 'object' && record !== null && 'type' in record);
    const { output } = convert(structuredClone(events), { from: 'canonical', to: 'canonical', encode: { header: false } });
    expect(output).toEqual(events);
  });

  it('an unknown field of the canonical header is reported, as the encoder writes a header of its own', () => {
    const { records, planted: fields } = planted(['corpus/text-and-tool.canonical.jsonl']);
    const { output, issues } = convert(records, { from: 'canonical', to: 'canonical' });
    expect(vanished(output, issues, fields)).toEqual([]);
    expect(issues.filter((issue) => issue.code === 'dropped')).toMatchObject([{ level: 'info', path: 'x_unknown_0', index: 0 }]);
  });

  it('the unknown fields of a canonical runs document are reported with their paths', () => {
    const document = {
      canonicalVersion: 1,
      x_document: 1,
      runs: [
        {
          runId: 'run-1',
          status: 'completed',
          x_run: 1,
          usage: { inputTokens: 3, x_usage: 1 },
          messages: [{ role: 'assistant', x_message: 1, parts: [{ type: 'text', text: 'hi', x_part: 1 }] }],
          members: [],
        },
      ],
    };
    const { output, issues } = convert([document], { from: 'canonical', to: 'canonical' });
    expect(JSON.stringify(output)).not.toContain('x_');
    expect(issues.filter((issue) => issue.code === 'dropped').map((issue) => issue.path)).toEqual([
      'x_document',
      'runs.0.x_run',
      'runs.0.usage.x_usage',
      'runs.0.messages.0.x_message',
      'runs.0.messages.0.parts.0.x_part',
    ]);
  });
});
