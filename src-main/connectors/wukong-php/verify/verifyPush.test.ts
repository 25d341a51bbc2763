import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../common/domain';
import { apply, type DraftOperation } from '../../../common/draft';
import { fixtureSnapshot } from '../testing/fixtures';
import { verifyPush } from './verifyPush';

let plannedOn: Snapshot;
beforeAll(async () => {
  plannedOn = (await fixtureSnapshot()).snapshot;
});

const ops: DraftOperation[] = [
  { type: 'grantPermissions', roleIds: ['15'], permissionIds: ['5'] },
  { type: 'createRole', roleId: 'new-role:a', name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['64'] },
  { type: 'assignRoles', userIds: ['3'], roleIds: ['new-role:a'] },
];
const ids = { 'new-role:a': '16' };
/** What the server holds once the push landed: its own ids, the parent rules it added, a new role's default field grants. */
const landed = (): Snapshot => {
  const s = apply(plannedOn, [
    { type: 'grantPermissions', roleIds: ['15'], permissionIds: ['5', '10', '1', '2'] },
    { type: 'createRole', roleId: '16', name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['64', '63', '62'], label: 0 },
    { type: 'assignRoles', userIds: ['3'], roleIds: ['16'] },
  ]);
  return { ...s, fieldRules: [...s.fieldRules, { roleId: '16', module: 'customer', field: 'name', access: 'edit', mask: 'none' }] };
};

describe('verifyPush (WukongCRM PHP)', () => {
  it('expects the parent rules the server adds, and ignores a new role’s default field grants', () => {
    const projection = apply(plannedOn, ops); // as the services rebuild it: without the parents
    const report = verifyPush({ plannedOn, projection, pulled: landed(), ids });
    expect(report).toMatchObject({ ok: true, mismatches: [], changedElsewhere: [] });
    expect(report.propagation.map((n) => [n.delay, n.userIds])).toEqual([['immediate', ['3']]]);
  });

  it('reports a change that did not land as a mismatch, and a change nobody planned as changed elsewhere', () => {
    const pulled = apply(landed(), [
      { type: 'revokePermissions', roleIds: ['15'], permissionIds: ['5'] }, // ours, lost
      { type: 'setDataScope', roleId: '10', dataScope: 5 }, // someone else's
    ]);
    const report = verifyPush({ plannedOn, projection: apply(plannedOn, ops), pulled, ids });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((c) => [c.key.replaceAll('\u0000', '/'), c.before, c.after])).toEqual([['rolePermission/15/5', true, false]]);
    expect(report.changedElsewhere.map((c) => c.key.replaceAll('\u0000', '/'))).toEqual(['roleScope/10']);
  });
});
