import { describe, expect, it } from 'vitest';
import type { Department } from './department';
import { departmentTree } from './departmentTree';

const dept = (id: string, parentId: string | null, name = id, sort = 0): Department => ({ id, parentId, name, headUserId: null, sort });

describe('the department tree', () => {
  const departments = [dept('root', null), dept('b', 'root', '销售部', 2), dept('a', 'root', '财务部', 1), dept('b1', 'b'), dept('b2', 'b'), dept('b11', 'b1'), dept('orphan', 'gone')];
  const tree = departmentTree(departments);

  it('lists children in sibling order and answers the subtree of a department', () => {
    expect(tree.children.get('root')!.map((d) => d.id)).toEqual(['a', 'b']);
    expect([...tree.subtree('b')].sort()).toEqual(['b', 'b1', 'b11', 'b2']);
    expect([...tree.subtree('a')]).toEqual(['a']);
  });

  it('walks depth-first in sibling order; a department whose parent is gone starts its own tree', () => {
    expect(tree.inTreeOrder().map(({ department, depth }) => `${department.id}:${depth}`)).toEqual(['root:0', 'a:1', 'b:1', 'b1:2', 'b11:3', 'b2:2', 'orphan:0']);
  });

  it('survives a cycle: each department once in a subtree, and a cycle with no way up is not walked', () => {
    const cyclic = departmentTree([dept('x', 'y'), dept('y', 'x'), dept('z', 'x')]);
    expect([...cyclic.subtree('x')].sort()).toEqual(['x', 'y', 'z']);
    expect(cyclic.inTreeOrder()).toEqual([]);
  });
});
