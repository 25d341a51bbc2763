/**
 * Request bodies the way Spring MVC binds them (reference §0): `@RequestBody` endpoints read JSON only;
 * `@RequestParam` endpoints read form-urlencoded fields or query parameters only.
 *
 * What goes wrong, and what the real server answers (core/exception/ExceptionHandlerAdvice.java):
 * - another content type (`HttpMediaTypeNotSupportedException`), a missing `@RequestParam`
 *   (`MissingServletRequestParameterException`): ServletExceptions → `#servletException` → `code 500`;
 * - an empty, `null`, malformed or unbindable JSON body (`HttpMessageNotReadableException`), a
 *   non-numeric `@RequestParam Integer` or `@PathVariable Integer` (`MethodArgumentTypeMismatchException`):
 *   → `#defaultException` → `code 500`;
 * - only a `@Valid` bean constraint (`MethodArgumentNotValidException`) answers `code 400`, with the
 *   violated constraint's message (`#argumentNotValidException`).
 */
import { z } from 'zod';
import { Code, ServerFault, WukongError } from './envelope';

export interface RequestBody {
  contentType: string;
  raw: string;
  query: URLSearchParams;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unreadable';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** A JSON body bound with `schema` (built from `jackson.ts`); every binding problem is a 500. */
export function jsonBody<S extends z.ZodType>(body: RequestBody, schema: S): z.infer<S> {
  if (!body.contentType.includes('application/json')) {
    throw new ServerFault(`HttpMediaTypeNotSupportedException: Content type '${body.contentType || 'none'}' not supported`);
  }
  let value: unknown;
  try {
    value = body.raw.trim() === '' ? null : JSON.parse(body.raw);
  } catch {
    throw new ServerFault('HttpMessageNotReadableException: JSON parse error');
  }
  // A required @RequestBody that reads as null (empty body or a literal `null`) is refused by
  // AbstractMessageConverterMethodArgumentResolver#readWithMessageConverters.
  if (value === null) throw new ServerFault('HttpMessageNotReadableException: Required request body is missing');
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ServerFault(`HttpMessageNotReadableException: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** A Bean Validation constraint of a `@Valid @RequestBody` bean: `code 400` with the constraint's message. */
export function beanConstraint(message: string): never {
  throw new WukongError(Code.validation, message);
}

/** Form fields (`application/x-www-form-urlencoded` body) merged over query parameters, validated with `schema`. */
export function formParams<S extends z.ZodType>(body: RequestBody, schema: S): z.infer<S> {
  const fields: Record<string, string> = Object.fromEntries(body.query);
  if (body.contentType.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.raw)) fields[key] = value;
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path[0];
    if (typeof name === 'string' && (fields[name] === undefined || fields[name].trim() === '')) {
      throw new ServerFault(`MissingServletRequestParameterException: Required request parameter '${name}' is not present`);
    }
    throw new ServerFault(`MethodArgumentTypeMismatchException: ${firstIssue(parsed.error)}`);
  }
  return parsed.data;
}

/** What the call log shows for a body: parsed JSON, form fields, or the raw text. */
export function loggedBody(body: RequestBody): unknown {
  if (body.contentType.includes('application/json')) {
    try {
      return JSON.parse(body.raw);
    } catch {
      return body.raw;
    }
  }
  if (body.contentType.includes('application/x-www-form-urlencoded')) {
    return { ...Object.fromEntries(body.query), ...Object.fromEntries(new URLSearchParams(body.raw)) };
  }
  return body.raw === '' ? (body.query.size > 0 ? Object.fromEntries(body.query) : null) : body.raw;
}

const INTEGER = /^\s*-?\d+\s*$/;

/**
 * A form field or path segment bound to `Integer`/`Long`: Spring's `StringToNumberConverterFactory` trims
 * and parses; anything else is a `MethodArgumentTypeMismatchException` (→ 500). An empty value converts to
 * null, which a required parameter then reports as missing (→ 500 as well).
 */
export const formInt = z
  .string()
  .regex(INTEGER, 'must be an integer')
  .transform(Number)
  .refine((n) => Math.abs(n) <= 2_147_483_647, 'out of range of Integer');

/** A `@PathVariable Integer`: digits or a 500. */
export function pathInt(value: string | undefined, name: string): number {
  if (value === undefined || !INTEGER.test(value) || Math.abs(Number(value)) > 2_147_483_647) {
    throw new ServerFault(`MethodArgumentTypeMismatchException: Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer' for '${name}': "${value ?? ''}"`);
  }
  return Number(value);
}
