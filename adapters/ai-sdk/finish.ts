import { isRecord } from '../../src/pipeline/adapter-kit.js';

/** The AI SDK's `FinishReason` values (ai 7; `unknown` went in v6, `interrupted` came in 7.0.149). */
export const finishReasons: ReadonlySet<string> = new Set(['stop', 'length', 'content-filter', 'tool-calls', 'error', 'interrupted', 'other']);

/**
 * The text of an error as the AI SDK's `getErrorMessage` gives it: strings as they are, an
 * error's message, anything else as JSON.
 */
export function errorText(error: unknown): string {
  if (error === undefined || error === null) return 'unknown error';
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return JSON.stringify(error);
}

/** Whether a value looks like a serialized error (`{name?, message}`), for reading recorded errors. */
export function isErrorLike(value: unknown): value is { message: string; name?: string } {
  return isRecord(value) && typeof value.message === 'string';
}
