/**
 * Request bodies the way Spring binds them (reference §0, §1.3): endpoints declared with `@RequestBody`
 * read JSON only; `@RequestParam` endpoints read form-urlencoded fields or query parameters only. Bad input
 * answers `code 400` with the first problem as `msg` (`ExceptionHandlerAdvice#validException`).
 */
import { z } from 'zod';
import { Code, WukongError } from './envelope';

export interface RequestBody {
  contentType: string;
  raw: string;
  query: URLSearchParams;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '参数验证错误';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

/** A JSON body validated with `schema`; another content type or malformed JSON is a 400 like Spring's. */
export function jsonBody<S extends z.ZodType>(body: RequestBody, schema: S): z.infer<S> {
  if (!body.contentType.includes('application/json')) {
    throw new WukongError(Code.validation, `Content type '${body.contentType || 'none'}' not supported: this endpoint reads a JSON body`);
  }
  let value: unknown;
  try {
    value = body.raw.trim() === '' ? undefined : JSON.parse(body.raw);
  } catch {
    throw new WukongError(Code.validation, 'JSON parse error: the request body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new WukongError(Code.validation, firstIssue(parsed.error));
  return parsed.data;
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
    if (typeof name === 'string' && fields[name] === undefined) {
      throw new WukongError(Code.validation, `Required request parameter '${name}' is not present`);
    }
    throw new WukongError(Code.validation, firstIssue(parsed.error));
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

/** A form field holding an integer (`@RequestParam Integer`): digits only, otherwise a 400. */
export const formInt = z.string().regex(/^-?\d+$/, 'must be an integer').transform(Number);
