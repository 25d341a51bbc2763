/**
 * Password storage as the server does it: `md5(username + password + "erp" + salt)` in hex
 * (`auth/common/AuthPasswordUtil.java#sign`, reference §1.1).
 */
import { createHash, randomBytes } from 'node:crypto';

export function signPassword(username: string, password: string, salt: string): string {
  return createHash('md5').update(username + password + 'erp' + salt, 'utf8').digest('hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** `AdminConst.DEFAULT_PASSWORD_INTENSITY`: 6–20 characters with at least one letter and one digit (§1.1). */
export const PASSWORD_INTENSITY = /^(?=.*[a-zA-Z])(?=.*\d).{6,20}$/;

/** A random password that satisfies the server's rule, for the administrator printed at start. */
export function randomPassword(): string {
  return `Adm${randomBytes(6).toString('hex')}7`;
}
