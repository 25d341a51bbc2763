import { describe, expect, it } from 'vitest';
import type { Permission, Role, RoleGroup } from '../../../src-main/common/domain';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { buildCatalogueTree, visibleRows } from './catalogueTree';
import { cellState, rolesDiffer } from './cellState';
import { brushFor, planFill, planRect } from './paintPlan';
import { buildAllColumns, columnBands } from './roleColumns';
import { rectFrom } from '../../components/grid';

const text = (en: string) => ({ en, 'zh-CN': en });
const perm = (id: string, parentId: string | null, kind: 'group' | 'action', sort: number, scoped = false): Permission => ({
  id, parentId, key: `k:${id}`, kind, label: text(`P${id}`), sort, scoped,
});
// Realm A (a1 group with actions 1, 2 scoped, 3) and realm B (b1 group with action 4).
const permissions = [perm('A', null, 'group', 0), perm('a1', 'A', 'group', 0), perm('1', 'a1', 'action', 0), perm('2', 'a1', 'action', 1, true), perm('3', 'a1', 'action', 2), perm('B', null, 'group', 1), perm('b1', 'B', 'group', 0), perm('4', 'b1', 'action', 0)];
const group = (id: string, roots: string[], hasDataScope: boolean): RoleGroup => ({ id, label: text(`G${id}`), rootPermissionIds: roots, hasDataScope });
const role = (id: string, groupId: string, permissionIds: string[], extra: Partial<Role> = {}): Role => ({
  id, name: `R${id}`, groupId, dataScope: 3, permissionIds, enabled: true, remark: null, label: null, ...extra,
});
function matrix(roles: Role[], baseRoles = roles): RoleMatrix {
  return { groups: [group('g1', ['A'], true), group('g2', ['B'], false)], permissions, fields: [], baseRoles, roles, baseFieldRules: [], fieldRules: [], memberCounts: {} };
}

describe('catalogue rows', () => {
  const tree = buildCatalogueTree(permissions);
  it('lists the tree depth first and hides collapsed subtrees', () => {
    expect(visibleRows(tree, { collapsed: new Set(), moduleId: null, query: '' }).map((r) => r.node.permission.id)).toEqual(['A', 'a1', '1', '2', '3', 'B', 'b1', '4']);
    expect(visibleRows(tree, { collapsed: new Set(['a1']), moduleId: null, query: '' }).map((r) => r.node.permission.id)).toEqual(['A', 'a1', 'B', 'b1', '4']);
  });
  it('a search keeps hits and their ancestors, even inside collapsed groups; the module filter keeps one subtree', () => {
    expect(visibleRows(tree, { collapsed: new Set(['a1']), moduleId: null, query: 'p2' }).map((r) => r.node.permission.id)).toEqual(['A', 'a1', '2']);
    expect(visibleRows(tree, { collapsed: new Set(), moduleId: 'b1', query: '' }).map((r) => r.node.permission.id)).toEqual(['b1', '4']);
  });
  it('a group fills the actions below it', () => {
    expect(tree.byId.get('A')!.actionIds).toEqual(['1', '2', '3']);
  });
});

describe('paint plans', () => {
  const tree = buildCatalogueTree(permissions);
  const columns = buildAllColumns(matrix([role('r1', 'g1', ['1']), role('r2', 'g1', []), role('r3', 'g2', []), role('r0', 'g1', [], { remark: 'admin' })]), tree);
  const rows = visibleRows(tree, { collapsed: new Set(), moduleId: null, query: '' });

  it('a rectangle grants only what changes, skips other role types and built-in roles, and shares ops', () => {
    // Columns are grouped by type: r1, r2, r0 (g1) then r3 (g2). Rows 2…4 are actions 1, 2, 3.
    expect(columns.map((c) => c.role.id)).toEqual(['r1', 'r2', 'r0', 'r3']);
    expect(columnBands(columns).map((b) => [b.group.id, b.start, b.span])).toEqual([['g1', 0, 3], ['g2', 3, 1]]);
    const plan = planRect(rows, columns, rectFrom({ row: 2, col: 0 }, { row: 4, col: 3 }), 'grant');
    expect(plan.ops).toEqual([
      { type: 'grantPermissions', roleIds: ['r1'], permissionIds: ['2', '3'] },
      { type: 'grantPermissions', roleIds: ['r2'], permissionIds: ['1', '2', '3'] },
    ]);
    expect(plan.changed).toBe(5);
  });
  it('a fill grants when something is missing and clears when all is granted', () => {
    expect(planFill(['1'], columns.slice(0, 1)).brush).toBe('revoke');
    expect(planFill(['1', '2'], columns.slice(0, 1))).toMatchObject({ brush: 'grant', ops: [{ type: 'grantPermissions', roleIds: ['r1'], permissionIds: ['2'] }] });
  });
  it('the drag brush is the opposite of the first cell unless forced', () => {
    expect(brushFor(null, true)).toBe('revoke');
    expect(brushFor(null, false)).toBe('grant');
    expect(brushFor('grant', true)).toBe('grant');
  });
});

describe('cell state and compare', () => {
  const tree = buildCatalogueTree(permissions);
  it('marks grants and scope changes as pending, and shows the scope only on scoped grants', () => {
    const [column] = buildAllColumns(matrix([role('r1', 'g1', ['1', '2'], { dataScope: 5 })], [role('r1', 'g1', ['2'])]), tree);
    expect(cellState(column!, '1', false)).toMatchObject({ granted: true, pending: true, scope: null });
    expect(cellState(column!, '2', true)).toMatchObject({ granted: true, pending: true, scope: 5 });
    expect(cellState(column!, '3', false)).toMatchObject({ granted: false, pending: false });
    expect(cellState(column!, '4', false).applicable).toBe(false);
  });
  it('roles differ on an action when grant or scope differ', () => {
    const columns = buildAllColumns(matrix([role('r1', 'g1', ['1', '2']), role('r2', 'g1', ['1', '2'], { dataScope: 4 })]), tree);
    expect(rolesDiffer(columns, '1', false)).toBe(false);
    expect(rolesDiffer(columns, '2', true)).toBe(true);
    expect(rolesDiffer(columns, '3', false)).toBe(false);
  });
});
