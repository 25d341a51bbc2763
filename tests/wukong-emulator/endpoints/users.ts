/** Employee endpoints (`AdminUserServiceImpl`, reference §3). Writes return no id (§9). */
import { z } from 'zod';
import { jsonBody } from '../body';
import { assignableRoleIds, childDeptIds, childUserIds, userRoleIds } from '../db/queries';
import { SUPER_ROLE_ID, SUPER_USER_ID } from '../db/referenceData';
import type { Db } from '../db/schema';
import { Code, WukongError } from '../envelope';
import { PASSWORD_INTENSITY, newSalt, signPassword } from '../password';
import type { Route } from '../route';
import { serverTime, type Session } from '../session';
import { basePage, pageSchema, pageWindow } from './paging';

/** `AdminUserBO` extends `PageEntity`. */
const queryUserListSchema = pageSchema
  .extend({
    /** 0 all, 1 created in the last 7 days, 2 inactive (status 2), 3 disabled (status 0). */
    label: z.number().int().nullish(),
    /** LIKE on realname or mobile. */
    realname: z.string().nullish(),
    status: z.number().int().nullish(),
    roleId: z.number().int().nullish(),
    deptId: z.number().int().nullish(),
    /** 1 = include the sub-departments of `deptId`. */
    isNeedChild: z.number().int().nullish(),
  })
  .optional();

/** `AdminUserVO` as `setUser` / `addUser` read it; `roleId` is a comma-separated string of role ids. */
const userFieldsSchema = z.object({
  realname: z.string().max(64).nullish(),
  sex: z.number().int().nullish(),
  email: z.string().nullish(),
  mobile: z.string().nullish(),
  deptId: z.number().int().nullish(),
  post: z.string().nullish(),
  parentId: z.number().int().nullish(),
  roleId: z.string().nullish(),
  status: z.number().int().min(0).max(2).nullish(),
  img: z.string().nullish(),
});
const setUserSchema = userFieldsSchema.extend({
  userId: z.number({ error: '员工ID不能为空' }).int(),
  username: z.string().nullish(),
  password: z.string().nullish(),
});
const addUserSchema = userFieldsSchema.extend({ username: z.string({ error: '手机号不能为空' }).min(1), password: z.string().nullish() });
const setUserDeptSchema = z.object({ deptId: z.number().int().nullish(), userIdList: z.array(z.number().int()).nullish() });
const setUserStatusSchema = z.object({ ids: z.array(z.number().int()), status: z.number().int().min(0).max(2) });

const USER_COLUMNS = `u.user_id AS userId, u.username, u.realname, u.sex, u.mobile, u.email, u.dept_id AS deptId, d.name AS deptName,
  u.status, u.create_time AS createTime, u.post, u.parent_id AS parentId, p.realname AS parentName, u.img,
  (SELECT group_concat(ur.role_id, ',') FROM (SELECT role_id FROM wk_admin_user_role WHERE user_id = u.user_id ORDER BY id) ur) AS roleId,
  (SELECT group_concat(rn.role_name, ',') FROM (SELECT r.role_name FROM wk_admin_user_role x JOIN wk_admin_role r ON r.role_id = x.role_id WHERE x.user_id = u.user_id ORDER BY x.id) rn) AS roleName`;

function csvRoleIds(csv: string | null | undefined): number[] {
  return (csv ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

/** Role ids the caller may assign; the others are dropped without a word (§4.3). */
export function keepAssignable(db: Db, session: Session, roleIds: number[]): number[] {
  const allowed = assignableRoleIds(db, session.userId, session.roles);
  return allowed === null ? roleIds : roleIds.filter((id) => allowed.has(id));
}

export function replaceUserRoles(db: Db, userId: number, roleIds: number[]): void {
  db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO wk_admin_user_role (user_id, role_id) VALUES (?, ?)');
  for (const roleId of roleIds) insert.run(userId, roleId);
}

function assertRealnameFree(db: Db, realname: string | null | undefined, userId: number | null): void {
  if (!realname) return;
  const other = db.prepare<[string, number], { user_id: number }>('SELECT user_id FROM wk_admin_user WHERE realname = ? AND user_id != ? AND is_del = 0').get(realname, userId ?? -1);
  if (other) throw new WukongError(Code.realnameExists);
}

export const userRoutes: Route[] = [
  {
    path: '/adminUser/queryUserList',
    handle({ db, body }) {
      const input = jsonBody(body, queryUserListSchema) ?? {};
      const where = ['u.is_del = 0'];
      const args: (string | number)[] = [];
      if (input.label === 1) {
        where.push('u.create_time >= ?');
        args.push(serverTime(Date.now() - 7 * 86_400_000));
      } else if (input.label === 2) where.push('u.status = 2');
      else if (input.label === 3) where.push('u.status = 0');
      if (input.realname) {
        where.push("(u.realname LIKE ? ESCAPE '\\' OR u.mobile LIKE ? ESCAPE '\\')");
        const like = `%${input.realname.replace(/[\\%_]/g, '\\$&')}%`;
        args.push(like, like);
      }
      if (input.status !== null && input.status !== undefined) {
        where.push('u.status = ?');
        args.push(input.status);
      }
      if (input.roleId) {
        where.push('EXISTS (SELECT 1 FROM wk_admin_user_role x WHERE x.user_id = u.user_id AND x.role_id = ?)');
        args.push(input.roleId);
      }
      if (input.deptId) {
        const depts = input.isNeedChild === 1 ? [input.deptId, ...childDeptIds(db, input.deptId)] : [input.deptId];
        where.push(`u.dept_id IN (${depts.map(() => '?').join(',')})`);
        args.push(...depts);
      }
      const filter = where.join(' AND ');
      const total = db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM wk_admin_user u WHERE ${filter}`).get(...args)?.n ?? 0;
      const { page, limit, offset } = pageWindow(input);
      const head = input.deptId ? (db.prepare<[number], { owner_user_id: number | null }>('SELECT owner_user_id FROM wk_admin_dept WHERE dept_id = ?').get(input.deptId)?.owner_user_id ?? null) : null;
      // userIdentity: 0 super admin (user 14773 or role 180162), 1 head of the filtered department, 2 everyone else.
      const identity = `CASE WHEN u.user_id = ${SUPER_USER_ID} OR EXISTS (SELECT 1 FROM wk_admin_user_role s WHERE s.user_id = u.user_id AND s.role_id = ${SUPER_ROLE_ID}) THEN 0
        WHEN u.user_id = ? THEN 1 ELSE 2 END AS userIdentity`;
      const rows = db
        .prepare<(string | number)[], Record<string, unknown>>(
          `SELECT ${USER_COLUMNS}, ${identity} FROM wk_admin_user u
             LEFT JOIN wk_admin_dept d ON d.dept_id = u.dept_id LEFT JOIN wk_admin_user p ON p.user_id = u.parent_id
            WHERE ${filter} ORDER BY u.user_id LIMIT ? OFFSET ?`,
        )
        .all(head ?? -1, ...args, limit, offset);
      return basePage(rows, total, page, limit);
    },
  },
  {
    path: '/adminUser/addUser',
    handle({ db, session, body }) {
      const input = jsonBody(body, addUserSchema);
      if (!input.password || !PASSWORD_INTENSITY.test(input.password)) throw new WukongError(Code.passwordIntensity);
      if (db.prepare('SELECT 1 FROM wk_admin_user WHERE username = ? AND is_del = 0').get(input.username)) throw new WukongError(Code.userExists);
      assertRealnameFree(db, input.realname, null);
      const salt = newSalt();
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO wk_admin_user (username, password, salt, create_time, realname, mobile, email, sex, dept_id, post, status, parent_id, img)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.username,
          signPassword(input.username, input.password, salt),
          salt,
          serverTime(),
          input.realname ?? null,
          input.username,
          input.email ?? null,
          input.sex ?? null,
          input.deptId ?? null,
          input.post ?? null,
          input.status ?? 2, // DB default: not yet activated
          input.parentId ?? 0,
          input.img ?? null,
        );
      replaceUserRoles(db, Number(lastInsertRowid), keepAssignable(db, session, csvRoleIds(input.roleId)));
      return null;
    },
  },
  {
    path: '/adminUser/setUser',
    handle({ db, session, body }) {
      const input = jsonBody(body, setUserSchema);
      const exists = db.prepare('SELECT 1 FROM wk_admin_user WHERE user_id = ?').get(input.userId);
      if (!exists) throw new WukongError(Code.userMissing);
      // parentId null → 0: a setUser without parentId clears the superior (§3).
      const parentId = input.parentId ?? 0;
      if (parentId === input.userId) throw new WukongError(Code.superiorIsSelf);
      if (parentId !== 0 && childUserIds(db, input.userId).includes(parentId)) throw new WukongError(Code.subordinateAsSuperior);
      assertRealnameFree(db, input.realname, input.userId);
      // updateById: every non-null field is copied; username and password are ignored here.
      const columns: [string, unknown][] = [
        ['realname', input.realname],
        ['sex', input.sex],
        ['email', input.email],
        ['mobile', input.mobile],
        ['dept_id', input.deptId],
        ['post', input.post],
        ['status', input.status],
        ['img', input.img],
        ['parent_id', parentId],
      ];
      const set = columns.filter(([, v]) => v !== null && v !== undefined);
      db.prepare(`UPDATE wk_admin_user SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE user_id = ?`).run(...set.map(([, v]) => v), input.userId);
      // The user's roles are replaced by the roleId CSV, filtered by what the caller may assign (§3, §4.3).
      if (input.roleId !== null && input.roleId !== undefined) replaceUserRoles(db, input.userId, keepAssignable(db, session, csvRoleIds(input.roleId)));
      return null;
    },
  },
  {
    path: '/adminUser/setUserDept',
    handle({ db, body }) {
      const input = jsonBody(body, setUserDeptSchema);
      if (input.deptId === null || input.deptId === undefined || !input.userIdList?.length) return null;
      if (!db.prepare('SELECT 1 FROM wk_admin_dept WHERE dept_id = ?').get(input.deptId)) throw new WukongError(Code.deptGone);
      const move = db.prepare('UPDATE wk_admin_user SET dept_id = ? WHERE user_id = ?');
      for (const userId of input.userIdList) move.run(input.deptId, userId);
      return null;
    },
  },
  {
    path: '/adminUser/setUserStatus',
    handle({ db, sessions, body }) {
      const input = jsonBody(body, setUserStatusSchema);
      if (input.status === 0) {
        if (input.ids.includes(SUPER_USER_ID)) throw new WukongError(Code.superAdminCannotBeDisabled);
      } else {
        for (const userId of input.ids) {
          if (userRoleIds(db, userId).length === 0) throw new WukongError(Code.userNeedsRole);
          const dept = db.prepare<[number], { dept_id: number | null }>('SELECT dept_id FROM wk_admin_user WHERE user_id = ?').get(userId);
          if (!dept?.dept_id) throw new WukongError(Code.userNeedsDept);
        }
      }
      const update = db.prepare('UPDATE wk_admin_user SET status = ? WHERE user_id = ?');
      for (const userId of input.ids) {
        update.run(input.status, userId);
        // Disabling deletes the user's tokens: its next call answers 302 (§1.1, §9.1).
        if (input.status === 0) sessions.dropUser(userId);
      }
      return null;
    },
  },
];
