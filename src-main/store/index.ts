/**
 * The encrypted workspace store: one SQLCipher v4 file per workspace. Services use these functions and the
 * session; none of them sees SQL.
 */
export { StoreError, isStoreError, type StoreErrorCode } from './errors';
export { createStore, openStore, configureConnection, type OpenStoreOptions } from './openStore';
export { StoreSession, type LockReason, type SessionOptions } from './session';
export { rekeyDatabase } from './rekey';
export { moveAside, databaseFiles, RECOVERY_OPTIONS } from './damage';
export { applyKey, type Db } from './sqlcipher';
export * from './keys';
export * from './migrations';
export * from './repos';
export { inTransaction } from './transaction';
export * from './anchor';
