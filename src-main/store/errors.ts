/**
 * Every failure the store reports carries a stable `code`, so the service and the renderer can choose the
 * words to show without parsing messages. Messages never contain keys, passphrases or tokens.
 */
export type StoreErrorCode =
  /** The key or passphrase does not open this workspace. Nothing on disk was changed. */
  | 'WRONG_KEY'
  /** The file was written by a newer Gatehouse (its `user_version` is above every migration we know). */
  | 'NEWER_VERSION'
  /** The file is truncated or corrupted; it has been moved aside (see `details.movedTo`). */
  | 'DAMAGED'
  /** The workspace is locked (idle lock or explicit lock): unlock it first. */
  | 'LOCKED'
  /** The named workspace, snapshot, draft, push or file does not exist. */
  | 'NOT_FOUND'
  /** A key provider refuses to seal or unseal here (for example safeStorage on the Linux basic_text backend). */
  | 'KEY_PROVIDER_REFUSED'
  /** The key file is readable by other users, or is used for something other than the demo workspace. */
  | 'KEY_FILE_INSECURE'
  /** The passphrase is too short to protect the workspace. */
  | 'WEAK_PASSPHRASE'
  /** Stored data does not have the shape it must have (a snapshot that fails validation, a bad envelope). */
  | 'INVALID_DATA'
  /** The request contradicts the stored state (undo with nothing to undo, a push call in the wrong status). */
  | 'CONFLICT'
  /** The workspace already exists. */
  | 'ALREADY_EXISTS';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** Plain, non-secret facts a caller may show (paths moved aside, what can be recovered). */
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** SQLite result codes as better-sqlite3 reports them on `SqliteError.code`. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
