import { describe, expect, it } from 'vitest';
import { generateDataKey } from './dataKey';
import { sealWithPassphrase, unsealWithPassphrase } from './passphraseKey';
import { sealedKeySchema } from './sealedKey';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

describe('passphrase key provider', () => {
  it('unwraps the same data key with the right passphrase, and stores neither key nor passphrase', async () => {
    const key = generateDataKey();
    const sealed = await sealWithPassphrase(key, 'correct horse battery', 'ws-1', FAST);
    expect(sealedKeySchema.parse(sealed)).toEqual(sealed);
    expect(sealed.kdf).toMatchObject({ name: 'scrypt', params: FAST });
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain(key.toString('base64'));
    expect(text).not.toContain(key.toString('hex'));
    expect((await unsealWithPassphrase(sealed, 'correct horse battery', 'ws-1')).equals(key)).toBe(true);
  });

  it('says WRONG_KEY for a wrong passphrase', async () => {
    const sealed = await sealWithPassphrase(generateDataKey(), 'correct horse battery', 'ws-1', FAST);
    await expect(unsealWithPassphrase(sealed, 'correct horse batterY', 'ws-1')).rejects.toMatchObject({ code: 'WRONG_KEY' });
  });

  it('refuses passphrases shorter than 8 characters', async () => {
    await expect(sealWithPassphrase(generateDataKey(), 'short', 'ws-1', FAST)).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
  });

  it('salts every seal: the same passphrase twice gives different envelopes', async () => {
    const key = generateDataKey();
    const a = await sealWithPassphrase(key, 'same passphrase', 'ws-1', FAST);
    const b = await sealWithPassphrase(key, 'same passphrase', 'ws-1', FAST);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrapped.ciphertext).not.toBe(b.wrapped.ciphertext);
  });

  it('treats composed and decomposed accents as the same passphrase (NFC)', async () => {
    const key = generateDataKey();
    const sealed = await sealWithPassphrase(key, 'caf\u00e9 au lait', 'ws-1', FAST);
    expect((await unsealWithPassphrase(sealed, 'cafe\u0301 au lait', 'ws-1')).equals(key)).toBe(true);
  });

  it('an envelope copied onto another workspace does not unwrap there', async () => {
    const sealed = await sealWithPassphrase(generateDataKey(), 'correct horse battery', 'ws-1', FAST);
    await expect(unsealWithPassphrase(sealed, 'correct horse battery', 'ws-2')).rejects.toMatchObject({ code: 'INVALID_DATA' });
  });
});
