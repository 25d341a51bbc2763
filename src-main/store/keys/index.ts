export { DATA_KEY_BYTES, generateDataKey, wipeKey, keyCheckOf, keyMatchesCheck } from './dataKey';
export { sealedKeySchema, scryptParamsSchema, type SealedKey, type KeyProviderKind, type ScryptParams } from './sealedKey';
export { sealWithPassphrase, unsealWithPassphrase, assertPassphraseStrength, DEFAULT_SCRYPT, MIN_PASSPHRASE_LENGTH } from './passphraseKey';
export { sealToKeyFile, unsealFromKeyFile } from './keyFileKey';
export { sealWithSafeStorage, unsealWithSafeStorage, type SafeStorageLike } from './safeStorageKey';
