import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../common/domain';
import { apply } from '../../../common/draft';
import { loadBundledCatalogue } from '../../../services/resources';
import { verifyPush } from './verifyPush';

function server(): Snapshot {
  const catalogue = loadBundledCatalogue();
  return {
    schemaVersion: 1,
    source: { kind: 'wukong', takenAt: '2026-01-01T00:00:00.000Z' },
    departments: [{ id: '1', parentId: null, name: '全公司', headUserId: null, sort: 0 }],
    users: [
      { id: '14773', login: 'admin', name: 'admin', departmentId: '1', managerId: null, status: 'active', title: '', roleIds: ['180162'] },
      { id: '101', login: '138', name: '张三', departmentId: '1', managerId: null, status: 'active', title: '', roleIds: ['180170'] },
    ],
    permissions: catalogue.permissions,
    roleGroups: catalogue.roleGroups,
    roles: catalogue.defaultRoles.filter((r) => r.groupId !== '5'),
    fields: catalogue.fields,
    fieldRules: [],
    superUserIds: ['14773'],
  };
}

describe('verifyPush', () => {
  const plannedOn = server();
  const projection = apply(plannedOn, [
    { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32'] },
    { type: 'createRole', roleId: 'new-role:a', name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['28'] },
    { type: 'assignRoles', userIds: ['101'], roleIds: ['new-role:a'] },
  ]);
  const ids = { 'new-role:a': '180200' };
  /** What the server would hold if the push landed: the projection under the server's ids. */
  const landed = (): Snapshot => apply(plannedOn, [
    { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32'] },
    { type: 'createRole', roleId: '180200', name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['28'] },
    { type: 'assignRoles', userIds: ['101'], roleIds: ['180200'] },
  ]);

  it('is ok when the server holds the projection (in its own ids); defaults of the new role are not differences', () => {
    const pulled = { ...landed(), fieldRules: [{ roleId: '180200', module: 'customer', field: 'mobile', access: 'edit' as const, mask: 'none' as const }] };
    const report = verifyPush({ plannedOn, projection, pulled, ids });
    expect(report).toMatchObject({ ok: true, mismatches: [], changedElsewhere: [] });
    expect(report.propagation.map((n) => [n.delay, n.userIds])).toEqual([
      ['nextLogin', ['101']],
    ]);
  });

  it('reports a change that did not land as a mismatch, and a change nobody planned as changed elsewhere', () => {
    const pulled = apply(landed(), [
      { type: 'revokePermissions', roleIds: ['180170'], permissionIds: ['32'] }, // ours, lost
      { type: 'setDataScope', roleId: '180169', dataScope: 2 }, // someone else's
    ]);
    const report = verifyPush({ plannedOn, projection, pulled, ids });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((c) => [c.key, c.before, c.after])).toEqual([['rolePermission\u0000180170\u000032', true, false]]);
    expect(report.changedElsewhere.map((c) => c.key)).toEqual(['roleScope\u0000180169']);
  });
});
