import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { parseItem, type ReadItem, type RecordReader } from './read-item.js';

/** A line that is an SSE field (`data:`, `event:`, `id:`, `retry:`, a bare field name) or a comment. */
const sseFieldLine = /^(?:data|event|id|retry)(?::|\r?$)|^:/;

/**
 * Reads Server-Sent Events whose `data:` is JSON: agno 2.x AgentOS (`event:` + `data:`),
 * the AI SDK UI message stream (`data:` lines, `[DONE]`). Multi-line `data:` is joined with
 * newlines as the SSE spec says. agno 2.0.0 – 2.0.2 wrote `data: ` followed by indented JSON whose
 * later lines have no `data:` prefix; such a line continues the event's data.
 * The line of a record is the line where its event ended.
 */
export function createSseReader(): RecordReader {
  let items: ReadItem[] = [];
  let line = 0;
  let first = true;
  let partial = '';
  let inData = false;
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      const data = message.data;
      if (data.trim() === '[DONE]' || data.trim() === '') return;
      items.push(parseItem(data, line));
    },
    onError(error) {
      items.push({ kind: 'reject', text: '', line, error: `invalid SSE: ${error.message}` });
    },
  });

  function feedLine(text: string): void {
    line += 1;
    const content = text.endsWith('\r\n') ? text.slice(0, -2) : text.slice(0, -1);
    if (content === '') inData = false;
    else if (content.startsWith('data:')) inData = true;
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
      feedLine(partial + chunk.slice(start, newline + 1));
      partial = '';
      start = newline + 1;
    }
    partial += chunk.slice(start);
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
