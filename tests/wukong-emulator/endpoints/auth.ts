/** `/login`, `/logout`, `/adminUser/queryLoginUser` (reference §1.1). */
import { z } from 'zod';
import { jsonBody } from '../body';
import { userRoleIds, isSuperAdmin } from '../db/queries';
import { Code, WukongError } from '../envelope';
import { signPassword } from '../password';
import type { AnyRoute } from '../route';
import { serverTime } from '../session';

const loginSchema = z.object({
  username: z.string().optional(),
  password: z.string().optional(),
  smscode: z.string().optional(),
  loginType: z.number().int().default(1),
  /** 1 = PC, 2 = mobile: one live session per user and type. */
  type: z.number().int().default(1),
});

interface LoginUserRow {
  user_id: number;
  username: string;
  password: string;
  salt: string;
  status: number;
}

export const authRoutes: AnyRoute[] = [
  {
    path: '/login',
    auth: 'none',
    handle({ db, sessions, loginAttempts, body }) {
      const input = jsonBody(body, loginSchema);
      if (!input.username) throw new WukongError(Code.usernameRequired);
      if (!input.password) throw new WukongError(Code.passwordRequired);
      loginAttempts.assertNotLocked(input.username);
      const user = db
        .prepare<[string], LoginUserRow>('SELECT user_id, username, password, salt, status FROM wk_admin_user WHERE username = ? AND is_del = 0')
        .get(input.username);
      if (!user || signPassword(user.username, input.password, user.salt) !== user.password) {
        loginAttempts.recordFailure(input.username);
        throw new WukongError(Code.wrongPassword);
      }
      loginAttempts.clear(input.username);
      if (user.status === 0) throw new WukongError(Code.userDisabled);
      // An inactive user (status 2) is activated by its first successful login.
      db.prepare('UPDATE wk_admin_user SET status = CASE status WHEN 2 THEN 1 ELSE status END, last_login_time = ? WHERE user_id = ?').run(
        serverTime(),
        user.user_id,
      );
      const adminToken = sessions.open(user.user_id, input.type, userRoleIds(db, user.user_id));
      return { adminToken };
    },
  },
  {
    path: '/logout',
    auth: 'none',
    anyMethod: true,
    handle({ sessions, token }) {
      if (token) sessions.drop(token);
      return null;
    },
  },
  {
    path: '/adminUser/queryLoginUser',
    whitelisted: true,
    handle({ db, session }) {
      const user = db
        .prepare<[number], Record<string, unknown>>(
          `SELECT u.user_id AS userId, u.username, u.realname, u.mobile, u.email, u.sex, u.dept_id AS deptId, d.name AS deptName,
                  u.post, u.status, u.parent_id AS parentId, p.realname AS parentName, u.img, u.create_time AS createTime,
                  u.last_login_time AS lastLoginTime
             FROM wk_admin_user u
             LEFT JOIN wk_admin_dept d ON d.dept_id = u.dept_id
             LEFT JOIN wk_admin_user p ON p.user_id = u.parent_id
            WHERE u.user_id = ?`,
        )
        .get(session.userId);
      if (!user) throw new WukongError(Code.userMissing);
      return { ...user, isAdmin: isSuperAdmin(session.userId, session.roles), roles: session.roles };
    },
  },
];
