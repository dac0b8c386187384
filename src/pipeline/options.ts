import { z } from 'zod';
import { ConversionError } from '../model/issue.js';

/**
 * The schema of a decoder's or encoder's options: a strict object whose fields are optional, so
 * that an unknown key or a bad value is refused with the keys and values the format accepts.
 */
export type OptionsSchema<Options> = z.ZodObject & z.ZodType<Options>;

/** A field's schema without its `optional` / `default` wrappers. */
function innerOf(field: z.ZodType): z.ZodType {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** The values a field accepts, for messages: `auto | events | aggregate`, `true | false`, or its description. */
export function acceptedValues(field: z.ZodType): string {
  const inner = innerOf(field);
  if (inner instanceof z.ZodEnum) return inner.options.join(' | ');
  if (inner instanceof z.ZodBoolean) return 'true | false';
  return inner.description ?? field.description ?? 'a value';
}

/** Every option of a schema with its accepted values: `shape=auto | events | aggregate, era=A | B`. */
export function describeOptions(schema: z.ZodObject): string {
  const entries = Object.entries(schema.shape as Record<string, z.ZodType>);
  return entries.length === 0 ? 'none' : entries.map(([key, field]) => `${key}=${acceptedValues(field)}`).join(', ');
}

/**
 * Checks the options given to a format's decoder or encoder against its schema.
 * @param role `decode` or `encode`, for the message.
 * @returns the options as the schema reads them.
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
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(options)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (field === undefined) {
      throw new ConversionError(`${format} has no ${role} option "${key}"; its ${role} options: ${describeOptions(schema)}`);
    }
    if (!field.safeParse(value).success) {
      throw new ConversionError(`${role} option ${key} of ${format} must be ${acceptedValues(field)}; got ${JSON.stringify(value) ?? String(value)}`);
    }
  }
  return schema.parse(options) as Options;
}

/**
 * Reads `KEY=VALUE` text (the CLI's `--encode` / `--decode`) as options of a schema: `true` and
 * `false` become booleans and numerals numbers where the option is one; everything else stays
 * text for {@link checkOptions} to judge.
 */
export function optionsFromText(schema: z.ZodObject | undefined, pairs: Readonly<Record<string, string>>): Record<string, unknown> {
  const shape = (schema?.shape ?? {}) as Record<string, z.ZodType>;
  const options: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(pairs)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const inner = field === undefined ? undefined : innerOf(field);
    if (inner instanceof z.ZodBoolean && (text === 'true' || text === 'false')) options[key] = text === 'true';
    else if (inner instanceof z.ZodNumber && text.trim() !== '' && Number.isFinite(Number(text))) options[key] = Number(text);
    else options[key] = text;
  }
  return options;
}
