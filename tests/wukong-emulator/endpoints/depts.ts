/**
 * Department endpoints (`AdminDeptController` → `admin/.../service/impl/AdminDeptServiceImpl.java`, line
 * numbers at 1fa4ec2f, reference §2). Writes return no id (§9).
 */
import type { z } from 'zod';
import { beanConstraint, jsonBody, pathInt } from '../body';
import { insert, updateWhere } from '../db/mybatisPlus';
import { childDeptIds } from '../db/queries';
import type { Db } from '../db/schema';
import { Code, fault, WukongError } from '../envelope';
import { jBean, jInt, jLong, jString } from '../jackson';
import type { Route } from '../route';

interface DeptRow {
  dept_id: number;
  pid: number | null;
  name: string;
  owner_user_id: number | null;
}

interface DeptVO {
  deptId: number;
  id: number;
  pid: number | null;
  name: string;
  label: string;
  ownerUserId: number | null;
  currentNum?: number;
  children?: DeptVO[];
}

/** `entity/BO/AdminDeptQueryBO.java`. */
const deptQueryBO = jBean({ id: jInt, type: jString });

/** `entity/BO/AdminDeptBO.java`, bound for addDept and setDept with `@Valid`. */
const adminDeptBO = jBean({ deptId: jInt, pid: jInt, name: jString, ownerUserId: jLong });
type AdminDeptBO = z.infer<typeof adminDeptBO>;

/**
 * `@Valid AdminDeptBO` (AdminDeptController#addDept / #setDept): `pid` and `name` `@NotNull`, `name`
 * `@Size(max = 20)` — counted in UTF-16 units (`String#length`), so 11 emoji are too many. A violation is
 * `code 400` with the constraint's message (Hibernate Validator's zh_CN text; see README for the locale).
 * `""` passes both: an empty name is stored.
 */
function validDept(bo: AdminDeptBO): AdminDeptBO & { pid: number; name: string } {
  if (bo.pid === null) beanConstraint('不能为null');
  if (bo.name === null) beanConstraint('不能为null');
  if (bo.name.length > 20) beanConstraint('个数必须在0和20之间');
  return { ...bo, pid: bo.pid, name: bo.name };
}

function allDepts(db: Db): DeptRow[] {
  // `list()` and `queryDeptList` have no ORDER BY: primary-key order on InnoDB.
  return db.prepare<[], DeptRow>('SELECT dept_id, pid, name, owner_user_id FROM wk_admin_dept ORDER BY dept_id').all();
}

function toVO(d: DeptRow): DeptVO {
  return { deptId: d.dept_id, id: d.dept_id, pid: d.pid, name: d.name, label: d.name, ownerUserId: d.owner_user_id };
}

/**
 * Nested from `parentId`, depth ≤ 20 (`Const.AUTH_DATA_RECURSION_NUM`); `currentNum` =
 * `count(b.status != 0 or null)` of `AdminDeptMapper.xml#queryDeptList`: user rows with a status other
 * than 0 — deleted users included, a NULL status not counted.
 */
function tree(db: Db, parentId: number): DeptVO[] {
  const rows = allDepts(db);
  const members = new Map(
    db
      .prepare<[], { dept_id: number; n: number }>('SELECT dept_id, count(*) AS n FROM wk_admin_user WHERE status != 0 GROUP BY dept_id')
      .all()
      .map((r) => [r.dept_id, r.n]),
  );
  const build = (pid: number, depth: number): DeptVO[] =>
    depth >= 20
      ? []
      : rows
          .filter((d) => d.pid === pid)
          .map((d) => {
            const vo: DeptVO = { ...toVO(d), currentNum: members.get(d.dept_id) ?? 0 };
            const children = build(d.dept_id, depth + 1);
            if (children.length > 0) vo.children = children;
            return vo;
          });
  return build(parentId, 0);
}

export const deptRoutes: Route[] = [
  {
    // `AdminDeptServiceImpl#queryDeptTree` (:33): a required body (`{}` at least), id null → 0.
    path: '/adminDept/queryDeptTree',
    handle({ db, body }) {
      const input = jsonBody(body, deptQueryBO);
      const id = input.id ?? 0;
      if (input.type === 'tree') return tree(db, id);
      if (input.type === 'update') {
        // Parent picker: everything except the department itself and its subtree.
        const excluded = new Set([id, ...childDeptIds(db, id)]);
        return allDepts(db).filter((d) => !excluded.has(d.dept_id)).map(toVO);
      }
      return allDepts(db).map(toVO);
    },
  },
  {
    // `AdminDeptServiceImpl#addDept` (:89, not @Transactional): pid 0 → `CrmException(SYSTEM_NO_VALID)`
    // (:92) = 400 参数验证错误; otherwise `save(copyProperties(bo))` (:94): pid, name, owner_user_id as
    // sent (a sent deptId is ignored: AUTO id), num NULL, remark the column default ''. The parent and the
    // owner are not checked; there is no name-uniqueness check.
    path: '/adminDept/addDept',
    handle({ db, body }) {
      const bo = validDept(jsonBody(body, adminDeptBO));
      if (bo.pid === 0) throw new WukongError(Code.validation);
      insert(db, 'wk_admin_dept', { pid: bo.pid, name: bo.name, owner_user_id: bo.ownerUserId });
      return null;
    },
  },
  {
    // `AdminDeptServiceImpl#setDept` (:103, not @Transactional): 1110 when pid is the department or one of
    // its descendants (:107); `getById(deptId)` (:109) — a missing or unknown deptId is an NPE on
    // `adminDept.getPid()` → 500; moving a non-root department to pid 0 → 400 (:112). Then exactly name, pid
    // and owner_user_id are SET (:114), as sent: a missing ownerUserId clears the head.
    path: '/adminDept/setDept',
    handle({ db, body }) {
      const bo = validDept(jsonBody(body, adminDeptBO));
      const subtree = bo.deptId === null ? [] : [...childDeptIds(db, bo.deptId), bo.deptId];
      if (subtree.includes(bo.pid)) throw new WukongError(Code.childDeptAsParent);
      const current = db.prepare<[number | null], DeptRow>('SELECT dept_id, pid, name, owner_user_id FROM wk_admin_dept WHERE dept_id = ?').get(bo.deptId);
      if (!current || current.pid === null) fault(`NullPointerException: getById(${bo.deptId}).getPid() (AdminDeptServiceImpl#setDept)`);
      if (current.pid !== 0 && bo.pid === 0) throw new WukongError(Code.validation);
      updateWhere(db, 'wk_admin_dept', { name: bo.name, pid: bo.pid, owner_user_id: bo.ownerUserId }, 'dept_id = ?', [current.dept_id]);
      return null;
    },
  },
  {
    // `AdminDeptServiceImpl#deleteDept` (:129): any user row counts, deleted or disabled ones included
    // (1111), then child departments (1112); an unknown id answers 0. A non-integer path is a 500.
    path: '/adminDept/deleteDept/{deptId}',
    handle({ db, params }) {
      const deptId = pathInt(params.deptId, 'deptId');
      if (db.prepare('SELECT 1 FROM wk_admin_user WHERE dept_id = ? LIMIT 1').get(deptId)) throw new WukongError(Code.deptHasUsers);
      if (db.prepare('SELECT 1 FROM wk_admin_dept WHERE pid = ? LIMIT 1').get(deptId)) throw new WukongError(Code.deptHasChildren);
      db.prepare('DELETE FROM wk_admin_dept WHERE dept_id = ?').run(deptId);
      return null;
    },
  },
];
