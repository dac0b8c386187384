import { createParser, type EventSourceMessage } from 'eventsource-parser';
import {
  isJsonBlank,
  overLongReject,
  parseItem,
  type ReadItem,
  type RecordReader,
  type RecordReaderOptions,
  recordLimits,
} from './read-item.js';

/** A line that is an SSE field (`data:`, `event:`, `id:`, `retry:`, a bare field name) or a comment. */
const sseFieldLine = /^(?:data|event|id|retry)(?::|\r?$)|^:/;

/**
 * Reads Server-Sent Events whose `data:` is JSON: agno 2.x AgentOS (`event:` + `data:`),
 * the AI SDK UI message stream (`data:` lines, `[DONE]`). Multi-line `data:` is joined with
 * newlines as the SSE spec says. agno 2.0.0 – 2.0.2 wrote `data: ` followed by indented JSON whose
 * later lines have no `data:` prefix; such a line continues the event's data.
 * The line of a record or reject is the line where its event ended; an event whose lines add up
 * to more than `maxRecordLength` is rejected without being held whole.
 */
export function createSseReader(options: RecordReaderOptions = {}): RecordReader {
  const { limit, kept } = recordLimits(options);
  let items: ReadItem[] = [];
  let line = 0;
  let first = true;
  let partial = '';
  /** The unfinished line passed the limit: only its head is kept. */
  let partialOverLong = false;
  let inData = false;
  /** Characters of the current event so far, and its head once it is over the limit. */
  let eventLength = 0;
  let overLongHead: string | undefined;
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      const data = message.data;
      // `[DONE]` ends AI SDK streams; an event with no data (a keep-alive) carries no record.
      if (isJsonBlank(data) || data.trim() === '[DONE]') return;
      items.push(parseItem(data, line));
    },
    onError(error) {
      items.push({ kind: 'reject', text: error.line ?? '', line, error: `invalid SSE: ${error.message}` });
    },
  });

  function endEvent(): void {
    if (overLongHead !== undefined) {
      items.push(overLongReject(overLongHead, line, limit));
      overLongHead = undefined;
      parser.reset();
    }
    eventLength = 0;
  }

  function feedLine(text: string): void {
    line += 1;
    const content = text.endsWith('\r\n') ? text.slice(0, -2) : text.slice(0, -1);
    if (content === '') {
      inData = false;
      if (overLongHead !== undefined) {
        endEvent();
        return;
      }
      eventLength = 0;
      parser.feed(text);
      return;
    }
    eventLength += text.length;
    if (overLongHead !== undefined) return;
    if (eventLength > limit) {
      overLongHead = content.slice(0, kept);
      return;
    }
    if (content.startsWith('data:')) inData = true;
    else if (inData && !sseFieldLine.test(content)) {
      // agno < 2.0.3: a continuation line of pretty-printed JSON after `data: `.
      parser.feed(`data: ${content}\n`);
      return;
    }
    parser.feed(text);
  }

  function feed(chunk: string): ReadItem[] {
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf('\n', start)) !== -1) {
      const piece = chunk.slice(start, newline + 1);
      if (partialOverLong) {
        // The line was over the limit before it ended: its event is rejected.
        partialOverLong = false;
        line += 1;
        eventLength = limit + 1;
        overLongHead ??= partial;
      } else {
        feedLine(partial + piece);
      }
      partial = '';
      start = newline + 1;
    }
    const rest = chunk.slice(start);
    if (!partialOverLong && eventLength + partial.length + rest.length > limit) {
      partialOverLong = true;
      partial = (partial + rest.slice(0, kept)).slice(0, kept);
    } else if (!partialOverLong) {
      partial += rest;
    }
    const out = items;
    items = [];
    return out;
  }

  return {
    push(chunk) {
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      return feed(chunk);
    },
    flush() {
      // A final event without its blank line still counts.
      const out = feed('\n\n');
      parser.reset();
      return out;
    },
  };
}
