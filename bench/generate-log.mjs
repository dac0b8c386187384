import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';

/**
 * Keys whose values name one run, session, call or message: every copy of a fixture gets its own,
 * so a generated log is many distinct runs (as a real log is), not one run repeated.
 */
const idKeys = new Set([
  'run_id',
  'parent_run_id',
  'child_run_id',
  'current_run_id',
  'session_id',
  'current_session_id',
  'team_session_id',
  'tool_call_id',
  'invocation_id',
  'function_call_id',
  'runId',
  'parentRunId',
  'sessionId',
  'toolCallId',
]);

/** Stands where a copy's suffix goes; JSON.stringify writes it as the six characters `\u0000`. */
const marker = '\u0000';
const writtenMarker = '\\u0000';

/** Whether an `id` key names a message or event (not a model, agent or tool definition). */
function isInstanceId(holder) {
  return 'role' in holder || 'content' in holder || 'type' in holder || 'author' in holder || 'timestamp' in holder;
}

function markIds(value) {
  if (Array.isArray(value)) {
    for (const item of value) markIds(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && item !== '' && (idKeys.has(key) || (key === 'id' && isInstanceId(value)))) {
      value[key] = item + marker;
    } else {
      markIds(item);
    }
  }
}

/**
 * A JSONL template of recorded streams: each line re-serialized with the id values marked, so
 * that a copy is one `replaceAll` per file.
 * @param files JSONL files of real recorded streams.
 */
export function createLogTemplate(files) {
  const texts = [];
  let records = 0;
  for (const file of files) {
    const lines = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line);
      markIds(record);
      lines.push(JSON.stringify(record));
    }
    if (lines.length === 0) continue;
    records += lines.length;
    texts.push(`${lines.join('\n')}\n`);
  }
  if (records === 0) throw new Error(`no records in ${files.join(', ') || 'an empty fixture list'}`);
  return {
    records,
    /**
     * The template's text for copy number `copy`. Every id gets the suffix `~copy.file`: the
     * recordings reuse ids (each starts at run-1), which must not meet in one log.
     */
    copy: (copy) => texts.map((text, file) => text.replaceAll(writtenMarker, `~${copy}.${file}`)).join(''),
  };
}

/**
 * Writes a JSONL log of at least `bytes` bytes made of numbered copies of the template, and
 * returns its size and counts. An existing file of the same name is kept (the name carries the size).
 */
export async function generateLog(file, template, bytes) {
  if (existsSync(file)) {
    return { file, bytes: statSync(file).size, reused: true };
  }
  mkdirSync(dirname(file), { recursive: true });
  // Written under a temporary name, so an interrupted run never leaves a short log behind.
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial);
  let written = 0;
  let copies = 0;
  let buffer = '';
  while (written < bytes) {
    const text = template.copy(copies);
    copies += 1;
    buffer += text;
    written += Buffer.byteLength(text);
    if (buffer.length >= 1 << 20 || written >= bytes) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end();
  await once(stream, 'finish');
  renameSync(partial, file);
  return { file, bytes: written, copies, records: copies * template.records, reused: false };
}

/**
 * The JSONL fixtures of a folder whose name matches; golden files (`*.canonical.jsonl`,
 * `*.issues.jsonl`) are left out.
 */
export function fixtureFiles(folder, pattern = /\.jsonl$/) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => pattern.test(name) && !/\.(canonical|issues)\.jsonl$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/**
 * A canonical run that streams one tool input as `deltas` one-character deltas, then calls it.
 * @param runId the run's id.
 */
export function toolInputRun(deltas, runId = 'run-tool-input') {
  const head = '{"text":"';
  const tail = '"}';
  const input = `${head}${'x'.repeat(Math.max(0, deltas - head.length - tail.length))}${tail}`;
  const envelope = { runId };
  const events = [
    { type: 'run-start', ...envelope, model: 'bench-model' },
    { type: 'step-start', ...envelope, messageId: `${runId}-message` },
    { type: 'tool-input-start', ...envelope, toolCallId: `${runId}-call`, toolName: 'write_text' },
  ];
  for (const character of input) events.push({ type: 'tool-input-delta', ...envelope, toolCallId: `${runId}-call`, delta: character });
  events.push(
    { type: 'tool-call', ...envelope, toolCallId: `${runId}-call`, toolName: 'write_text', input: JSON.parse(input) },
    { type: 'step-end', ...envelope, finishReason: 'tool-calls' },
    { type: 'run-end', ...envelope, finishReason: 'tool-calls' },
  );
  return events;
}

/**
 * Writes a canonical JSONL file of one run with `events` events (text deltas between the
 * run's frame), and returns its path; an existing file is kept.
 */
export async function generateTextRun(file, events) {
  if (existsSync(file)) return file;
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial);
  const runId = basename(file, '.jsonl');
  const frame = [
    { canonicalVersion: 1 },
    { type: 'run-start', runId, model: 'bench-model' },
    { type: 'step-start', runId, messageId: `${runId}-message` },
    { type: 'text-start', runId, id: 'text-1' },
  ];
  const closing = [
    { type: 'text-end', runId, id: 'text-1' },
    { type: 'step-end', runId, finishReason: 'stop' },
    { type: 'run-end', runId, finishReason: 'stop' },
  ];
  let buffer = frame.map((event) => `${JSON.stringify(event)}\n`).join('');
  const deltas = Math.max(0, events - (frame.length - 1) - closing.length);
  for (let index = 0; index < deltas; index += 1) {
    buffer += `${JSON.stringify({ type: 'text-delta', runId, id: 'text-1', delta: `word${index % 100} ` })}\n`;
    if (buffer.length >= 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  buffer += closing.map((event) => `${JSON.stringify(event)}\n`).join('');
  stream.end(buffer);
  await once(stream, 'finish');
  renameSync(partial, file);
  return file;
}
