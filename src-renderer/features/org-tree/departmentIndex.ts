import { type Department, departmentTree } from '../../../src-main/common/domain';
import type { User } from '../../../src-main/common/domain';

export interface DepartmentIndex {
  byId: ReadonlyMap<string, Department>;
  children: ReadonlyMap<string | null, readonly Department[]>;
  /** People directly in each department. */
  headcount: Map<string, number>;
  /** The department and all departments below it. */
  subtree(id: string): Set<string>;
}

/** Tree lookups for the organisation view, built once per loaded tree (the tree itself: `departmentTree`). */
export function indexDepartments(departments: readonly Department[], users: readonly User[]): DepartmentIndex {
  const tree = departmentTree(departments);
  const headcount = new Map<string, number>();
  for (const u of users) headcount.set(u.departmentId, (headcount.get(u.departmentId) ?? 0) + 1);
  return { byId: tree.byId, children: tree.children, headcount, subtree: (id) => tree.subtree(id) };
}
