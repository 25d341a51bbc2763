/**
 * `/adminUser/queryUserList` (`AdminUserServiceImpl#queryUserList` :108, `AdminUserMapper.xml#queryUserList`,
 * line numbers at 1fa4ec2f, reference §3). The writes are in `userWrites.ts`.
 */
import { jsonBody } from '../body';
import { childDeptIds } from '../db/queries';
import { SUPER_USER_ID } from '../db/referenceData';
import type { Db } from '../db/schema';
import { fault } from '../envelope';
import { jBean, jDefault, jInt, jList, jLong, jString } from '../jackson';
import type { Route } from '../route';
import { serverTime } from '../session';
import { basePage, pageOf } from './paging';

/** `entity/BO/AdminUserBO.java` extends `core/entity/PageEntity.java` (page = 1, limit = 15, pageType = 1). */
const adminUserBO = jBean({
  page: jDefault(jInt, 1),
  limit: jDefault(jInt, 15),
  pageType: jDefault(jInt, 1),
  label: jInt,
  realname: jString,
  status: jInt,
  roleId: jInt,
  deptId: jInt,
  deptIdList: jList(jInt, []),
  userIdList: jList(jLong),
  deptOwnerUserId: jLong,
  userId: jLong,
  isNeedChild: jInt,
});

const USER_COLUMNS = `a.realname, a.username, a.user_id AS userId, a.sex, a.mobile, NULL AS password, a.email, a.dept_id AS deptId,
  e.name AS deptName, a.status, a.create_time AS createTime, a.post, a.parent_id AS parentId,
  (SELECT b.realname FROM wk_admin_user b WHERE b.user_id = a.parent_id) AS parentName, a.img`;

type Row = Record<string, unknown> & { userId: number };

/**
 * `queryRoleListByUserId(userId)` (AdminRoleServiceImpl.java:207): the user's role ids, de-duplicated,
 * then `listByIds` — roles that no longer exist drop out, and the rows come back without ORDER BY (in
 * primary-key order on InnoDB), not in assignment order. No role → "" for both, not null.
 */
function rolesOf(db: Db, userId: number): { roleId: string; roleName: string } {
  const roles = db
    .prepare<[number], { role_id: number; role_name: string | null }>(
      'SELECT role_id, role_name FROM wk_admin_role WHERE role_id IN (SELECT role_id FROM wk_admin_user_role WHERE user_id = ?) ORDER BY role_id',
    )
    .all(userId);
  return { roleId: roles.map((r) => String(r.role_id)).join(','), roleName: roles.map((r) => r.role_name ?? 'null').join(',') };
}

export const userRoutes: Route[] = [
  {
    path: '/adminUser/queryUserList',
    handle({ db, body }) {
      const bo = jsonBody(body, adminUserBO);
      // PageEntity#setPageType unboxes (`pageType == 0`); `new BasePage<>(getPage(), getLimit())` unboxes
      // page and limit: an explicit null for any of them is an NPE → 500.
      if (bo.pageType === null) fault('HttpMessageNotReadableException: NullPointerException in PageEntity#setPageType');
      if (bo.page === null || bo.limit === null) fault('NullPointerException: PageEntity#parse (page or limit is null)');
      const where = ['a.is_del = 0'];
      const args: (string | number | null)[] = [];
      let deptIds = bo.deptIdList;
      // :119 the local head id (only from deptId); the mapper orders by `data.deptOwnerUserId`, which is
      // that head with a deptId, and whatever the body sent without one.
      let headId: number | null = null;
      let orderFirst = bo.deptOwnerUserId;
      if (bo.deptId !== null) {
        deptIds = [...(bo.isNeedChild === 1 ? childDeptIds(db, bo.deptId) : []), bo.deptId];
        // :130 `adminDeptService.getById(deptId).getOwnerUserId()`: a department that is gone → NPE → 500.
        const dept = db.prepare<[number], { owner_user_id: number | null }>('SELECT owner_user_id FROM wk_admin_dept WHERE dept_id = ?').get(bo.deptId);
        if (!dept) fault(`NullPointerException: adminDeptService.getById(${bo.deptId}) is null (AdminUserServiceImpl#queryUserList)`);
        headId = dept.owner_user_id;
        orderFirst = headId;
      }
      // `data.deptIdList.size() > 0`: an explicit `deptIdList: null` is an OGNL NPE.
      if (deptIds === null) fault('NullPointerException: data.deptIdList.size() (AdminUserMapper.xml#queryUserList)');
      // LIKE concat('%', x, '%') with x unescaped: % and _ in the search text are wildcards; case-insensitive.
      if (bo.realname !== null && bo.realname !== '') {
        where.push("(wk_ci_fold(a.realname) LIKE wk_ci_fold('%' || ? || '%') OR wk_ci_fold(a.mobile) LIKE wk_ci_fold('%' || ? || '%'))");
        args.push(bo.realname, bo.realname);
      }
      if (deptIds.length > 0) {
        where.push(`a.dept_id IN (${deptIds.map(() => '?').join(',')})`);
        args.push(...deptIds);
      }
      if (bo.status !== null) {
        where.push('a.status = ?');
        args.push(bo.status);
      }
      if (bo.label === 1) {
        where.push('date(a.create_time) >= date(?)');
        args.push(serverTime(Date.now() - 7 * 86_400_000));
      } else if (bo.label === 2) where.push("a.status = '2'");
      else if (bo.label === 3) where.push("a.status = '0'");
      // `left join wk_admin_user_role g … and g.role_id = ?`: a user holding the role twice is listed twice.
      const join = bo.roleId === null ? '' : 'LEFT JOIN wk_admin_user_role g ON a.user_id = g.user_id';
      if (bo.roleId !== null) {
        where.push('g.role_id = ?');
        args.push(bo.roleId);
      }
      // ORDER BY: the department head (or, without deptId, user 14773) first, then `status desc`; the
      // order within equal keys is MySQL's (here: user_id).
      const first = orderFirst ?? (bo.deptId === null ? SUPER_USER_ID : null);
      const order = first === null ? 'a.status DESC' : `a.user_id = ${Number(first)} DESC, a.status DESC`;
      const from = `FROM wk_admin_user a LEFT JOIN wk_admin_dept e ON a.dept_id = e.dept_id ${join} WHERE ${where.join(' AND ')}`;
      const page = pageOf(bo.page, bo.limit, bo.pageType);
      const total = page.counts ? (db.prepare(`SELECT count(*) AS n ${from}`).get(...args) as { n: number }).n : 0;
      const window = page.size < 0 ? '' : `LIMIT ${page.size} OFFSET ${(page.pageNumber - 1) * page.size}`;
      const rows = page.counts && total === 0 ? [] : (db.prepare(`SELECT ${USER_COLUMNS} ${from} ORDER BY ${order}, a.user_id ${window}`).all(...args) as Row[]);
      // :133–:150: only on `page == 1` (the field, not the clamped page number): with a department head
      // the head gets userIdentity 1, otherwise user 14773 gets 0; everyone else 2 (the VO's initialiser).
      const mark = bo.page === 1 ? (headId !== null ? { id: headId, identity: 1 } : { id: SUPER_USER_ID, identity: 0 }) : null;
      const list = rows.map((r) => ({
        ...r,
        ...rolesOf(db, r.userId),
        roleIds: null,
        isAdmin: null,
        isReadNotice: null,
        emailId: null,
        userIdentity: mark !== null && mark.id === r.userId ? mark.identity : 2,
        hisTable: null,
      }));
      return basePage(list, total, page.pageNumber, page.size);
    },
  },
];
