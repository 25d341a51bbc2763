import type { ConnectorErrorCode } from '../common/ipc';

/**
 * Every failure a connector reports carries a stable `code` (CONVENTIONS: errors with a stable code), the
 * endpoint it happened on and, for errors the server itself answered, the server's code and message.
 * Messages never contain credentials or tokens. The codes are listed, with what each means, in the contract
 * (`common/ipc/errorDetails`): the renderer picks its words by them.
 */
export type { ConnectorErrorCode };

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
