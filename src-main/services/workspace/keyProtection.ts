import {
  StoreError,
  keyCheckOf,
  sealToKeyFile,
  sealWithPassphrase,
  sealWithSafeStorage,
  unsealFromKeyFile,
  unsealWithPassphrase,
  unsealWithSafeStorage,
  type SafeStorageLike,
  type ScryptParams,
  type SealedKey,
} from '../../store';
import type { KeyState, WorkspacePaths } from './workspaceFiles';

/** How a person chooses to protect a new workspace. The demo's key file is not a choice: only the demo gets it. */
export type WorkspaceProtection = { kind: 'passphrase'; passphrase: string } | { kind: 'safeStorage' };

/** What unlocking needs: a passphrase for passphrase workspaces, nothing for the others. */
export interface UnlockSecret {
  passphrase?: string;
}

export interface KeyContext {
  workspaceId: string;
  isDemo: boolean;
  paths: WorkspacePaths;
  safeStorage: SafeStorageLike | null;
  scrypt: ScryptParams;
}

function requireSafeStorage(context: KeyContext): SafeStorageLike {
  if (!context.safeStorage) {
    throw new StoreError('KEY_PROVIDER_REFUSED', 'the system keychain is not available in this runtime; protect this workspace with a passphrase');
  }
  return context.safeStorage;
}

/** Seal a new data key with the chosen protection (or the key file for the demo). */
export async function sealKey(dataKey: Buffer, protection: WorkspaceProtection | { kind: 'keyFile' }, context: KeyContext): Promise<KeyState> {
  let sealedKey: SealedKey;
  switch (protection.kind) {
    case 'passphrase':
      sealedKey = await sealWithPassphrase(dataKey, protection.passphrase, context.workspaceId, context.scrypt);
      break;
    case 'safeStorage':
      sealedKey = sealWithSafeStorage(dataKey, requireSafeStorage(context), { isDemo: context.isDemo });
      break;
    case 'keyFile':
      sealedKey = sealToKeyFile(dataKey, context.paths.keyFile, { isDemo: context.isDemo });
      break;
    default:
      throw new Error(`unknown protection ${JSON.stringify(protection satisfies never)}`);
  }
  return { sealedKey, keyCheck: keyCheckOf(dataKey) };
}

/** The data key (the caller wipes it), or WRONG_KEY / KEY_PROVIDER_REFUSED / KEY_FILE_INSECURE. */
export async function unsealKey(state: KeyState, secret: UnlockSecret, context: KeyContext): Promise<Buffer> {
  const sealed = state.sealedKey;
  switch (sealed.provider) {
    case 'passphrase':
      if (secret.passphrase === undefined) throw new StoreError('LOCKED', 'this workspace needs its passphrase to unlock');
      return unsealWithPassphrase(sealed, secret.passphrase, context.workspaceId);
    case 'safeStorage':
      return unsealWithSafeStorage(sealed, requireSafeStorage(context), { isDemo: context.isDemo });
    case 'keyFile':
      return unsealFromKeyFile(context.paths.keyFile, { isDemo: context.isDemo });
    default:
      throw new Error(`unknown key provider ${JSON.stringify(sealed satisfies never)}`);
  }
}
