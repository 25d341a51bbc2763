/** Department endpoints (`AdminDeptServiceImpl`, reference §2). Writes return no id (§9). */
import { z } from 'zod';
import { jsonBody } from '../body';
import { childDeptIds } from '../db/queries';
import type { Db } from '../db/schema';
import { Code, WukongError } from '../envelope';
import type { Route } from '../route';

interface DeptRow {
  dept_id: number;
  pid: number;
  name: string;
  owner_user_id: number | null;
}

interface DeptVO {
  deptId: number;
  id: number;
  pid: number;
  name: string;
  label: string;
  ownerUserId: number | null;
  currentNum?: number;
  children?: DeptVO[];
}

const queryTreeSchema = z.object({ id: z.number().int().nullish(), type: z.string().nullish() }).optional();

/** `AdminDeptBO`: pid and name are `@NotNull`, name `@Size(max = 20)`. */
const deptSchema = z.object({
  pid: z.number({ error: '上级部门不能为空' }).int(),
  name: z.string({ error: '部门名称不能为空' }).min(1, '部门名称不能为空').max(20, '部门名称长度不能超过20'),
  ownerUserId: z.number().int().nullish(),
});
const setDeptSchema = deptSchema.extend({ deptId: z.number({ error: '部门ID不能为空' }).int() });

function allDepts(db: Db): DeptRow[] {
  return db.prepare<[], DeptRow>('SELECT dept_id, pid, name, owner_user_id FROM wk_admin_dept ORDER BY num, dept_id').all();
}

function toVO(d: DeptRow): DeptVO {
  return { deptId: d.dept_id, id: d.dept_id, pid: d.pid, name: d.name, label: d.name, ownerUserId: d.owner_user_id };
}

/** Nested from `parentId`, depth ≤ 20 (`Const.AUTH_DATA_RECURSION_NUM`); `currentNum` = members with status ≠ 0. */
function tree(db: Db, parentId: number): DeptVO[] {
  const rows = allDepts(db);
  const members = new Map(
    db
      .prepare<[], { dept_id: number; n: number }>('SELECT dept_id, count(*) AS n FROM wk_admin_user WHERE status != 0 AND is_del = 0 GROUP BY dept_id')
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
    path: '/adminDept/queryDeptTree',
    handle({ db, body }) {
      const input = jsonBody(body, queryTreeSchema) ?? {};
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
    path: '/adminDept/addDept',
    handle({ db, body }) {
      const input = jsonBody(body, deptSchema);
      if (input.pid === 0) throw new WukongError(Code.validation, '只能有一个顶级部门');
      db.prepare('INSERT INTO wk_admin_dept (pid, name, num, owner_user_id) VALUES (?, ?, 0, ?)').run(input.pid, input.name, input.ownerUserId ?? null);
      return null;
    },
  },
  {
    path: '/adminDept/setDept',
    handle({ db, body }) {
      const input = jsonBody(body, setDeptSchema);
      const current = db.prepare<[number], DeptRow>('SELECT dept_id, pid, name, owner_user_id FROM wk_admin_dept WHERE dept_id = ?').get(input.deptId);
      if (input.pid === input.deptId || childDeptIds(db, input.deptId).includes(input.pid)) throw new WukongError(Code.childDeptAsParent);
      if (input.pid === 0 && current && current.pid !== 0) throw new WukongError(Code.validation, '只能有一个顶级部门');
      // Exactly name, pid and owner are written; a missing owner clears it.
      db.prepare('UPDATE wk_admin_dept SET name = ?, pid = ?, owner_user_id = ? WHERE dept_id = ?').run(input.name, input.pid, input.ownerUserId ?? null, input.deptId);
      return null;
    },
  },
  {
    path: '/adminDept/deleteDept/{deptId}',
    handle({ db, params }) {
      const deptId = Number(params.deptId);
      if (!Number.isInteger(deptId)) throw new WukongError(Code.validation, 'deptId must be an integer');
      // Any user row counts, whatever its status (§2).
      if (db.prepare('SELECT 1 FROM wk_admin_user WHERE dept_id = ? LIMIT 1').get(deptId)) throw new WukongError(Code.deptHasUsers);
      if (db.prepare('SELECT 1 FROM wk_admin_dept WHERE pid = ? LIMIT 1').get(deptId)) throw new WukongError(Code.deptHasChildren);
      db.prepare('DELETE FROM wk_admin_dept WHERE dept_id = ?').run(deptId);
      return null;
    },
  },
];
