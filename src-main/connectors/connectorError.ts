/**
 * Every failure a connector reports carries a stable `code` (CONVENTIONS: errors with a stable code), the
 * endpoint it happened on and, for errors the server itself answered, the server's code and message.
 * Messages never contain credentials or tokens.
 */
export type ConnectorErrorCode =
  /** Wrong username or password (WukongCRM 1004, also 1002/1003/1009). */
  | 'LOGIN_FAILED'
  /** Too many password errors (WukongCRM 1010): wait and try again. */
  | 'ACCOUNT_LOCKED'
  /** The account is disabled (WukongCRM 1007). */
  | 'ACCOUNT_DISABLED'
  /** The session was lost (302) and one fresh login did not bring it back. */
  | 'SESSION_LOST'
  /** The answer does not have the shape the connector relies on; names the endpoint and the field. */
  | 'MALFORMED_RESPONSE'
  | 'TIMEOUT'
  /** The connection failed or was dropped before an answer arrived. */
  | 'NETWORK'
  /** HTTP 5xx or envelope code 500: the server failed; worth retrying. */
  | 'SERVER_ERROR'
  /**
   * The server answered every attempt with the same error of its own (envelope code 500 with HTTP 200: its
   * handler threw, e.g. an SQL error). Sending it again will fail the same way: the push stops, not resumable.
   */
  | 'SERVER_REJECTED'
  /** Another unexpected HTTP status. */
  | 'HTTP_ERROR'
  /** HTTP 401 / code 401: the account may not call this endpoint. */
  | 'NO_PERMISSION'
  /** Envelope code 400: the server refused the request's fields. */
  | 'VALIDATION_ERROR'
  /** Any other non-zero envelope code (11xx business rules). */
  | 'BUSINESS_ERROR'
  /** The server accepted a write but did not do all of it (e.g. role assignments silently dropped, §4.3). */
  | 'WRITE_NOT_APPLIED'
  /** An id the server does not return could not be found by re-reading (§9). */
  | 'ID_NOT_FOUND'
  /** The caller cancelled (AbortSignal). */
  | 'CANCELLED'
  /** The pulled state contradicts itself (dangling references the domain cannot hold). */
  | 'INCONSISTENT_STATE'
  /** The push cannot go on: a previous call failed, or the journal does not match the plan. */
  | 'PUSH_STOPPED';

export interface ConnectorErrorDetails {
  endpoint?: string;
  /** The field of the response that did not fit (`data.list[3].userId`). */
  field?: string;
  /** The server's envelope code and message, when the server answered. */
  serverCode?: number;
  serverMessage?: string;
  httpStatus?: number;
}

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly details: ConnectorErrorDetails;

  constructor(code: ConnectorErrorCode, message: string, details: ConnectorErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectorError';
    this.code = code;
    this.details = details;
  }

  /** Transient failures: the same call may succeed later (after checking whether it already landed). */
  get retryable(): boolean {
    return this.code === 'TIMEOUT' || this.code === 'NETWORK' || this.code === 'SERVER_ERROR';
  }
}

export function isConnectorError(error: unknown, code?: ConnectorErrorCode): error is ConnectorError {
  return error instanceof ConnectorError && (code === undefined || error.code === code);
}
