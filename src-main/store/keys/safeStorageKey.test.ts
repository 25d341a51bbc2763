import { describe, expect, it } from 'vitest';
import { generateDataKey } from './dataKey';
import { sealWithSafeStorage, unsealWithSafeStorage, type SafeStorageLike } from './safeStorageKey';

/** Reversible but not identity: enough to see that the provider stores what safeStorage returned. */
function storage(backend: string | undefined, available = true): SafeStorageLike & { sealedTexts: string[] } {
  const sealedTexts: string[] = [];
  return {
    sealedTexts,
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString: (s) => {
      sealedTexts.push(s);
      return Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a));
    },
    decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8'),
  };
}

describe('safeStorage key provider', () => {
  it('round-trips through the keychain on a real backend, and on platforms without backends', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5', undefined]) {
      const key = generateDataKey();
      const s = storage(backend);
      const sealed = sealWithSafeStorage(key, s, { isDemo: false });
      expect(sealed.sealed).not.toContain(key.toString('base64'));
      expect(unsealWithSafeStorage(sealed, s, { isDemo: false }).equals(key)).toBe(true);
    }
  });

  it('refuses the Linux basic_text backend except for the demo', () => {
    const key = generateDataKey();
    expect(() => sealWithSafeStorage(key, storage('basic_text'), { isDemo: false })).toThrow(expect.objectContaining({ code: 'KEY_PROVIDER_REFUSED' }));
    const s = storage('basic_text');
    const sealed = sealWithSafeStorage(key, s, { isDemo: true });
    expect(() => unsealWithSafeStorage(sealed, s, { isDemo: false })).toThrow(expect.objectContaining({ code: 'KEY_PROVIDER_REFUSED' }));
    expect(unsealWithSafeStorage(sealed, s, { isDemo: true }).equals(key)).toBe(true);
  });

  it('refuses when encryption is unavailable or the backend is not known yet, never sealing in the clear', () => {
    const unavailable = storage('gnome_libsecret', false);
    expect(() => sealWithSafeStorage(generateDataKey(), unavailable, { isDemo: true })).toThrow(expect.objectContaining({ code: 'KEY_PROVIDER_REFUSED' }));
    const unknown = storage('unknown');
    expect(() => sealWithSafeStorage(generateDataKey(), unknown, { isDemo: false })).toThrow(expect.objectContaining({ code: 'KEY_PROVIDER_REFUSED' }));
    expect(unavailable.sealedTexts).toEqual([]);
    expect(unknown.sealedTexts).toEqual([]);
  });

  it('a blob the keychain cannot open is WRONG_KEY', () => {
    const s: SafeStorageLike = { ...storage('kwallet'), decryptString: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } };
    expect(() => unsealWithSafeStorage({ provider: 'safeStorage', sealed: 'AAAA' }, s, { isDemo: false })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
  });
});
