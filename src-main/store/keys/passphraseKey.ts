import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { StoreError } from '../errors';
import { assertDataKey, wipeKey } from './dataKey';
import type { ScryptParams, SealedKey } from './sealedKey';

type PassphraseSealed = Extract<SealedKey, { provider: 'passphrase' }>;

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms per unlock. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE_LENGTH = 8;

/** Same text typed on different keyboards or input methods must derive the same key. */
function normalize(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** 64 bytes of scrypt: [0,32) verifier, [32,64) key-encryption key. PBKDF2 blocks are independent, so the stored verifier says nothing about the KEK. */
function derive(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const secret = normalize(passphrase);
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 64, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (error, derived) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(derived);
    });
  });
}

/** Binds the wrapped key to its workspace, so an envelope copied onto another workspace does not unwrap. */
function aad(workspaceId: string): Buffer {
  return Buffer.from(`gatehouse/data-key/v1/${workspaceId}`, 'utf8');
}

/** WEAK_PASSPHRASE below the minimum length (counted in characters, not UTF-16 units). */
export function assertPassphraseStrength(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new StoreError('WEAK_PASSPHRASE', `a passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}

export async function sealWithPassphrase(
  dataKey: Buffer,
  passphrase: string,
  workspaceId: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<PassphraseSealed> {
  assertDataKey(dataKey);
  assertPassphraseStrength(passphrase);
  const salt = randomBytes(16);
  const derived = await derive(passphrase, salt, params);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', derived.subarray(32, 64), iv);
    cipher.setAAD(aad(workspaceId));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      provider: 'passphrase',
      kdf: { name: 'scrypt', params, salt: salt.toString('base64') },
      verifier: derived.subarray(0, 32).toString('base64'),
      wrapped: { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    };
  } finally {
    wipeKey(derived);
  }
}

/** The data key, or WRONG_KEY when the passphrase does not verify. The caller wipes the returned buffer. */
export async function unsealWithPassphrase(sealed: PassphraseSealed, passphrase: string, workspaceId: string): Promise<Buffer> {
  const derived = await derive(passphrase, Buffer.from(sealed.kdf.salt, 'base64'), sealed.kdf.params);
  try {
    const expected = Buffer.from(sealed.verifier, 'base64');
    const actual = derived.subarray(0, 32);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new StoreError('WRONG_KEY', 'the passphrase is not right for this workspace; nothing was changed');
    }
    const decipher = createDecipheriv('aes-256-gcm', derived.subarray(32, 64), Buffer.from(sealed.wrapped.iv, 'base64'));
    decipher.setAAD(aad(workspaceId));
    decipher.setAuthTag(Buffer.from(sealed.wrapped.tag, 'base64'));
    let key: Buffer;
    try {
      key = Buffer.concat([decipher.update(Buffer.from(sealed.wrapped.ciphertext, 'base64')), decipher.final()]);
    } catch (error) {
      // The passphrase verified, so the envelope itself was altered (or belongs to another workspace).
      throw new StoreError('INVALID_DATA', 'the sealed key does not belong to this workspace or was altered', {}, { cause: error });
    }
    assertDataKey(key);
    return key;
  } finally {
    wipeKey(derived);
  }
}
