import { load } from '@langchain/core/load';
import { describe, expect, it } from 'vitest';
import { accumulate, type CanonicalEvent, convert, type FormatName, type Issue, type Run } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { sweepTargets, upstreamCases } from './cases.js';

/** How a warning reads in a case's declaration: its code and where it is. */
function lossOf(issue: Issue): string {
  return `${issue.code} ${issue.path ?? issue.eventType ?? ''}`.trim();
}

function warnings(issues: readonly Issue[]): string[] {
  return issues.filter((issue) => issue.level !== 'info').map(lossOf);
}

/**
 * What a run says, format aside: status, error, what a paused run waits for, and per message
 * its parts: texts, reasoning, tool calls with inputs and outputs, files, sources and data.
 * @param errorText false for targets whose format losses table lists the error text as dropped
 *   without a report (LangChain's lineage says the status only).
 */
function projection(runs: readonly Run[], errorText = true): unknown[] {
  return runs.map((run) => ({
    status: run.status,
    error: errorText ? run.error?.message : undefined,
    waitsFor: run.requirements?.map((requirement) => ({ kind: requirement.kind, toolCallId: requirement.toolCallId })),
    parts: run.messages.flatMap((message) =>
      message.parts.flatMap((part): unknown[] => {
        if (part.type === 'text') return [{ text: part.text }];
        if (part.type === 'tool-call') return [{ call: part.toolName, input: part.input }];
        if (part.type === 'tool-result') return [{ result: part.toolCallId, output: part.output }];
        if (part.type === 'reasoning') return [{ reasoning: part.text }];
        if (part.type === 'file') return [{ file: part.mediaType, url: part.url, data: part.data }];
        if (part.type === 'source') return [{ source: part.url ?? part.title }];
        return [{ data: part.name, value: part.data }];
      }),
    ),
    members: projection(run.members, errorText),
  }));
}

function canonicalEvents(records: readonly unknown[], from: FormatName): CanonicalEvent[] {
  return convert(records, { from, to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
}

function canonicalRuns(records: readonly unknown[], from: FormatName): Run[] {
  return accumulate(canonicalEvents(records, from));
}

/** The text and reasoning blocks that never ended (cut by an error): what no target may call done. */
function cutBlocks(events: readonly CanonicalEvent[]): string[] {
  const open = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'text-start' || event.type === 'reasoning-start') open.set(`${event.runId} ${event.id}`, event.type.replace('-start', ''));
    if (event.type === 'text-end' || event.type === 'reasoning-end') open.delete(`${event.runId} ${event.id}`);
  }
  return [...open.values()];
}

describe('upstream corpus', () => {
  for (const upstreamCase of upstreamCases) {
    describe(upstreamCase.name, () => {
      it(`is detected as ${upstreamCase.format}`, async () => {
        const records = await upstreamCase.records();
        const { stats } = convert(records, { from: 'auto', to: 'canonical' });
        expect(Object.keys(stats.records)).toEqual([upstreamCase.format]);
      });

      it('converts to its own format verbatim', async () => {
        const records = await upstreamCase.records();
        expect(convert(records, { from: upstreamCase.format, to: upstreamCase.format }).output).toEqual(records);
      });

      for (const target of sweepTargets.filter((name) => name !== upstreamCase.format)) {
        it(`reaches ${target} with the losses it declares, and comes back saying the same`, async () => {
          const records = await upstreamCase.records();
          const written = convert(records, { from: upstreamCase.format, to: target });
          expect(warnings(written.issues)).toEqual(upstreamCase.losses[target] ?? []);
          const errorText = target !== 'langchain';
          // Every difference from what the source says is declared beside the case with the issue
          // of this conversion that reports it; a conversion that declares none comes back the same.
          const back = { runs: projection(canonicalRuns(written.output, target), errorText), cut: cutBlocks(canonicalEvents(written.output, target)) };
          const said = { runs: projection(canonicalRuns(records, upstreamCase.format), errorText), cut: cutBlocks(canonicalEvents(records, upstreamCase.format)) };
          const difference = upstreamCase.differs?.[target];
          if (difference === undefined) {
            expect(back).toEqual(said);
          } else {
            expect(back).not.toEqual(said);
            expect(written.issues.map(lossOf)).toContain(difference);
          }
          if (target === 'ai-sdk-ui') {
            const read = await readChunks(written.output, upstreamCase.continues);
            const failed = canonicalRuns(records, upstreamCase.format).find((run) => run.status === 'error');
            expect(read.error).toBe(failed?.error?.message);
            // useChat shows a cut text as still streaming, never as done.
            const streaming = (read.message?.parts ?? []).filter((part) => (part.type === 'text' || part.type === 'reasoning') && part.state === 'streaming');
            expect(streaming.map((part) => part.type)).toEqual(cutBlocks(canonicalEvents(records, upstreamCase.format)));
          }
          if (target === 'langchain') {
            const revived = await Promise.all(written.output.map((record) => load(JSON.stringify(record))));
            expect(revived.every((message) => typeof message === 'object' && message !== null && 'content' in message)).toBe(true);
          }
        });
      }
    });
  }
});
