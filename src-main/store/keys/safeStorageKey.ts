import { StoreError } from '../errors';
import { assertDataKey } from './dataKey';
import type { SealedKey } from './sealedKey';

type SafeStorageSealed = Extract<SealedKey, { provider: 'safeStorage' }>;

/**
 * The part of Electron's `safeStorage` this provider needs. src-main/app passes `electron.safeStorage`;
 * nothing under src-main/store imports Electron, so the store runs (and is tested) under plain Node.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', or 'unknown' before app ready. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Refuse instead of quietly sealing with something weak. On Linux without a keyring Electron falls back to
 * `basic_text`, a hard-coded password: anyone with the file can unseal it, so only the demo may use it.
 * 'unknown' means the backend was queried before the app was ready: we cannot tell what protects the key.
 */
function checkUsable(safeStorage: SafeStorageLike, isDemo: boolean): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new StoreError('KEY_PROVIDER_REFUSED', 'the system keychain is not available; protect this workspace with a passphrase');
  }
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'unknown') {
    throw new StoreError('KEY_PROVIDER_REFUSED', 'the system keychain backend is not known yet; try again once the app is ready');
  }
  if (backend === 'basic_text' && !isDemo) {
    throw new StoreError('KEY_PROVIDER_REFUSED', 'no system keyring is running (Electron reports basic_text); protect this workspace with a passphrase', {
      backend,
    });
  }
}

export function sealWithSafeStorage(dataKey: Buffer, safeStorage: SafeStorageLike, options: { isDemo: boolean }): SafeStorageSealed {
  assertDataKey(dataKey);
  checkUsable(safeStorage, options.isDemo);
  // safeStorage only takes strings; this base64 string is the one copy of the key we cannot wipe.
  return { provider: 'safeStorage', sealed: safeStorage.encryptString(dataKey.toString('base64')).toString('base64') };
}

export function unsealWithSafeStorage(sealed: SafeStorageSealed, safeStorage: SafeStorageLike, options: { isDemo: boolean }): Buffer {
  checkUsable(safeStorage, options.isDemo);
  let text: string;
  try {
    text = safeStorage.decryptString(Buffer.from(sealed.sealed, 'base64'));
  } catch (error) {
    throw new StoreError('WRONG_KEY', 'the system keychain could not unseal this workspace key (another user or machine?)', {}, { cause: error });
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new StoreError('INVALID_DATA', 'the unsealed workspace key has the wrong length');
  return key;
}
