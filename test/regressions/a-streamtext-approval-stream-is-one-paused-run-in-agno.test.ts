import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { agnoOracles, agnoReaders, skipPython, skipReason } from '../interop/python.js';
import { approvalRequestStream, approvalRequestStreamChunks } from '../upstream/ai-sdk-approval-request.js';

type AgnoRecord = Record<string, unknown> & { event?: string };

/** The real streamText run that stops for two approvals, as its full stream and as useChat's chunks. */
const sources = [
  { from: 'ai-sdk-stream', records: approvalRequestStream },
  { from: 'ai-sdk-ui', records: approvalRequestStreamChunks },
] as const;

/** What agno's RunPaused and RunOutput say a paused run waits for: the approval and the call of each requirement. */
const waitsFor = [
  { id: 'approval-2', tool_execution: { tool_call_id: 'call-1', tool_name: 'deleteFile', tool_args: { path: '/tmp/a' }, requires_confirmation: true } },
  { id: 'approval-3', tool_execution: { tool_call_id: 'call-2', tool_name: 'deleteFile', tool_args: { path: '/tmp/b' }, requires_confirmation: true } },
];

// streamText says a pause in three records (each tool-approval-request, then finish with
// tool-calls): each was read as a pause, so agno got a RunPaused per approval and one more at the
// finish, where agno itself writes one RunPaused per pause.
describe('a streamText run that stops for two approvals, written as agno', () => {
  it.each(sources)('from $from is one RunPaused, last, carrying both approvals', async ({ from, records }) => {
    const { output } = convert(await records(), { from, to: 'agno' });
    const written = output as AgnoRecord[];
    const paused = written.filter((record) => record.event === 'RunPaused');
    expect(paused).toHaveLength(1);
    expect(written.at(-1)).toBe(paused[0]);
    expect(paused[0]?.requirements).toMatchObject(waitsFor);
    expect((paused[0]?.tools as Record<string, unknown>[]).map((tool) => tool.tool_call_id)).toEqual(['call-1', 'call-2']);
  });

  it.each(sources)('from $from is one stored run, paused, waiting for both approvals', async ({ from, records }) => {
    const { output } = convert(await records(), { from, to: 'agno', encode: { shape: 'aggregate' } });
    expect(output).toHaveLength(1);
    expect(output[0]).toMatchObject({ status: 'PAUSED', requirements: waitsFor });
  });
});

describe.skipIf(skipPython)(`a streamText run that stops for two approvals, read by agno itself${skipPython ? ` (${skipReason})` : ''}`, () => {
  const oracles = agnoOracles();

  it.each(agnoReaders)('%s reads every record, and the one RunPaused and the stored run with both requirements', async (_name, index, target) => {
    const records = await approvalRequestStream();
    const events = convert(records, { from: 'ai-sdk-stream', to: 'agno', encode: { target } }).output as AgnoRecord[];
    expect(events.filter((record) => record.event === 'RunPaused')).toHaveLength(1);
    expect(await oracles[index]!.check('event', events)).toEqual(events.map(() => ({ id: expect.any(Number), ok: true })));
    const runs = convert(records, { from: 'ai-sdk-stream', to: 'agno', encode: { target, shape: 'aggregate' } }).output;
    expect(runs).toHaveLength(1);
    expect(await oracles[index]!.check('run', runs)).toEqual([{ id: expect.any(Number), ok: true }]);
  });
});
