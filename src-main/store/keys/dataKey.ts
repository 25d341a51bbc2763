import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** SQLCipher v4 uses a 256-bit key; Gatehouse gives each workspace its own random one. */
export const DATA_KEY_BYTES = 32;

/** A fresh random data key. The caller owns the buffer and must `wipeKey` it when done. */
export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** Overwrite key material in place. JS cannot free memory on demand; zeroing is what we can do. */
export function wipeKey(key: Buffer | undefined | null): void {
  key?.fill(0);
}

export function assertDataKey(key: Buffer): void {
  if (key.length !== DATA_KEY_BYTES) throw new RangeError(`a data key has ${DATA_KEY_BYTES} bytes, got ${key.length}`);
}

/**
 * A one-way fingerprint of a data key, stored beside the encrypted file. It lets the store tell a wrong key
 * (fingerprint differs: refuse, touch nothing) from a damaged file (fingerprint matches but SQLCipher cannot
 * read page 1): SQLCipher itself reports both as SQLITE_NOTADB. HMAC with a fixed label reveals nothing
 * about the key that a brute force of 2^256 keys would not.
 */
export function keyCheckOf(key: Buffer): string {
  assertDataKey(key);
  return createHmac('sha256', key).update('gatehouse/key-check/v1').digest('base64');
}

export function keyMatchesCheck(key: Buffer, check: string): boolean {
  const expected = Buffer.from(check, 'base64');
  const actual = Buffer.from(keyCheckOf(key), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
