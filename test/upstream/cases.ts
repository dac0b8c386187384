import type { UIMessage } from 'ai';
// The upstream-derived corpus: every case names where it comes from (in the module that builds
// it) and declares, per target, the warnings a conversion to that target reports: the losses
// expected of it. test/upstream/corpus.test.ts runs them all.
import { deniedApprovalStream } from './ai-sdk-denied-approval.js';
import { approvalRequestStream, approvalRequestStreamChunks } from './ai-sdk-approval-request.js';
import { answeredMessage, approvalContinuationChunks, approvalRequestChunks } from './ai-sdk-ui-approval-continuation.js';
import { toolCallChunkCases } from './langchain-tool-call-chunks.js';
import { toolMessageChunkHistory } from './langchain-tool-message-chunk.js';
import { invalidArguments, invalidToolInputChunks, invalidToolInputStream } from './ai-sdk-invalid-tool-input.js';
import { interleavedBlocksChunks, interleavedBlocksStream } from './ai-sdk-interleaved-blocks.js';
import { textCutByAbortChunks, textCutByAbortStream } from './ai-sdk-text-cut-by-abort.js';
import { textCutByErrorChunks, textCutByErrorStream } from './ai-sdk-text-cut-by-error.js';
import { metadataAfterAbortChunks, metadataAfterErrorChunks, metadataAfterPauseChunks } from './ai-sdk-ui-metadata-after-end.js';
import { metadataAfterFinishChunks } from './ai-sdk-ui-metadata-after-finish.js';
import { streamingDataChunks } from './ai-sdk-ui-streaming-data.js';
import { sequentialLastChildRaises } from './runner-sequential-last-child-raises.js';

/** Every format a case is converted to. */
export const targets = ['agno', 'agno-legacy', 'runner', 'langchain', 'ai-sdk-stream', 'ai-sdk-ui'] as const;

/** A target format of the corpus. */
export type Target = (typeof targets)[number];

/** Every format a case is swept through and read back from: the corpus targets and canonical JSONL. */
export const sweepTargets = [...targets, 'canonical'] as const;

/** A format a case is swept through. */
export type SweepTarget = (typeof sweepTargets)[number];

/** One upstream case. */
export interface UpstreamCase {
  name: string;
  format: Target;
  records: () => Promise<unknown[]> | unknown[];
  /** Per target, the `code path-or-event` of each warning its conversion reports (absent: none). */
  losses: Partial<Record<SweepTarget, string[]>>;
  /**
   * Per target whose round trip comes back saying something else (its runs' status, error, what a
   * paused run waits for, and its parts: texts, reasoning, tool calls and results, files, sources,
   * data): the `code path-or-event` of an issue of that conversion that reports it.
   */
  differs?: Partial<Record<SweepTarget, string>>;
  /**
   * For a stream that continues an earlier response: the assistant message useChat holds when it
   * arrives (a continuation's outputs update that message's parts; no call is made up for them).
   */
  continues?: UIMessage;
}

/** The same losses in every target: what reading the source already reports. */
function inEveryTarget(losses: string[]): Partial<Record<SweepTarget, string[]>> {
  return Object.fromEntries(sweepTargets.map((target) => [target, losses]));
}

/** What a format with one text and one reasoning stream per run reports of interleaved blocks. */
const interleaved = ['approximated text-delta', 'approximated reasoning-delta'];

/** Chunk streams whose calls LangChain itself marks invalid: read as invalid calls, reported. */
const invalidChunkCases = new Set(['arguments that are not JSON even when completed']);

/** An invalid call's arguments stay text, which agno's tool_args and a Runner call's args cannot be. */
const invalidCallLosses: Partial<Record<SweepTarget, string[]>> = {
  ...inEveryTarget(['approximated tool_call_chunks']),
  agno: ['approximated tool_call_chunks', 'approximated tool-call'],
  'agno-legacy': ['approximated tool_call_chunks', 'approximated tool-call'],
  runner: ['approximated tool_call_chunks', 'approximated tool-call'],
};

/** Targets whose tool arguments are objects: an argument text comes back as `{input: text}`, reported. */
const wrappedInput: Partial<Record<SweepTarget, string>> = { agno: 'approximated tool-call', 'agno-legacy': 'approximated tool-call', runner: 'approximated tool-call' };

/** Targets with one text stream per run: interleaved blocks come back as other texts, reported. */
const interleavedDiffers: Partial<Record<SweepTarget, string>> = { agno: 'approximated text-delta', 'agno-legacy': 'approximated text-delta', runner: 'approximated text-delta' };

export const upstreamCases: UpstreamCase[] = [
  ...toolCallChunkCases.map(
    (chunkCase): UpstreamCase => ({
      name: `langchain: ${chunkCase.name}`,
      format: 'langchain',
      records: () => chunkCase.chunks.map((chunk) => chunk.toJSON()),
      losses: invalidChunkCases.has(chunkCase.name) ? invalidCallLosses : {},
      // agno's tool_args and a Runner call's args are objects: the raw argument text comes back wrapped.
      ...(invalidChunkCases.has(chunkCase.name) ? { differs: wrappedInput } : {}),
    }),
  ),
  {
    name: 'langchain: a history whose tool result is a ToolMessageChunk',
    format: 'langchain',
    records: () => toolMessageChunkHistory().map((message) => message.toJSON()),
    losses: {},
    // AI SDK streams carry the assistant's side only: the question is left out (info).
    differs: { 'ai-sdk-stream': 'dropped message', 'ai-sdk-ui': 'dropped message' },
  },
  {
    name: 'ai-sdk-stream: a streamText run resumed after a denied approval',
    format: 'ai-sdk-stream',
    records: deniedApprovalStream,
    continues: {
      id: 'resp-1',
      role: 'assistant',
      parts: [
        {
          type: 'tool-deleteFile',
          toolCallId: 'c4',
          state: 'approval-responded',
          input: { path: '/tmp/a' },
          approval: { id: 'approval-1', approved: false, reason: 'not that file' },
        },
      ],
    },
    // agno 1.x events carry no metrics.
    losses: { 'agno-legacy': ['dropped step-end', 'dropped run-end'] },
  },
  {
    name: 'ai-sdk-ui: a run that waits for a tool approval',
    format: 'ai-sdk-ui',
    records: () => approvalRequestChunks,
    // Runner has no pause (its stand-in is reported).
    losses: { runner: ['approximated run-pause'] },
  },
  {
    name: 'ai-sdk-stream: a streamText run that stops for two tool approvals',
    format: 'ai-sdk-stream',
    records: approvalRequestStream,
    // Runner has no pause (its stand-in is reported); agno 1.x events carry no metrics.
    losses: { runner: ['approximated run-pause'], 'agno-legacy': ['dropped step-end'] },
  },
  {
    name: 'ai-sdk-ui: the UI message stream of a streamText run that stops for two tool approvals',
    format: 'ai-sdk-ui',
    records: approvalRequestStreamChunks,
    // Runner has no pause (its stand-in is reported).
    losses: { runner: ['approximated run-pause'] },
  },
  ...[true, false].map(
    (approved): UpstreamCase => ({
      name: `ai-sdk-ui: the continuation after the user ${approved ? 'approved' : 'denied'} a tool call`,
      format: 'ai-sdk-ui',
      records: () => approvalContinuationChunks(approved),
      continues: answeredMessage(approved),
      // Runner has no resume (its stand-in, which holds the verdict, is reported); agno 1.x's RunContinued holds no verdict.
      losses: { runner: ['approximated run-resume'], 'agno-legacy': ['dropped run-resume'] },
    }),
  ),
  {
    name: 'runner: a SequentialAgent whose last child raises',
    format: 'runner',
    records: () => sequentialLastChildRaises,
    // agno 1.x errors carry a message only: the exception type of the member and of the root. Its
    // events name no parent, and the composite is no team: both children come back as top-level runs.
    losses: { 'agno-legacy': ['dropped parentRunId', 'dropped parentRunId', 'dropped run-error', 'dropped run-error'] },
    differs: { 'agno-legacy': 'dropped parentRunId' },
  },
  {
    name: 'ai-sdk-stream: a streamText run whose model fails in the middle of its text',
    format: 'ai-sdk-stream',
    records: textCutByErrorStream,
    // A LangChain message is whole: it cannot say its text was cut.
    losses: { langchain: ['approximated run-error'] },
    differs: { langchain: 'approximated run-error' },
  },
  {
    name: 'ai-sdk-ui: the UI message stream of a run whose model fails in the middle of its text',
    format: 'ai-sdk-ui',
    records: textCutByErrorChunks,
    // A LangChain message is whole: it cannot say its text was cut.
    losses: { langchain: ['approximated run-error'] },
    differs: { langchain: 'approximated run-error' },
  },
  {
    name: 'ai-sdk-stream: a streamText run aborted in the middle of its text',
    format: 'ai-sdk-stream',
    records: textCutByAbortStream,
    // A LangChain message is whole: it cannot say its text was cut. Runner has no cancel (an error event marked CancelledError).
    losses: { langchain: ['approximated run-cancel'], runner: ['approximated run-cancel'] },
    differs: { langchain: 'approximated run-cancel' },
  },
  {
    name: 'ai-sdk-ui: the UI message stream of a streamText run aborted in the middle of its text',
    format: 'ai-sdk-ui',
    records: textCutByAbortChunks,
    // A LangChain message is whole: it cannot say its text was cut. Runner has no cancel (an error event marked CancelledError).
    losses: { langchain: ['approximated run-cancel'], runner: ['approximated run-cancel'] },
    differs: { langchain: 'approximated run-cancel' },
  },
  {
    name: 'ai-sdk-stream: a streamText run whose model interleaves two texts and two reasonings',
    format: 'ai-sdk-stream',
    records: interleavedBlocksStream,
    // agno and Runner have one text and one reasoning stream per run: interleaved blocks read back as one.
    // agno 1.x events carry no metrics.
    losses: {
      agno: interleaved,
      'agno-legacy': [...interleaved, 'dropped step-end', 'dropped run-end'],
      runner: interleaved,
    },
    differs: interleavedDiffers,
  },
  {
    name: 'ai-sdk-ui: the UI message stream of a run that interleaves two texts and two reasonings',
    format: 'ai-sdk-ui',
    records: interleavedBlocksChunks,
    losses: { agno: interleaved, 'agno-legacy': interleaved, runner: interleaved },
    differs: interleavedDiffers,
  },
  {
    name: 'ai-sdk-ui: a UI message stream whose message metadata comes after finish',
    format: 'ai-sdk-ui',
    records: () => metadataAfterFinishChunks,
    // agno 1.x events have no custom event to hold the metadata; ai-sdk-stream and Runner report
    // theirs as info (the stream format has no data parts, a Runner data part no name).
    losses: { 'agno-legacy': ['dropped data'] },
    // The metadata is data of the run, which those three leave out or write without its name.
    differs: { 'agno-legacy': 'dropped data', runner: 'dropped data', 'ai-sdk-stream': 'dropped data' },
  },
  {
    name: 'ai-sdk-ui: a UI message stream whose message metadata comes after an error',
    format: 'ai-sdk-ui',
    records: () => metadataAfterErrorChunks,
    // A LangChain message is whole: it cannot say its text was cut. agno 1.x has no custom event.
    losses: { langchain: ['approximated run-error'], 'agno-legacy': ['dropped data'] },
    differs: { langchain: 'approximated run-error', 'agno-legacy': 'dropped data', runner: 'dropped data', 'ai-sdk-stream': 'dropped data' },
  },
  {
    name: 'ai-sdk-ui: a UI message stream whose message metadata comes after a paused run’s finish',
    format: 'ai-sdk-ui',
    records: () => metadataAfterPauseChunks,
    // agno 1.x has no custom event; Runner has no pause (its stand-in is reported).
    losses: { 'agno-legacy': ['dropped data'], runner: ['approximated run-pause'] },
    differs: { 'agno-legacy': 'dropped data', runner: 'dropped data', 'ai-sdk-stream': 'dropped data' },
  },
  {
    name: 'ai-sdk-ui: a UI message stream whose message metadata comes after an abort',
    format: 'ai-sdk-ui',
    records: () => metadataAfterAbortChunks,
    // agno 1.x has no custom event; Runner has no cancel (an error event marked CancelledError).
    // agno streams have no text end: a text that ended right before the abort reads back as cut.
    losses: { agno: ['approximated run-cancel'], 'agno-legacy': ['dropped data', 'approximated run-cancel'], runner: ['approximated run-cancel'] },
    differs: { agno: 'approximated run-cancel', 'agno-legacy': 'approximated run-cancel', runner: 'dropped data', 'ai-sdk-stream': 'dropped data' },
  },
  {
    name: 'ai-sdk-ui: the data parts of the streaming custom data guide, one reconciled by its id',
    format: 'ai-sdk-ui',
    records: streamingDataChunks,
    // agno 1.x events have no custom event to hold app data. The id and the transient flag reach
    // every other target or are reported there (info): agno's CustomEvent has neither, Runner writes
    // the transient part as a partial event, snapshots (LangChain) leave it out.
    losses: { 'agno-legacy': ['dropped data', 'dropped data'] },
    // agno writes each update as an event of its own and the transient part as data of the run.
    differs: { agno: 'dropped data', 'agno-legacy': 'dropped data', runner: 'dropped data', 'ai-sdk-stream': 'dropped data' },
  },
  ...Object.entries(invalidArguments).flatMap(([what, input]): UpstreamCase[] => {
    // Arguments that are no JSON stay text: agno's tool_args and a Runner call's args are objects.
    const text = what === 'text that is not JSON' ? ['approximated tool-call'] : [];
    return [
      {
        name: `ai-sdk-stream: a streamText run whose tool call has ${what}`,
        format: 'ai-sdk-stream',
        records: () => invalidToolInputStream(input),
        // agno 1.x events carry no metrics.
        losses: { ...(text.length > 0 ? { agno: text, runner: text } : {}), 'agno-legacy': [...text, 'dropped step-end', 'dropped run-end'] },
        ...(text.length > 0 ? { differs: wrappedInput } : {}),
      },
      {
        name: `ai-sdk-ui: the UI message stream of a run whose tool call has ${what}`,
        format: 'ai-sdk-ui',
        records: () => invalidToolInputChunks(input),
        losses: text.length > 0 ? { agno: text, 'agno-legacy': text, runner: text } : {},
        ...(text.length > 0 ? { differs: wrappedInput } : {}),
      },
    ];
  }),
];
