import { agnoFormat } from '../adapters/agno/index.js';
import { agnoLegacyFormat } from '../adapters/agno-legacy/index.js';
import { aiSdkStreamFormat, aiSdkUiFormat } from '../adapters/ai-sdk/format.js';
import { canonicalFormat } from '../adapters/canonical/index.js';
import { langchainFormat } from '../adapters/langchain/format.js';
import { runnerFormat } from '../adapters/runner/index.js';
import type { AnyFormat } from './pipeline/format.js';

/**
 * The built-in formats: adding a format is one line here. The order breaks true ties in
 * detection, so a current version comes before its legacy one.
 */
const builtInFormats: AnyFormat[] = [
  canonicalFormat,
  agnoFormat,
  agnoLegacyFormat,
  runnerFormat,
  langchainFormat,
  aiSdkUiFormat,
  aiSdkStreamFormat,
];

const formats = new Map<string, AnyFormat>(builtInFormats.map((format) => [format.name, format]));

/** Registers (or replaces) a format under its name, for the API, `detect` and the CLI. */
export function registerFormat(format: AnyFormat): void {
  formats.set(format.name, format);
}

/** The format registered under a name, if any. */
export function getFormat(name: string): AnyFormat | undefined {
  return formats.get(name);
}

/** Every registered format, in registration order. */
export function listFormats(): AnyFormat[] {
  return [...formats.values()];
}
