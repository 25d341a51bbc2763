/**
 * Request-body binding the way the real server's Jackson does it, as zod schemas. The admin and crm
 * services read `@RequestBody` with Spring Boot 2.2.5's `MappingJackson2HttpMessageConverter` (no other
 * JSON converter is registered: `core/config` only configures Feign's) — Jackson 2.10.2 with Spring's
 * `Jackson2ObjectMapperBuilder` defaults:
 *
 * - unknown properties are ignored (`customizeDefaultFeatures`: FAIL_ON_UNKNOWN_PROPERTIES off), so a
 *   misspelt field is silently dropped, never an error;
 * - `Integer`/`Long`: JSON ints; floats truncated (ACCEPT_FLOAT_AS_INT on); strings re-parsed after
 *   trim, with `""` and `"null"` → null (`NumberDeserializers.IntegerDeserializer#_parseInteger`,
 *   `StdDeserializer#_coerceEmptyString`); booleans, arrays, objects and out-of-range values fail;
 * - `String`: any scalar is accepted as its text (`StringDeserializer#deserialize`); arrays and objects fail;
 * - `List<T>`: a JSON array (elements may be null); a scalar fails (ACCEPT_SINGLE_VALUE_AS_ARRAY off).
 *
 * A failure is an `HttpMessageNotReadableException`, which `ExceptionHandlerAdvice#defaultException`
 * answers with `code 500` — not 400 (`body.ts` maps it). Only `@Valid` constraint violations are 400.
 */
import { z } from 'zod';

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (value === null) return 'VALUE_NULL';
  if (typeof value === 'object') return 'START_OBJECT';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  return typeof value;
}

function whole(javaType: 'Integer' | 'Long', min: number, max: number) {
  return z.unknown().transform((value, ctx): number | null => {
    const reject = (why: string) => {
      ctx.addIssue({ code: 'custom', message: `Cannot deserialize value of type \`java.lang.${javaType}\` from ${why}` });
      return z.NEVER;
    };
    if (value === undefined || value === null) return null;
    let n: number;
    if (typeof value === 'number') n = Math.trunc(value);
    else if (typeof value === 'string') {
      const text = value.trim();
      if (text === '' || text === 'null') return null;
      if (!/^-?\d+$/.test(text)) return reject(`String "${value}": not a valid ${javaType} value`);
      n = Number(text);
    } else return reject(`${kind(value)} token`);
    if (n < min || n > max) return reject(`${String(value)}: out of range of ${javaType}`);
    return n;
  });
}

/** A Java `Integer` property. */
export const jInt = whole('Integer', INT_MIN, INT_MAX);
/** A Java `Long` property (JavaScript numbers are exact up to 2^53, enough for ids). */
export const jLong = whole('Long', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/** A Java `String` property. */
export const jString = z.unknown().transform((value, ctx): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  ctx.addIssue({ code: 'custom', message: `Cannot deserialize value of type \`java.lang.String\` from ${kind(value)} token` });
  return z.NEVER;
});

/**
 * A Java `List<T>` property. `whenMissing` is the field initialiser's value when the JSON has no such
 * key (e.g. `AdminRole.menuIds = new ArrayList<>()`); an explicit JSON `null` is always null.
 */
export function jList<T>(item: z.ZodType<T>, whenMissing: T[] | null = null) {
  return z.unknown().transform((value, ctx): T[] | null => {
    if (value === undefined) return whenMissing === null ? null : [...whenMissing];
    if (value === null) return null;
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `Cannot deserialize instance of \`java.util.ArrayList\` out of ${kind(value)} token` });
      return z.NEVER;
    }
    const out: T[] = [];
    for (const [i, element] of value.entries()) {
      const parsed = item.safeParse(element);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `[${i}]: ${parsed.error.issues[0]?.message ?? 'invalid element'}` });
        return z.NEVER;
      }
      out.push(parsed.data);
    }
    return out;
  });
}

/** A Java `Map<String, V>` property (e.g. `AdminRole.rules`, not persisted but still bound). */
export function jMap<T>(value: z.ZodType<T>) {
  return z.union([z.null(), z.undefined(), z.record(z.string(), value)]).transform((v) => v ?? null);
}

/**
 * A Java bean: the properties listed are bound (a missing key gets what the field schema gives for
 * `undefined`: null, or the initialiser), every other key is ignored. The JSON must be an object (an
 * array or a scalar cannot become a bean).
 */
export function jBean<S extends Record<string, z.ZodType>>(shape: S) {
  return z.unknown().transform((value, ctx): { [K in keyof S]: z.output<S[K]> } => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `Cannot deserialize a bean out of ${kind(value)} token` });
      return z.NEVER;
    }
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const parsed = schema.safeParse((value as Record<string, unknown>)[key]);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `${key}: ${parsed.error.issues[0]?.message ?? 'invalid value'}` });
        return z.NEVER;
      }
      out[key] = parsed.data;
    }
    return out as { [K in keyof S]: z.output<S[K]> };
  });
}

/**
 * A Java `Boolean` property (`NumberDeserializers.BooleanDeserializer#_parseBoolean`): true/false; an int
 * is coerced (0 → false); "true"/"false" in any case after trim; "" and "null" → null.
 */
export const jBool = z.unknown().transform((value, ctx): boolean | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value !== 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '' || text === 'null') return null;
    if (/^true$/i.test(text)) return true;
    if (/^false$/i.test(text)) return false;
  }
  ctx.addIssue({ code: 'custom', message: `Cannot deserialize value of type \`java.lang.Boolean\` from ${kind(value)}` });
  return z.NEVER;
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A `java.util.Date` property under `spring.jackson.date-format: yyyy-MM-dd HH:mm:ss`, time-zone GMT+8
 * (core/src/main/resources/application-core.yml): epoch milliseconds, or text in that pattern; "" → null.
 * Kept as the `yyyy-MM-dd HH:mm:ss` text the datetime column would hold.
 */
export const jDate = z.unknown().transform((value, ctx): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') {
    const d = new Date(value + 8 * 3_600_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  const m = typeof value === 'string' ? /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})/.exec(value) : null;
  if (m) return `${pad(Number(m[1]), 4)}-${pad(Number(m[2]))}-${pad(Number(m[3]))} ${pad(Number(m[4]))}:${pad(Number(m[5]))}:${pad(Number(m[6]))}`;
  ctx.addIssue({ code: 'custom', message: `Cannot deserialize value of type \`java.util.Date\` from ${typeof value === 'string' ? `"${value}"` : kind(value)}` });
  return z.NEVER;
});

/** A property whose field has an initialiser (e.g. `PageEntity.page = 1`): used when the key is missing. */
export function jDefault<T>(schema: z.ZodType<T | null>, whenMissing: T) {
  return z.unknown().transform((value, ctx): T | null => {
    if (value === undefined) return whenMissing;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid value' });
    return z.NEVER;
  });
}
