import type { Department } from '../domain';
import { WUKONG_ROOT_DEPARTMENT_ID } from '../wukong';
import { childDepartment, topLevelCount, type DepartmentKind } from './departmentNames';
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
 * 全公司 first gets its top-level regions and centres (about √count of them). Below them grows a random
 * recursive tree: each new department hangs under a uniformly chosen existing one that is not yet at
 * MAX_DEPARTMENT_DEPTH, which gives bushy middle levels and some deep branches — the shape real org charts have.
 * When there are enough departments, the first region also gets one spine down to full depth.
 */
export function generateDepartments(rng: SeededRandom, count: number, rootName = '全公司'): DepartmentPlan {
  const parent = new Int32Array(count).fill(-1);
  const depth = new Uint8Array(count);
  const childCount = new Int32Array(count);
  const kinds: DepartmentKind[] = [{ name: rootName, fn: 'executive', tier: 'root' }];
  const departments: Department[] = [{ id: departmentIdAt(0), parentId: null, name: rootName, headUserId: null, sort: 0 }];
  const siblingNames = new Map<number, Set<string>>();
  /** Indices that may still take children (not the root: its children are the fixed top level). */
  const open: number[] = [];
  const top = topLevelCount(count);
  const spineEnd = count > 4 * MAX_DEPARTMENT_DEPTH ? top + MAX_DEPARTMENT_DEPTH - 1 : top;

  for (let index = 1; index < count; index += 1) {
    let p: number;
    if (index <= top) p = 0;
    else if (index <= spineEnd) p = index === top + 1 ? 1 : index - 1;
    else p = open.length > 0 ? (open[rng.below(open.length)] as number) : 0;
    const kind = uniqueSibling(kinds[p] as DepartmentKind, childCount[p] as number, siblingNames, p);
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
