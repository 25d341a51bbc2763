import { z } from 'zod';
import { errorDetailsSchema, type ErrorDetails } from './errorDetails';

/**
 * Errors cross the process boundary as data, never as thrown exceptions (Signal's wrapResult):
 * Electron's invoke keeps only a message, and the renderer needs a stable code to choose its words.
 */
export const errorCodeSchema = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'WRONG_KEY',
  'DAMAGED',
  'NEWER_VERSION',
  'REFUSED',
  'REMOTE',
  'CANCELLED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /**
   * What the renderer needs to say it in the reader's language (`message` is the main process's English, for
   * logs and as the last resort). Never secrets.
   */
  details: errorDetailsSchema.optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** An error a handler throws on purpose; its code and message reach the renderer unchanged. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type { ErrorDetails } from './errorDetails';
