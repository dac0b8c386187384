import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, type Issue, convert } from '../../src/index.js';
import { readChunks } from '../ai-sdk/ui-reader.js';
import { streamingDataChunks } from '../upstream/ai-sdk-ui-streaming-data.js';

/**
 * The "Streaming Custom Data" guide's stream holds a `data-weather` part updated once through its
 * id, and a transient `data-notification` that useChat passes to `onData` only. Other formats got
 * the name and data alone, with no issue: the notification became part of the persisted message
 * (a LangChain content block, a Runner event its session keeps) and the update a second part.
 */
function dataIssues(issues: readonly Issue[]): { code: string; message: string }[] {
  return issues.filter((issue) => issue.eventType === 'data' && issue.code !== 'minted').map(({ code, message }) => ({ code, message }));
}

/** The data parts of the message useChat builds from a UI message stream. */
async function dataParts(chunks: readonly unknown[]): Promise<unknown[]> {
  const { message } = await readChunks(chunks);
  return (message?.parts ?? []).filter((part) => part.type.startsWith('data-'));
}

describe('the id and transient flag of a data part', () => {
  it('are canonical fields of the data event', async () => {
    const events = convert(await streamingDataChunks(), { from: 'ai-sdk-ui', to: 'canonical', encode: { header: false } }).output as CanonicalEvent[];
    expect(events.filter((event) => event.type === 'data')).toMatchObject([
      { name: 'weather', id: 'weather-1', data: { status: 'loading' } },
      { name: 'notification', transient: true },
      { name: 'weather', id: 'weather-1', data: { status: 'success' } },
    ]);
    expect(events.filter((event) => event.type === 'data').map((event) => event.ext)).toEqual([undefined, undefined, undefined]);
  });

  it('give useChat the same data parts through LangChain, the transient part left out of the messages and reported', async () => {
    const chunks = await streamingDataChunks();
    const langchain = convert(chunks, { from: 'ai-sdk-ui', to: 'langchain' });
    expect(JSON.stringify(langchain.output)).not.toContain('Processing your request');
    expect(dataIssues(langchain.issues)).toEqual([
      { code: 'dropped', message: 'transient data "notification" (no part of a message) has no place in a run snapshot and was left out' },
    ]);
    const back = convert(langchain.output, { from: 'langchain', to: 'ai-sdk-ui' }).output;
    expect(await dataParts(back)).toEqual(await dataParts(chunks));
  });

  it('reach Runner as a partial event its session never keeps, and the id is reported', async () => {
    const chunks = await streamingDataChunks();
    const runner = convert(chunks, { from: 'ai-sdk-ui', to: 'runner' });
    const events = runner.output as { partial: boolean | null; turn_complete: boolean; content: { parts: { type: string; data?: unknown }[] } }[];
    const withData = events.filter((event) => event.content.parts.some((part) => part.type === 'data'));
    expect(withData.map((event) => [event.partial, event.turn_complete, event.content.parts[0]?.data])).toEqual([
      [null, true, { city: 'San Francisco', status: 'loading' }],
      [true, false, { message: 'Processing your request...', level: 'info' }],
      [null, true, { city: 'San Francisco', weather: 'sunny', status: 'success' }],
    ]);
    expect(dataIssues(runner.issues)).toEqual([
      { code: 'dropped', message: 'the name "weather" and the id "weather-1" of a data event have no Runner equivalent and were left out' },
      { code: 'dropped', message: 'the name "notification" of a data event has no Runner equivalent and was left out' },
      { code: 'dropped', message: 'the name "weather" and the id "weather-1" of a data event have no Runner equivalent and were left out' },
    ]);
    const back = convert(runner.output, { from: 'runner', to: 'ai-sdk-ui' }).output as Record<string, unknown>[];
    expect(back.filter((chunk) => chunk.transient === true).map((chunk) => chunk.data)).toEqual([{ message: 'Processing your request...', level: 'info' }]);
  });

  it('are reported where agno writes a CustomEvent, which has neither, once per id and name', async () => {
    const agno = convert(await streamingDataChunks(), { from: 'ai-sdk-ui', to: 'agno' });
    expect(dataIssues(agno.issues)).toEqual([
      { code: 'dropped', message: 'the id "weather-1" of data "weather": a CustomEvent has none; each update is an event of its own' },
      { code: 'dropped', message: 'the transient flag of data "notification": a CustomEvent has none; it reads back as data of the run' },
    ]);
  });

  it('are reported where a stored agno run is written, the transient part left out', async () => {
    const agno = convert(await streamingDataChunks(), { from: 'ai-sdk-ui', to: 'agno', encode: { shape: 'aggregate' } });
    expect(JSON.stringify(agno.output)).not.toContain('Processing your request');
    expect(dataIssues(agno.issues).map((issue) => issue.message)).toContain(
      'transient data "notification" (no part of a message) has no place in a run snapshot and was left out',
    );
  });
});
