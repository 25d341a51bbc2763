import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { StoreError } from '../errors';
import { DATA_KEY_BYTES, assertDataKey, wipeKey } from './dataKey';
import type { SealedKey } from './sealedKey';

type KeyFileSealed = Extract<SealedKey, { provider: 'keyFile' }>;

/**
 * A key kept in a plain file protects nothing against someone who can read the user's files; it only keeps
 * the demo workspace (made-up data) encrypted at rest without asking for a passphrase. ARCHITECTURE §4:
 * only the built-in demo may use it.
 */
function refuseUnlessDemo(isDemo: boolean): void {
  if (!isDemo) {
    throw new StoreError('KEY_FILE_INSECURE', 'a key file may only protect the built-in demo workspace; use a passphrase or the system keychain');
  }
}

/** POSIX permission bits are the protection; Windows has ACLs instead and reports 0o666, so skip it there. */
function checkMode(fd: number): void {
  if (process.platform === 'win32') return;
  const stat = fstatSync(fd);
  if ((stat.mode & 0o077) !== 0) {
    throw new StoreError('KEY_FILE_INSECURE', `the key file can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); it must be 600`);
  }
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new StoreError('KEY_FILE_INSECURE', 'the key file belongs to another user');
  }
}

/** Write the key to a new file created with mode 0600 (exclusive create: never overwrite a key). */
export function sealToKeyFile(dataKey: Buffer, path: string, options: { isDemo: boolean }): KeyFileSealed {
  refuseUnlessDemo(options.isDemo);
  assertDataKey(dataKey);
  const fd = openSync(path, 'wx', 0o600);
  try {
    checkMode(fd); // a umask cannot widen 0600, but a file system that ignores modes would show here
    writeSync(fd, dataKey);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { provider: 'keyFile', file: basename(path) };
}

/** Read the key back, refusing a file other users could read. The caller wipes the returned buffer. */
export function unsealFromKeyFile(path: string, options: { isDemo: boolean }): Buffer {
  refuseUnlessDemo(options.isDemo);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new StoreError('NOT_FOUND', 'the demo key file is missing', {}, { cause: error });
  }
  const key = Buffer.alloc(DATA_KEY_BYTES);
  try {
    checkMode(fd);
    const size = fstatSync(fd).size;
    if (size !== DATA_KEY_BYTES || readSync(fd, key, 0, DATA_KEY_BYTES, 0) !== DATA_KEY_BYTES) {
      wipeKey(key);
      throw new StoreError('INVALID_DATA', `the key file must hold exactly ${DATA_KEY_BYTES} bytes`);
    }
    return key;
  } catch (error) {
    wipeKey(key);
    throw error;
  } finally {
    closeSync(fd);
  }
}
