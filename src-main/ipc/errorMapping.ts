import type { z } from 'zod';
import { AppError, type ErrorCode } from '../common/ipc';
import type { storeErrorCodeSchema } from '../common/ipc';
import { DraftRejectedError } from '../common/draft';
import { UnknownIdError } from '../common/policy';
import { StoreError, type StoreErrorCode } from '../store';
import { ConnectorError } from '../connectors';

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

// The contract repeats the store's codes (it may not import the store); this stops compiling when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const storeCodesMatch: Same<StoreErrorCode, z.infer<typeof storeErrorCodeSchema>> = true;
void storeCodesMatch;

/**
 * Errors the services raise on purpose, turned into what the renderer understands: a code, the English message
 * (logs, last resort) and the structured details the renderer words in the reader's language. Their messages are
 * written for people and hold no secrets (the store guarantees it for its own); anything else stays INTERNAL.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof StoreError) {
    // Only the facts the renderer words; paths moved aside reach it through the workspace summary instead.
    const { fileVersion, supportedVersion } = error.details;
    return new AppError(STORE_CODES[error.code], error.message, {
      kind: 'store',
      code: error.code,
      ...(typeof fileVersion === 'number' ? { fileVersion } : {}),
      ...(typeof supportedVersion === 'number' ? { supportedVersion } : {}),
    });
  }
  if (error instanceof ConnectorError) {
    // Connector messages and details name endpoints and fields, never a password or token.
    const d = error.details;
    return new AppError(error.code === 'CANCELLED' ? 'CANCELLED' : 'REMOTE', error.message, {
      kind: 'connector',
      code: error.code,
      ...(d.serverCode !== undefined ? { serverCode: d.serverCode } : {}),
      ...(d.serverMessage ? { serverMessage: d.serverMessage } : {}),
      ...(d.endpoint ? { endpoint: d.endpoint } : {}),
      ...(d.field ? { field: d.field } : {}),
      ...(d.httpStatus !== undefined ? { httpStatus: d.httpStatus } : {}),
    });
  }
  // An unknown user or permission id is the caller's mistake, not a crash.
  if (error instanceof UnknownIdError) return new AppError('NOT_FOUND', error.message);
  if (error instanceof DraftRejectedError) {
    return new AppError('REFUSED', error.message, {
      kind: 'draftProblems',
      problems: error.problems.map((p) => ({ code: p.code, message: p.message, wukongCode: p.wukongCode })),
    });
  }
  return null;
}
