import type { Department } from '../../../src-main/common/domain/department';
import type { User } from '../../../src-main/common/domain/user';

export interface DepartmentIndex {
  byId: Map<string, Department>;
  children: Map<string | null, Department[]>;
  /** People directly in each department. */
  headcount: Map<string, number>;
  /** The department and all departments below it. */
  subtree(id: string): Set<string>;
}

/** Tree lookups for the organisation view, built once per loaded tree. */
export function indexDepartments(departments: readonly Department[], users: readonly User[]): DepartmentIndex {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const children = new Map<string | null, Department[]>();
  for (const d of departments) {
    const list = children.get(d.parentId) ?? [];
    list.push(d);
    children.set(d.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  const headcount = new Map<string, number>();
  for (const u of users) headcount.set(u.departmentId, (headcount.get(u.departmentId) ?? 0) + 1);
  return {
    byId,
    children,
    headcount,
    subtree(id) {
      const out = new Set<string>();
      const stack = [id];
      while (stack.length) {
        const next = stack.pop()!;
        out.add(next);
        for (const child of children.get(next) ?? []) stack.push(child.id);
      }
      return out;
    },
  };
}
