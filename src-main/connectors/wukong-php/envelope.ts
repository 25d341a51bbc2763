import { z } from 'zod';
import { ConnectorError } from '../connectorError';

/**
 * The PHP edition's answers, all HTTP 200 (application/common.php `resultArray()`):
 *   success `{"code":200,"data":…,"error":""}` · failure `{"code":400,"data":"","error":"<message>"}` (402 when
 *   `error` is an array).
 * Besides resultArray, controllers `exit(json_encode(…))` with their own shapes (OBSERVED §1.4):
 *   101 `{"code":101,"error":"请先登录"}` — no such login (common/behavior/AuthenticateBehavior.php);
 *   302 `{"code":302,"data":{…},"msg":"请先登录!"}` — header missing or cache gone (admin/controller/ApiCommon.php);
 *   102 `{"code":102,"error":"无权操作"}` — no permission (AuthenticateBehavior.php, Groups::_initialize, Users);
 *   103 `{"code":103,"data":[],"msg":"账号已被删除或禁用"}` — the logged-in account was disabled (ApiCommon.php).
 * So the message is in `error` or in `msg`, and `data` may be absent.
 */
export const envelopeSchema = z.object({
  code: z.number().int(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
  msg: z.string().nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const PHP_CODE = {
  ok: 200,
  failed: 400,
  failedWithList: 402,
  notLoggedIn: 101,
  noPermission: 102,
  accountDisabled: 103,
  sessionMissing: 302,
} as const;

/** The server's message, from `error` (resultArray, 101, 102) or `msg` (302, 103). */
export function messageOf(envelope: Envelope): string {
  const { error, msg } = envelope;
  if (typeof error === 'string' && error !== '') return error;
  if (Array.isArray(error)) return error.filter((e) => typeof e === 'string').join('; ');
  return msg ?? '';
}

/** `data.list[3].id` from a zod issue path. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return out;
}

/** Parse a whole body as an envelope; anything else is MALFORMED_RESPONSE naming the endpoint and the field. */
export function parseEnvelope(endpoint: string, body: unknown): Envelope {
  const result = envelopeSchema.safeParse(body);
  if (result.success) return result.data;
  throw malformed(endpoint, result.error, '');
}

/** Parse `data` with the endpoint's schema; the error names the endpoint and the first field that did not fit. */
export function parseData<T>(endpoint: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw malformed(endpoint, result.error, 'data');
}

function malformed(endpoint: string, error: z.ZodError, root: string): ConnectorError {
  const issue = error.issues[0];
  const field = issue ? formatPath(root, issue.path).replace(/^\./, '') || root || '(body)' : root || '(body)';
  const what = issue?.message ?? 'invalid';
  return new ConnectorError('MALFORMED_RESPONSE', `${endpoint} answered with an unexpected shape at ${field}: ${what}`, { endpoint, field });
}

/**
 * A non-200 envelope → a typed ConnectorError. 400/402 are the server's refusals of the request (unknown id
 * `参数错误`, `系统角色，不能删除`, `员工至少保留一个角色！`, validation messages): one code, BUSINESS_ERROR, with the
 * server's message. 101/302 are handled by the session (one fresh login) before they get here.
 */
export function envelopeError(endpoint: string, envelope: Envelope, httpStatus = 200): ConnectorError {
  const serverMessage = messageOf(envelope);
  const details = { endpoint, serverCode: envelope.code, serverMessage, httpStatus };
  const text = `${endpoint} failed with code ${envelope.code}: ${serverMessage}`;
  switch (envelope.code) {
    case PHP_CODE.noPermission:
      return new ConnectorError('NO_PERMISSION', text, details);
    case PHP_CODE.accountDisabled:
      return new ConnectorError('ACCOUNT_DISABLED', text, details);
    case PHP_CODE.notLoggedIn:
    case PHP_CODE.sessionMissing:
      return new ConnectorError('SESSION_LOST', text, details);
    default:
      return new ConnectorError('BUSINESS_ERROR', text, details);
  }
}
