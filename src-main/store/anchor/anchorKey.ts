import { hkdfSync } from 'node:crypto';
import { assertDataKey } from '../keys/dataKey';

/** HKDF "info": a label no other derivation from the data key uses (keys/dataKey.ts has the key check's). */
const ANCHOR_INFO = 'gatehouse/audit-anchor/v1';
const ANCHOR_SALT = 'gatehouse';

/**
 * The key that MACs the audit anchor, derived from the workspace's data key (HKDF-SHA256): the anchor needs
 * no secret of its own, and a MAC key is never the key SQLCipher encrypts with. The caller wipes it.
 */
export function deriveAnchorKey(dataKey: Buffer): Buffer {
  assertDataKey(dataKey);
  return Buffer.from(hkdfSync('sha256', dataKey, ANCHOR_SALT, ANCHOR_INFO, 32));
}
