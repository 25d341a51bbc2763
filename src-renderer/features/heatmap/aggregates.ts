import type { Department, User } from '../../../src-main/common/domain';
import { SCOPE_SLOTS } from '../../../src-main/common/policy';
import { departmentsInTreeOrder } from './heatmapRows';

export interface DepartmentAggregate {
  department: Department;
  depth: number;
  /** People in the department and every department below it (among the map's rows). */
  size: number;
  /** [column * 6 + scope] → people. */
  counts: Uint32Array;
}

/**
 * Share of people at each scope per department subtree, counted from the access map's own matrix (the same
 * rule as the engine's `byDepartment` aggregate: a person counts for their department and all above it).
 */
export function aggregateByDepartment(
  departments: readonly Department[],
  users: readonly User[],
  rowOf: ReadonlyMap<string, number>,
  scopes: Uint8Array,
  width: number,
  /** Matrix columns to count, in display order. */
  columnIdx: readonly number[],
): DepartmentAggregate[] {
  const order = departmentsInTreeOrder(departments);
  const parent = new Map(departments.map((d) => [d.id, d.parentId]));
  const slot = new Map(order.map((o, i) => [o.department.id, i]));
  const size = new Uint32Array(order.length);
  const counts = order.map(() => new Uint32Array(columnIdx.length * SCOPE_SLOTS));
  for (const u of users) {
    const row = rowOf.get(u.id);
    if (row === undefined) continue;
    const seen = new Set<string>();
    for (let d: string | null | undefined = u.departmentId; d && !seen.has(d); d = parent.get(d)) {
      seen.add(d);
      const g = slot.get(d);
      if (g === undefined) break;
      size[g]!++;
      const c = counts[g]!;
      columnIdx.forEach((m, j) => c[j * SCOPE_SLOTS + scopes[row * width + m]!]!++);
    }
  }
  return order.map((o, i) => ({ department: o.department, depth: o.depth, size: size[i]!, counts: counts[i]! }));
}
