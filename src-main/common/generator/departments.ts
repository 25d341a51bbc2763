import type { Department } from '../domain';
import { WUKONG_ROOT_DEPARTMENT_ID } from '../wukong/constants';
import { childDepartment, type DepartmentKind } from './departmentNames';
import type { SeededRandom } from './prng';

/** Deepest level below 全公司 (the root is depth 0). WukongCRM recurses at most 20 levels (reference §2). */
export const MAX_DEPARTMENT_DEPTH = 6;

/** The department tree plus what the rest of the generator needs to know about each department, by index. */
export interface DepartmentPlan {
  departments: Department[];
  kinds: DepartmentKind[];
  /** Parent index, -1 for the root. Always smaller than the child's index (topological order). */
  parent: Int32Array;
  depth: Uint8Array;
  childCount: Int32Array;
}

/** Department ids continue WukongCRM's auto-increment after the seed root 14852. */
export function departmentIdAt(index: number): string {
  return index === 0 ? WUKONG_ROOT_DEPARTMENT_ID : String(Number(WUKONG_ROOT_DEPARTMENT_ID) + index);
}

/**
 * A random recursive tree under 全公司: each new department hangs under a uniformly chosen existing one that is
 * not yet at MAX_DEPARTMENT_DEPTH. That gives a handful of top-level regions and centres, bushy middle levels
 * and some deep branches — the shape real org charts have. The first departments form one spine to full depth
 * so deep trees exist even when few departments are asked for.
 */
export function generateDepartments(rng: SeededRandom, count: number, rootName = '全公司'): DepartmentPlan {
  const parent = new Int32Array(count).fill(-1);
  const depth = new Uint8Array(count);
  const childCount = new Int32Array(count);
  const kinds: DepartmentKind[] = [{ name: rootName, fn: 'executive', tier: 'root' }];
  const departments: Department[] = [{ id: departmentIdAt(0), parentId: null, name: rootName, headUserId: null, sort: 0 }];
  const siblingNames = new Map<number, Set<string>>();
  /** Indices that may still take children. */
  const open: number[] = [0];

  for (let index = 1; index < count; index += 1) {
    const spine = index <= MAX_DEPARTMENT_DEPTH && count > 4 * MAX_DEPARTMENT_DEPTH;
    const p = spine ? index - 1 : (open[rng.below(open.length)] as number);
    const parentKind = kinds[p] as DepartmentKind;
    const kind = uniqueSibling(parentKind, childCount[p] as number, siblingNames, p);
    parent[index] = p;
    depth[index] = (depth[p] as number) + 1;
    kinds.push(kind);
    departments.push({
      id: departmentIdAt(index),
      parentId: departmentIdAt(p),
      name: kind.name,
      headUserId: null,
      sort: childCount[p] as number,
    });
    childCount[p] = (childCount[p] as number) + 1;
    if ((depth[index] as number) < MAX_DEPARTMENT_DEPTH) open.push(index);
  }
  return { departments, kinds, parent, depth, childCount };
}

function uniqueSibling(parentKind: DepartmentKind, index: number, used: Map<number, Set<string>>, parentIndex: number): DepartmentKind {
  let names = used.get(parentIndex);
  if (!names) {
    names = new Set();
    used.set(parentIndex, names);
  }
  const kind = childDepartment(parentKind, index);
  let name = kind.name;
  for (let n = 2; names.has(name); n += 1) name = `${kind.name}${n}`;
  names.add(name);
  return { ...kind, name };
}
