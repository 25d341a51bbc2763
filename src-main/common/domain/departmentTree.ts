import type { Department } from './department';

export interface DepartmentTree {
  byId: ReadonlyMap<string, Department>;
  /** Children by parent id (null: the top level), in sibling order: `sort`, then name as a Chinese reader sorts. */
  children: ReadonlyMap<string | null, readonly Department[]>;
  /** The department and every department below it. Safe on a cycle (each department once). */
  subtree(id: string): Set<string>;
  /**
   * Departments depth-first in sibling order, with their depth: the order the tree shows them in. Departments
   * whose parent no longer exists start their own tree (they still exist on the server); a cycle is cut where it
   * closes.
   */
  inTreeOrder(): { department: Department; depth: number }[];
}

/**
 * The organisation tree's one home: the organisation view, the access map's department groups and the
 * "everyone in this department and below" gestures all read it, so they cannot disagree about what is below
 * what. Linear to build; `subtree` is linear in its answer.
 */
export function departmentTree(departments: readonly Department[]): DepartmentTree {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const children = new Map<string | null, Department[]>();
  for (const d of departments) {
    const list = children.get(d.parentId);
    if (list) list.push(d);
    else children.set(d.parentId, [d]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    byId,
    children,
    subtree(id) {
      const out = new Set<string>();
      const stack = [id];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (out.has(next)) continue;
        out.add(next);
        for (const child of children.get(next) ?? []) stack.push(child.id);
      }
      return out;
    },
    inTreeOrder() {
      const out: { department: Department; depth: number }[] = [];
      const seen = new Set<string>();
      const walk = (d: Department, depth: number) => {
        if (seen.has(d.id)) return;
        seen.add(d.id);
        out.push({ department: d, depth });
        for (const c of children.get(d.id) ?? []) walk(c, depth + 1);
      };
      for (const d of departments) if (d.parentId === null || !byId.has(d.parentId)) walk(d, 0);
      return out;
    },
  };
}
