/**
 * Password-error lockout (`UserDetailsServiceImpl`, Redis key `password:error:<username>`, reference §1.1):
 * each failure is counted for a window (3 minutes by default); once three failures are on record, further
 * attempts answer 1010 with the remaining seconds in `msg`, even with the right password.
 */
import { Code, WukongError } from './envelope';

export class LoginAttempts {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly windowMs: number) {}

  assertNotLocked(username: string): void {
    const entry = this.failures.get(username);
    if (!entry || entry.until <= Date.now()) return;
    if (entry.count >= 3) {
      const seconds = Math.ceil((entry.until - Date.now()) / 1000);
      throw new WukongError(Code.tooManyPasswordErrors, `密码错误次数过多，请${seconds}秒后重试`);
    }
  }

  recordFailure(username: string): void {
    const entry = this.failures.get(username);
    const live = entry && entry.until > Date.now();
    this.failures.set(username, { count: live ? entry.count + 1 : 1, until: Date.now() + this.windowMs });
  }

  clear(username?: string): void {
    if (username === undefined) this.failures.clear();
    else this.failures.delete(username);
  }
}
