import { describe, expect, it } from 'vitest';
import type { Permission, Role, RoleGroup } from '../../../src-main/common/domain';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { isSensitiveKey, needsConfirmation, permissionPath } from './bulkPaint';
import { buildCatalogueTree } from './catalogueTree';
import { planCells, planFill } from './paintPlan';
import { buildAllColumns } from './roleColumns';

const text = (en: string, zh = en) => ({ en, 'zh-CN': zh });
const perm = (id: string, parentId: string | null, key: string, kind: 'group' | 'action', label: string): Permission => ({ id, parentId, key, kind, label: text(label, `${label}·zh`), sort: Number(id) || 0, scoped: false });
// crm (realm) › customer (module) › actions; 25 plain actions as well, for the "more than 20 cells" rule.
const plain = Array.from({ length: 25 }, (_, i) => perm(String(100 + i), 'c', `crm:customer:custom${i}`, 'action', `Custom ${i}`));
const permissions = [
  perm('r', null, 'crm', 'group', 'All'),
  perm('c', 'r', 'crm:customer', 'group', 'Customers'),
  perm('1', 'c', 'crm:customer:save', 'action', 'Create'),
  perm('2', 'c', 'crm:customer:delete', 'action', 'Delete'),
  perm('3', 'c', 'crm:customer:excelexport', 'action', 'Export'),
  perm('4', 'c', 'crm:customer:index', 'action', 'View list'),
  ...plain,
];
const tree = buildCatalogueTree(permissions);
const group: RoleGroup = { id: 'g', label: text('CRM'), rootPermissionIds: ['r'], hasDataScope: true };
const role = (id: string, permissionIds: string[]): Role => ({ id, name: `R${id}`, groupId: 'g', dataScope: 1, permissionIds, enabled: true, remark: null, label: null });
const columnsOf = (roles: Role[], baseRoles: Role[]) =>
  buildAllColumns({ groups: [group], permissions, fields: [], roles, baseRoles, baseFieldRules: [], fieldRules: [], memberCounts: { s: 42 } } as RoleMatrix, tree);
const keyOf = (id: string) => tree.byId.get(id)?.permission.key;

describe('sensitive actions', () => {
  it('are told by the last segment of the permission key', () => {
    for (const key of ['crm:customer:delete', 'crm:leads:excelexport', 'crm:customer:transfer', 'crm:customer:putinpool', 'crm:contract:teamsave', 'crm:x:ExcelExport']) expect(isSensitiveKey(key)).toBe(true);
    for (const key of ['crm:customer:index', 'crm:customer:excelimport', 'crm:delete:index', undefined]) expect(isSensitiveKey(key)).toBe(false);
  });
});

describe('fills keep pending revokes', () => {
  it('a column fill grants only what this draft does not revoke, and says how many it kept', () => {
    // Pulled with Create, View list and Delete; the draft revoked View list and Delete.
    const [column] = columnsOf([role('s', ['1'])], [role('s', ['1', '2', '4'])]);
    const plan = planFill(['1', '2', '3', '4'], [column!]);
    expect(plan).toMatchObject({ brush: 'grant', changed: 1, keptRevokes: 2, regrants: 0 });
    expect(plan.ops).toEqual([{ type: 'grantPermissions', roleIds: ['s'], permissionIds: ['3'] }]);
    expect(plan.cells).toEqual([{ column, permissionIds: ['3'] }]);
  });
  it('with nothing else missing, the fill clears what is granted and leaves the revoked cells revoked', () => {
    const [column] = columnsOf([role('s', ['1', '3'])], [role('s', ['1', '2', '3'])]);
    expect(planFill(['1', '2', '3'], [column!])).toMatchObject({ brush: 'revoke', changed: 2, ops: [{ type: 'revokePermissions', roleIds: ['s'], permissionIds: ['1', '3'] }] });
  });
  it('a rectangle painted over a pending revoke grants it again, and counts it', () => {
    const [column] = columnsOf([role('s', [])], [role('s', ['2'])]);
    expect(planCells(['1', '2'], [column!], 'grant')).toMatchObject({ changed: 2, regrants: 1, keptRevokes: 0 });
  });
});

describe('what asks first', () => {
  const [column] = columnsOf([role('s', [])], [role('s', [])]);
  it('a grant of more than 20 cells, or of any sensitive action; never a revoke', () => {
    expect(needsConfirmation(planCells(plain.slice(0, 20).map((p) => p.id), [column!], 'grant'), keyOf)).toBe(false);
    expect(needsConfirmation(planCells(plain.slice(0, 21).map((p) => p.id), [column!], 'grant'), keyOf)).toBe(true);
    expect(needsConfirmation(planCells(['1', '2'], [column!], 'grant'), keyOf)).toBe(true);
    const [full] = columnsOf([role('s', ['2', ...plain.map((p) => p.id)])], [role('s', [])]);
    expect(needsConfirmation(planCells(['2', ...plain.map((p) => p.id)], [full!], 'revoke'), keyOf)).toBe(false);
  });
});

describe('permission paths', () => {
  it('name a permission by module and action, without the realm node, in the reader’s language', () => {
    expect(permissionPath(tree, '2', (t) => t.en)).toBe('Customers › Delete');
    expect(permissionPath(tree, '2', (t) => t['zh-CN'])).toBe('Customers·zh › Delete·zh');
    expect(permissionPath(tree, 'nope', (t) => t.en)).toBe('nope');
  });
});
