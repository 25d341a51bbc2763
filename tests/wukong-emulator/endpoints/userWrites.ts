/**
 * Employee writes (`AdminUserController` → `admin/.../service/impl/AdminUserServiceImpl.java`, line
 * numbers at 1fa4ec2f, reference §3). No write returns an id (§9).
 */
import { jsonBody } from '../body';
import { childUserIds } from '../db/queries';
import { SUPER_USER_ID } from '../db/referenceData';
import { insert, inList, updateById, updateWhere } from '../db/mybatisPlus';
import type { Db } from '../db/schema';
import { Code, fault, WukongError } from '../envelope';
import { jBean, jBool, jDate, jInt, jList, jLong, jString } from '../jackson';
import { newSalt, PASSWORD_INTENSITY, signPassword } from '../password';
import type { Route } from '../route';
import { serverTime } from '../session';
import type { z } from 'zod';
import { saveByUserId, splitTrim } from './userRoles';

/** `entity/VO/AdminUserVO.java`, the body of setUser and addUser (no `@Valid`); `roleId` is a CSV string. */
const adminUserVO = jBean({
  realname: jString,
  username: jString,
  userId: jLong,
  sex: jInt,
  mobile: jString,
  password: jString,
  email: jString,
  deptId: jInt,
  deptName: jString,
  status: jInt,
  createTime: jDate,
  post: jString,
  parentId: jLong,
  parentName: jString,
  roleId: jString,
  roleIds: jString,
  roleName: jString,
  img: jString,
  isAdmin: jBool,
  isReadNotice: jInt,
  emailId: jInt,
  userIdentity: jInt,
  hisTable: jInt,
});
type AdminUserVO = z.infer<typeof adminUserVO>;

/** `BeanUtil.copyProperties(vo, AdminUser.class)`: the VO properties that are `AdminUser` columns. */
function userColumns(vo: AdminUserVO) {
  return {
    realname: vo.realname,
    sex: vo.sex,
    mobile: vo.mobile,
    email: vo.email,
    dept_id: vo.deptId,
    post: vo.post,
    status: vo.status,
    parent_id: vo.parentId,
    img: vo.img,
    create_time: vo.createTime,
  };
}

/** `entity/BO/AdminUserBO.java` as setUserDept reads it (the paging fields bind too but are unused). */
const setUserDeptBO = jBean({ deptId: jInt, userIdList: jList(jLong) });
/** `entity/BO/AdminUserStatusBO.java`. */
const userStatusBO = jBean({ ids: jList(jLong), status: jInt, password: jString });

/** `saveByUserId` bound to the caller's session. */
type SaveRoles = (userId: number, isRemove: boolean, roleIds: string[]) => void;

const count = (db: Db, sql: string, ...args: (string | number | null)[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/**
 * `#setUser` (:206, @Transactional). A missing parentId becomes 0 (:209) — a setUser without it clears
 * the superior. 1109 when parentId is one of the user's subordinates (:213, walked over every user row,
 * 20 levels), 1130 when it is the user (:216 — a missing userId is an NPE there → 500). 1141 when another
 * user row, deleted ones included, has the same realname (:219, utf8_general_ci; a null realname never
 * matches). There is no "user exists" check: an unknown userId answers 0.
 * Then, in this order: `saveByUserId(userId, true, splitTrim(roleId))` (:228) replaces every role — a
 * missing, null or "" roleId leaves the user with NO role — and `updateById` (:229) writes every non-null
 * column of the body (username and password are nulled first; realname, sex, mobile, email, dept_id,
 * post, status, parent_id, img, create_time). A MySQL refusal there (realname > 100 or post > 50
 * characters, a 4-byte character) rolls the role change back too.
 */
function setUser(db: Db, vo: AdminUserVO, save: SaveRoles): null {
  const parentId = vo.parentId ?? 0;
  db.transaction(() => {
    if (vo.userId !== null && childUserIds(db, vo.userId).includes(parentId)) throw new WukongError(Code.subordinateAsSuperior);
    const userId = vo.userId ?? fault('NullPointerException: adminUserVO.getUserId().equals(…) (AdminUserServiceImpl#setUser)');
    if (userId === parentId) throw new WukongError(Code.superiorIsSelf);
    if (count(db, 'SELECT count(*) AS n FROM wk_admin_user WHERE wk_ci(realname) = wk_ci(?) AND user_id != ?', vo.realname, userId) > 0) {
      throw new WukongError(Code.realnameExists);
    }
    save(userId, true, splitTrim(vo.roleId));
    updateById(db, 'wk_admin_user', 'user_id', userId, { ...userColumns(vo), parent_id: parentId });
  })();
  return null;
}

/**
 * `#addUser` (:258, @Transactional): 1106 unless the password matches the intensity rule; 1107 when any
 * user row (deleted included) has the username (:266); 1141 for a realname any row has (:270). mobile is
 * set to the username (:278) — varchar(20), so a longer username is MySQL 1406 → 500. `save` writes the
 * body's non-null columns plus salt, password, num, create_time; status left out takes the default 2.
 * Roles: `saveByUserId(newId, false, …)` (:283).
 */
function addUser(db: Db, vo: AdminUserVO, save: SaveRoles): null {
  if (vo.password === null || !PASSWORD_INTENSITY.test(vo.password)) throw new WukongError(Code.passwordIntensity);
  if (count(db, 'SELECT count(*) AS n FROM wk_admin_user WHERE wk_ci(username) = wk_ci(?)', vo.username) > 0) throw new WukongError(Code.userExists);
  if (count(db, 'SELECT count(*) AS n FROM wk_admin_user WHERE wk_ci(realname) = wk_ci(?)', vo.realname) > 0) throw new WukongError(Code.realnameExists);
  const username = vo.username ?? fault('NullPointerException: adminUser.getUsername().trim() (AdminUserServiceImpl#addUser)');
  db.transaction(() => {
    const salt = newSalt();
    const userId = insert(db, 'wk_admin_user', {
      ...userColumns(vo),
      parent_id: vo.parentId ?? 0,
      username,
      mobile: username,
      salt,
      password: signPassword(username.trim(), vo.password!.trim(), salt),
      num: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
      create_time: serverTime(),
    });
    save(userId, false, splitTrim(vo.roleId));
  })();
  return null;
}

export const userWriteRoutes: Route[] = [
  {
    path: '/adminUser/setUser',
    handle: ({ db, session, body }) => setUser(db, jsonBody(body, adminUserVO), (userId, isRemove, roleIds) => saveByUserId(db, session, userId, isRemove, roleIds)),
  },
  {
    path: '/adminUser/addUser',
    handle: ({ db, session, body }) => addUser(db, jsonBody(body, adminUserVO), (userId, isRemove, roleIds) => saveByUserId(db, session, userId, isRemove, roleIds)),
  },
  {
    // `#setUserDept` (:236, not @Transactional): returns at once, answering 0, when userIdList is
    // missing/empty or deptId missing (:239) — so no `IN ()` is ever built; 1142 for an unknown
    // department (:242); then one `UPDATE … SET dept_id … WHERE user_id IN (…)` (:246): unknown user ids
    // are ignored.
    path: '/adminUser/setUserDept',
    handle({ db, body }) {
      const { deptId, userIdList } = jsonBody(body, setUserDeptBO);
      if (!userIdList?.length || deptId === null) return null;
      if (!db.prepare('SELECT 1 FROM wk_admin_dept WHERE dept_id = ?').get(deptId)) throw new WukongError(Code.deptGone);
      const users = inList('user_id', userIdList);
      updateWhere(db, 'wk_admin_user', { dept_id: deptId }, users.sql, users.args);
      return null;
    },
  },
  {
    // `#setUserStatus` (:563, @Transactional), one id after the other: status 0 → 1116 for user 14773,
    // otherwise `UserUtil.userExit` (:571) deletes the user's tokens in Redis right away; status 1 → 1113
    // without a role (:574), NPE for an unknown id, 1114 without a department (:578); any other status
    // (2, 7, null) is written without a check — null sets the column NULL (:582). A failure on a later id
    // rolls back the status of the earlier ones, but not their logout: Redis is outside the transaction.
    // ids missing → NPE → 500; `[]` → 0, nothing happens.
    path: '/adminUser/setUserStatus',
    handle({ db, sessions, body }) {
      const { ids, status } = jsonBody(body, userStatusBO);
      db.transaction(() => {
        for (const id of ids ?? fault('NullPointerException: adminUserStatusBO.getIds() (AdminUserServiceImpl#setUserStatus)')) {
          if (status === 0) {
            if (id === null) fault('NullPointerException: id.equals(superUser)');
            if (id === SUPER_USER_ID) throw new WukongError(Code.superAdminCannotBeDisabled);
            sessions.dropUser(id);
          } else if (status === 1) {
            if (count(db, 'SELECT count(*) AS n FROM wk_admin_user_role WHERE user_id = ?', id) === 0) throw new WukongError(Code.userNeedsRole);
            const user = db.prepare<[number | null], { dept_id: number | null }>('SELECT dept_id FROM wk_admin_user WHERE user_id = ?').get(id);
            if (!user) fault(`NullPointerException: getById(${id}).getDeptId() (AdminUserServiceImpl#setUserStatus)`);
            if (user.dept_id === null) throw new WukongError(Code.userNeedsDept);
          }
          updateWhere(db, 'wk_admin_user', { status }, 'user_id = ?', [id]);
        }
      })();
      return null;
    },
  },
];
