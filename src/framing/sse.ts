import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { parseItem, type ReadItem, type RecordReader } from './read-item.js';

/**
 * Reads Server-Sent Events whose `data:` is JSON: agno 2.x AgentOS (`event:` + `data:`),
 * the AI SDK UI message stream (`data:` lines, `[DONE]`). Multi-line `data:` is joined with
 * newlines as the SSE spec says (agno 2.0.0 – 2.0.2 split pretty JSON over several lines).
 * The line of a record is the line where its event ended.
 */
export function createSseReader(): RecordReader {
  let items: ReadItem[] = [];
  let line = 0;
  let first = true;
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

  function feed(chunk: string): ReadItem[] {
    // Count lines so that every record names where it ended.
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf('\n', start)) !== -1) {
      line += 1;
      parser.feed(chunk.slice(start, newline + 1));
      start = newline + 1;
    }
    if (start < chunk.length) parser.feed(chunk.slice(start));
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
