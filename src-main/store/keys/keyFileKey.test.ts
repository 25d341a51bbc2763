import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataKey } from './dataKey';
import { sealToKeyFile, unsealFromKeyFile } from './keyFileKey';

describe.skipIf(process.platform === 'win32')('key file provider (demo only, 0600)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-keyfile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a 0600 file for the demo and reads the same key back', () => {
    const key = generateDataKey();
    const path = join(dir, 'demo.key');
    expect(sealToKeyFile(key, path, { isDemo: true })).toEqual({ provider: 'keyFile', file: 'demo.key' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(unsealFromKeyFile(path, { isDemo: true }).equals(key)).toBe(true);
  });

  it('refuses to seal or unseal anything but the demo', () => {
    const path = join(dir, 'demo.key');
    expect(() => sealToKeyFile(generateDataKey(), path, { isDemo: false })).toThrow(expect.objectContaining({ code: 'KEY_FILE_INSECURE' }));
    sealToKeyFile(generateDataKey(), path, { isDemo: true });
    expect(() => unsealFromKeyFile(path, { isDemo: false })).toThrow(expect.objectContaining({ code: 'KEY_FILE_INSECURE' }));
  });

  it('refuses a key file other users can read', () => {
    const path = join(dir, 'demo.key');
    sealToKeyFile(generateDataKey(), path, { isDemo: true });
    chmodSync(path, 0o644);
    expect(() => unsealFromKeyFile(path, { isDemo: true })).toThrow(expect.objectContaining({ code: 'KEY_FILE_INSECURE' }));
  });

  it('never overwrites an existing key file, and refuses one of the wrong size', () => {
    const path = join(dir, 'demo.key');
    writeFileSync(path, Buffer.alloc(16), { mode: 0o600 });
    expect(() => sealToKeyFile(generateDataKey(), path, { isDemo: true })).toThrow(/EEXIST/);
    expect(() => unsealFromKeyFile(path, { isDemo: true })).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
  });
});
