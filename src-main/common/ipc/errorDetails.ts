import { z } from 'zod';
import { localizedTextSchema } from '../domain';

/**
 * What a failed call carries besides its code and message, as data: the renderer picks its words by `kind` and
 * the codes inside, in the reader's language. Flattening this into strings made the renderer parse them back
 * with regexes, and left every error it could not parse in the main process's English. Never secrets: server
 * codes, endpoints, field paths and rule texts only, never a password, token or the offending input value.
 */

/** Every failure a connector reports (`connectors/connectorError.ts`). */
export const connectorErrorCodeSchema = z.enum([
  /** Wrong username or password (WukongCRM 1004, also 1002/1003/1009). */
  'LOGIN_FAILED',
  /** Too many password errors (WukongCRM 1010): wait and try again. */
  'ACCOUNT_LOCKED',
  /** The account is disabled (WukongCRM 1007). */
  'ACCOUNT_DISABLED',
  /** The session was lost (302) and one fresh login did not bring it back. */
  'SESSION_LOST',
  /** The answer does not have the shape the connector relies on; names the endpoint and the field. */
  'MALFORMED_RESPONSE',
  'TIMEOUT',
  /** The connection failed or was dropped before an answer arrived. */
  'NETWORK',
  /** HTTP 5xx or envelope code 500: the server failed; worth retrying. */
  'SERVER_ERROR',
  /**
   * The server answered every attempt with the same error of its own (envelope code 500 with HTTP 200: its
   * handler threw, e.g. an SQL error). Sending it again will fail the same way: the push stops, not resumable.
   */
  'SERVER_REJECTED',
  /** Another unexpected HTTP status. */
  'HTTP_ERROR',
  /** HTTP 401 / code 401: the account may not call this endpoint. */
  'NO_PERMISSION',
  /** Envelope code 400: the server refused the request's fields. */
  'VALIDATION_ERROR',
  /** Any other non-zero envelope code (11xx business rules). */
  'BUSINESS_ERROR',
  /** The server accepted a write but did not do all of it (e.g. role assignments silently dropped, §4.3). */
  'WRITE_NOT_APPLIED',
  /** An id the server does not return could not be found by re-reading (§9). */
  'ID_NOT_FOUND',
  /** The caller cancelled (AbortSignal). */
  'CANCELLED',
  /** The pulled state contradicts itself (dangling references the domain cannot hold). */
  'INCONSISTENT_STATE',
  /** The push cannot go on: a previous call failed, or the journal does not match the plan. */
  'PUSH_STOPPED',
]);
export type ConnectorErrorCode = z.infer<typeof connectorErrorCodeSchema>;

/**
 * The store's own codes. The list lives in `store/errors.ts` (a lower layer this one cannot import); `ipc/errorMapping`
 * fails to compile when the two differ.
 */
export const storeErrorCodeSchema = z.enum([
  'WRONG_KEY',
  'NEWER_VERSION',
  'DAMAGED',
  'LOCKED',
  'NOT_FOUND',
  'KEY_PROVIDER_REFUSED',
  'KEY_FILE_INSECURE',
  'WEAK_PASSPHRASE',
  'INVALID_DATA',
  'CONFLICT',
  'ALREADY_EXISTS',
]);

/** What may not be done to a pushed draft (it is the record of what was sent). */
export const lockedVerbSchema = z.enum(['apply', 'undo', 'redo', 'revert']);

/** One broken rule of a gesture: the core writes its sentence in both languages (it names roles, people…). */
const ruleProblemSchema = z.object({
  code: z.string(),
  message: localizedTextSchema,
  /** The code WukongCRM itself would answer for the same mistake; null when the rule is Gatehouse's own. */
  wukongCode: z.number().int().nullable(),
  /** The gesture it belongs to, when several gestures were checked in sequence (an imported or rollback draft). */
  gesture: z.object({ number: z.number().int(), text: localizedTextSchema }).optional(),
});

export const errorDetailsSchema = z.discriminatedUnion('kind', [
  /** A gesture (or a draft made of several) breaks the CRM's rules: nothing was recorded. */
  z.object({ kind: z.literal('draftProblems'), problems: z.array(ruleProblemSchema) }),
  /** The draft was pushed (UTC time `pushedAt`, `YYYY-MM-DD HH:mm`) and is read-only. */
  z.object({ kind: z.literal('draftPushed'), verb: lockedVerbSchema, pushedAt: z.string() }),
  /** The CRM connection failed; the server's own code and message when the server answered. */
  z.object({
    kind: z.literal('connector'),
    code: connectorErrorCodeSchema,
    serverCode: z.number().int().optional(),
    serverMessage: z.string().optional(),
    endpoint: z.string().optional(),
    /** The response field that did not fit (`data.list[3].userId`). */
    field: z.string().optional(),
    httpStatus: z.number().int().optional(),
  }),
  /** The encrypted workspace store refused; versions when the file was written by a newer Gatehouse. */
  z.object({
    kind: z.literal('store'),
    code: storeErrorCodeSchema,
    fileVersion: z.number().int().optional(),
    supportedVersion: z.number().int().optional(),
  }),
  /** Input that does not fit the contract: field paths and zod's (English) sentence, never the values. */
  z.object({ kind: z.literal('fields'), issues: z.array(z.object({ path: z.string(), message: z.string() })) }),
  /** The push gate holds the push: what it needs, and the blocking checks when an override is what it needs. */
  z.object({
    kind: z.literal('gate'),
    need: z.enum(['override', 'longerReason', 'typedName']),
    blocking: z.array(z.object({ ruleId: z.string(), message: localizedTextSchema })).optional(),
    minReasonLength: z.number().int().optional(),
    draftName: z.string().optional(),
  }),
  /** Conflicts of a plan that still need a choice, by id. */
  z.object({ kind: z.literal('unresolvedConflicts'), conflictIds: z.array(z.string()) }),
  /** Why a push could not be planned, per refused operation. */
  z.object({ kind: z.literal('planRefusals'), refusals: z.array(z.object({ code: z.string(), reason: localizedTextSchema })) }),
]);
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;
export type ErrorDetailsKind = ErrorDetails['kind'];

/** Field paths and zod's sentences, never the offending values (they may be secrets); long lists are cut. */
export function fieldIssues(error: z.ZodError, max = 20): Extract<ErrorDetails, { kind: 'fields' }> {
  return {
    kind: 'fields',
    issues: error.issues.slice(0, max).map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message.slice(0, 200) })),
  };
}
