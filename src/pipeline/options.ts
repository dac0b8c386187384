import * as z from 'zod/mini';
import { ConversionError } from '../model/issue.js';

/**
 * The schema of a decoder's or encoder's options: a strict object whose fields are optional, so
 * that an unknown key or a bad value is refused with the keys and values the format accepts.
 */
export type OptionsSchema<Options> = z.ZodMiniObject & z.ZodMiniType<Options>;

/**
 * A decoder's `handlers` option: functions keyed by the names its default handler map dispatches
 * on; any other key, or a value that is no function, is refused.
 * @param defaults the decoder's default handlers (their keys are the names accepted).
 * @param description what the option holds, for the error a bad value gets.
 */
export function handlersOption<Key extends string, Handler>(defaults: Record<Key, Handler>, description: string) {
  return z
    .partialRecord(
      z.enum(Object.keys(defaults) as [Key, ...Key[]]),
      z.custom<Handler>((value) => typeof value === 'function'),
    )
    .check(z.describe(description));
}

/** A field's schema without its `optional` / `default` wrappers. */
function innerOf(field: z.ZodMiniType): z.ZodMiniType {
  let inner = field;
  while (inner instanceof z.ZodMiniOptional || inner instanceof z.ZodMiniDefault) inner = inner._zod.def.innerType as z.ZodMiniType;
  return inner;
}

/** The values a field accepts, for messages: `auto | events | aggregate`, `true | false`, or its description. */
export function acceptedValues(field: z.ZodMiniType): string {
  const inner = innerOf(field);
  if (inner instanceof z.ZodMiniEnum) return Object.values(inner._zod.def.entries).join(' | ');
  if (inner instanceof z.ZodMiniBoolean) return 'true | false';
  return z.globalRegistry.get(inner)?.description ?? z.globalRegistry.get(field)?.description ?? 'a value';
}

/** Every option of a schema with its accepted values: `shape=auto | events | aggregate, era=A | B`. */
export function describeOptions(schema: z.ZodMiniObject): string {
  const entries = Object.entries(schema.shape as Record<string, z.ZodMiniType>);
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
  const shape = schema.shape as Record<string, z.ZodMiniType>;
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
export function optionsFromText(schema: z.ZodMiniObject | undefined, pairs: Readonly<Record<string, string>>): Record<string, unknown> {
  const shape = (schema?.shape ?? {}) as Record<string, z.ZodMiniType>;
  const options: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(pairs)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const inner = field === undefined ? undefined : innerOf(field);
    if (inner instanceof z.ZodMiniBoolean && (text === 'true' || text === 'false')) options[key] = text === 'true';
    else if (inner instanceof z.ZodMiniNumber && text.trim() !== '' && Number.isFinite(Number(text))) options[key] = Number(text);
    else options[key] = text;
  }
  return options;
}
