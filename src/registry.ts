import { agnoFormat } from '../adapters/agno/index.js';
import { agnoLegacyFormat } from '../adapters/agno-legacy/index.js';
import { aiSdkStreamFormat, aiSdkUiFormat } from '../adapters/ai-sdk/format.js';
import { canonicalFormat } from '../adapters/canonical/index.js';
import { langchainFormat } from '../adapters/langchain/format.js';
import { runnerFormat } from '../adapters/runner/index.js';
import type { AnyFormat, FormatDefinition } from './pipeline/format.js';

/**
 * The registered formats by name, for the types of `from`, `to`, `decode` and `encode`. A format
 * you register yourself gets typed options by adding it here:
 * `declare module 'agent-event-bridge' { interface FormatRegistry { mine: typeof myFormat } }`.
 */
export interface FormatRegistry {
  canonical: typeof canonicalFormat;
  agno: typeof agnoFormat;
  'agno-legacy': typeof agnoLegacyFormat;
  runner: typeof runnerFormat;
  langchain: typeof langchainFormat;
  'ai-sdk-ui': typeof aiSdkUiFormat;
  'ai-sdk-stream': typeof aiSdkStreamFormat;
}

/** A registered format's name: `from` / `to` and the CLI's `--from` / `--to`. */
export type FormatName = keyof FormatRegistry & string;

/** The options of a format's decoder (`decode`). */
export type DecodeOptionsOf<Name extends FormatName> = FormatRegistry[Name] extends FormatDefinition<infer Options, infer _> ? Options : never;

/** The options of a format's encoder (`encode`). */
export type EncodeOptionsOf<Name extends FormatName> = FormatRegistry[Name] extends FormatDefinition<infer _, infer Options> ? Options : never;

/** The versions a format can write (`encode.target`, the CLI's `--target`); `never` for formats without one. */
export type TargetOf<Name extends FormatName> = EncodeOptionsOf<Name> extends { target?: infer Target } ? Exclude<Target, undefined> : never;

/**
 * The built-in formats: adding a format is one line here (and one in {@link FormatRegistry}).
 * The order breaks true ties in detection, so a current version comes before its legacy one.
 */
const builtInFormats: { [Name in FormatName]: FormatRegistry[Name] } = {
  canonical: canonicalFormat,
  agno: agnoFormat,
  'agno-legacy': agnoLegacyFormat,
  runner: runnerFormat,
  langchain: langchainFormat,
  'ai-sdk-ui': aiSdkUiFormat,
  'ai-sdk-stream': aiSdkStreamFormat,
};

const formats = new Map<string, AnyFormat>(Object.values(builtInFormats).map((format: AnyFormat) => [format.name, format]));

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
