import { ConversionError } from '../model/issue.js';

// Option schemas are checked without zod: the few kinds of options the formats take (names from a
// list, booleans, integers, functions, handler maps) need a few lines each, while any zod/mini
// schema costs a bundle the ~14 kB of zod's core, more than a useChat route's whole decoder. A
// format of your own may still give zod/mini fields: they have the same `safeParse`.

/**
 * One option of a decoder or encoder: whether a value is accepted (`undefined` always is: every
 * option is optional), how a message names the accepted values, and how the CLI reads its
 * `KEY=VALUE` text. A `zod/mini` schema has the same `safeParse` and serves as one too.
 */
export interface OptionField {
  safeParse(value: unknown): { success: boolean };
  /** The accepted values in words: `auto | events | aggregate`, `true | false`, a description. */
  readonly accepted?: string;
  /** `boolean` or `number` when the CLI's text (`--encode header=true`) is read as one. */
  readonly kind?: 'boolean' | 'number';
}

/**
 * The schema of a decoder's or encoder's options: one field per option, and no other key is
 * accepted. Build one with {@link optionsSchema}; a `zod/mini` `strictObject` of optional fields
 * is one as well.
 * @typeParam Options the options it checks: every key has a field.
 */
export interface OptionsSchema<Options> {
  readonly shape: { readonly [Key in keyof Options]-?: OptionField };
}

/** An option field accepting `undefined` and what `test` accepts, named `accepted` in messages. */
export function optionField(test: (value: unknown) => boolean, accepted: string, kind?: 'boolean' | 'number'): OptionField {
  const safeParse = (value: unknown): { success: boolean } => ({ success: value === undefined || test(value) });
  return kind === undefined ? { safeParse, accepted } : { safeParse, accepted, kind };
}

/** The schema of options made of these fields, one per option. */
export function optionsSchema<Options>(shape: { readonly [Key in keyof Options]-?: OptionField }): OptionsSchema<Options> {
  return { shape };
}

/** An option that is one of `values`. */
export function oneOf<Value extends string>(values: readonly Value[]): OptionField {
  return optionField((value) => (values as readonly unknown[]).includes(value), values.join(' | '));
}

/** A boolean option. */
export function flag(): OptionField {
  return optionField((value) => typeof value === 'boolean', 'true | false', 'boolean');
}

/** An integer option (a safe integer, as JSON numbers go) of at least `minimum`. */
export function integerFrom(minimum: number): OptionField {
  return optionField((value) => Number.isSafeInteger(value) && (value as number) >= minimum, `an integer from ${minimum}`, 'number');
}

/** A function option; what it returns is the caller's to get right, as with any callback. */
export function functionOption(description: string): OptionField {
  return optionField((value) => typeof value === 'function', description);
}

/** A plain object (an object literal, or one made with a null prototype), as JSON objects are. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A decoder's `handlers` option: a plain object of functions keyed by the names its default
 * handler map dispatches on; any other key, or a value that is no function (undefined
 * included), is refused.
 * @param defaults the decoder's default handlers (their keys are the names accepted).
 * @param description what the option holds, for the error a bad value gets (the accepted names follow it).
 */
export function handlersOption(defaults: object, description: string): OptionField {
  return optionField(
    (value) => isPlainObject(value) && Object.entries(value).every(([key, handler]) => Object.hasOwn(defaults, key) && typeof handler === 'function'),
    `${description}: ${Object.keys(defaults).join(', ')}`,
  );
}

/** An option's value as an error message shows it: functions and undefined named, which JSON would leave out. */
function shown(value: unknown): string {
  const replacer = (_key: string, inner: unknown) => (typeof inner === 'function' ? '[function]' : inner === undefined ? '[undefined]' : inner);
  return JSON.stringify(value, replacer) ?? String(value);
}

/** The schema of a field of a `zod/mini` schema a format of your own gave: read by its definition, not imported. */
interface ZodDefinition {
  type?: string;
  innerType?: unknown;
  entries?: Record<string, unknown>;
}

/** The definition of a zod field without its `optional` / `default` / `nullable` wrappers. */
function zodDefinitionOf(option: OptionField): ZodDefinition | undefined {
  let definition = (option as { _zod?: { def?: ZodDefinition } })._zod?.def;
  while (definition !== undefined && (definition.type === 'optional' || definition.type === 'default' || definition.type === 'nullable')) {
    definition = (definition.innerType as { _zod?: { def?: ZodDefinition } } | undefined)?._zod?.def;
  }
  return definition;
}

/** The values a field accepts, for messages: `auto | events | aggregate`, `true | false`, or its description. */
export function acceptedValues(option: OptionField): string {
  if (option.accepted !== undefined) return option.accepted;
  const definition = zodDefinitionOf(option);
  if (definition?.type === 'enum' && definition.entries !== undefined) return Object.values(definition.entries).join(' | ');
  if (definition?.type === 'boolean') return 'true | false';
  return 'a value';
}

/** How the CLI reads a field's text: as a boolean, a number, or text. */
function kindOf(option: OptionField | undefined): 'boolean' | 'number' | undefined {
  if (option === undefined) return undefined;
  if (option.kind !== undefined) return option.kind;
  const type = zodDefinitionOf(option)?.type;
  return type === 'boolean' || type === 'number' ? type : undefined;
}

/** Every option of a schema with its accepted values: `shape=auto | events | aggregate, era=A | B`. */
export function describeOptions(schema: OptionsSchema<unknown>): string {
  const entries = Object.entries(schema.shape as Record<string, OptionField>);
  return entries.length === 0 ? 'none' : entries.map(([key, option]) => `${key}=${acceptedValues(option)}`).join(', ');
}

/**
 * Checks the options given to a format's decoder or encoder against its schema.
 * @param role `decode` or `encode`, for the message.
 * @returns the options as the schema reads them (a copy; a zod schema's `parse` output).
 * @throws ConversionError naming the unknown key or bad value and listing what the format accepts.
 */
export function checkOptions<Options>(
  schema: OptionsSchema<Options> | undefined,
  options: unknown,
  format: string,
  role: 'decode' | 'encode',
): Options | undefined {
  if (schema === undefined || options === undefined) return options as Options | undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConversionError(`the ${role} options of ${format} must be an object; accepted: ${describeOptions(schema)}`);
  }
  const shape = schema.shape as Record<string, OptionField>;
  for (const [key, value] of Object.entries(options)) {
    const option = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (option === undefined) {
      throw new ConversionError(`${format} has no ${role} option "${key}"; its ${role} options: ${describeOptions(schema)}`);
    }
    if (!option.safeParse(value).success) {
      throw new ConversionError(`${role} option ${key} of ${format} must be ${acceptedValues(option)}; got ${shown(value)}`);
    }
  }
  // A zod schema of a format of your own may fill defaults or transform: its output is the options.
  const parse = (schema as { parse?: (value: unknown) => Options }).parse;
  return typeof parse === 'function' ? parse.call(schema, options) : ({ ...options } as Options);
}

/**
 * Reads `KEY=VALUE` text (the CLI's `--encode` / `--decode`) as options of a schema: `true` and
 * `false` become booleans and numerals numbers where the option is one; everything else stays
 * text for {@link checkOptions} to judge.
 */
export function optionsFromText(schema: OptionsSchema<unknown> | undefined, pairs: Readonly<Record<string, string>>): Record<string, unknown> {
  const shape = (schema?.shape ?? {}) as Record<string, OptionField>;
  const options: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(pairs)) {
    const kind = kindOf(Object.hasOwn(shape, key) ? shape[key] : undefined);
    if (kind === 'boolean' && (text === 'true' || text === 'false')) options[key] = text === 'true';
    else if (kind === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) options[key] = Number(text);
    else options[key] = text;
  }
  return options;
}
