import { AppError, type ErrorCode } from '../common/ipc/result';
import { DraftRejectedError } from '../common/draft/problems';
import { UnknownIdError } from '../common/policy';
import { StoreError, type StoreErrorCode } from '../store';
import { ConnectorError } from '../connectors/connectorError';

const STORE_CODES: Record<StoreErrorCode, ErrorCode> = {
  WRONG_KEY: 'WRONG_KEY',
  NEWER_VERSION: 'NEWER_VERSION',
  DAMAGED: 'DAMAGED',
  LOCKED: 'LOCKED',
  NOT_FOUND: 'NOT_FOUND',
  KEY_PROVIDER_REFUSED: 'REFUSED',
  KEY_FILE_INSECURE: 'REFUSED',
  WEAK_PASSPHRASE: 'INVALID_INPUT',
  INVALID_DATA: 'INVALID_INPUT',
  CONFLICT: 'CONFLICT',
  ALREADY_EXISTS: 'CONFLICT',
};

/**
 * Errors the services raise on purpose, turned into what the renderer understands. Their messages are
 * written for people and hold no secrets (the store guarantees it for its own); anything else stays INTERNAL.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof StoreError) {
    const details = Object.entries(error.details).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    return new AppError(STORE_CODES[error.code], error.message, details.length ? details : undefined);
  }
  if (error instanceof ConnectorError) {
    // `connector: CODE` first, so the renderer can choose its words; the server's own code and message follow.
    // Connector messages name endpoints and fields, never a password or token.
    const d = error.details;
    const details = [`connector: ${error.code}`];
    if (d.serverCode !== undefined) details.push(`serverCode: ${d.serverCode}`);
    if (d.serverMessage) details.push(`serverMessage: ${d.serverMessage}`);
    if (d.endpoint) details.push(`endpoint: ${d.endpoint}`);
    if (d.field) details.push(`field: ${d.field}`);
    if (d.httpStatus !== undefined) details.push(`httpStatus: ${d.httpStatus}`);
    return new AppError(error.code === 'CANCELLED' ? 'CANCELLED' : 'REMOTE', error.message, details);
  }
  // An unknown user or permission id is the caller's mistake, not a crash.
  if (error instanceof UnknownIdError) return new AppError('NOT_FOUND', error.message);
  if (error instanceof DraftRejectedError) {
    return new AppError('REFUSED', error.message, error.problems.map((p) => `${p.code}: ${p.message.en} / ${p.message['zh-CN']}`));
  }
  return null;
}
