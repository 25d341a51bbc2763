import { describe, expect, it } from 'vitest';
import type { DraftOperation } from '../../../src-main/common/draft';
import { remapIds } from '../../../src-main/connectors';
import { smallOrganisation, startEmulator } from '../../wukong-emulator';
import { serverView, snapshotView } from './emulatorView';
import { createWorkspace, syncFor } from './harness';

/**
 * Every kind of change on its own, pushed over real HTTP to the emulator (which refuses what the server refuses,
 * e.g. updateRoleMenu without a non-null column) and verified twice: by pulling again (the connector's verify)
 * and straight from the emulator's tables. The small organisation: 销售员角色 180170 (scope 1), 公告管理员 180168,
 * 上级角色 180175 (no members), people 101–106, departments 2 销售部 › 3 华东销售组, 4 技术部, 5 空部门.
 */
const KINDS: Record<string, DraftOperation[]> = {
  'grant only': [{ type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['31'] }],
  'revoke only': [{ type: 'revokePermissions', roleIds: ['180170'], permissionIds: ['28'] }],
  'scope only': [{ type: 'setDataScope', roleId: '180170', dataScope: 2 }],
  'grant + scope': [
    { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['31'] },
    { type: 'setDataScope', roleId: '180170', dataScope: 3 },
  ],
  'create role': [{ type: 'createRole', roleId: 'new-role:a', name: '质检员', groupId: '2', dataScope: 4, permissionIds: ['28', '29'] }],
  'copy role': [{ type: 'copyRole', roleId: 'new-role:c', sourceRoleId: '180170', name: '销售员（复制）' }],
  'rename role': [{ type: 'renameRole', roleId: '180168', name: '通知管理员' }],
  'delete role': [{ type: 'deleteRole', roleId: '180175' }],
  assign: [{ type: 'assignRoles', userIds: ['101'], roleIds: ['180168'] }],
  unassign: [{ type: 'unassignRoles', userIds: ['103'], roleIds: ['180168'] }],
  'move a person': [{ type: 'moveUsers', userIds: ['102'], departmentId: '4' }],
  'set a manager': [{ type: 'setManager', userId: '106', managerId: '104' }],
  'create department': [{ type: 'createDepartment', departmentId: 'new-dept:n', parentId: '2', name: '华北销售组' }],
  'rename department': [{ type: 'renameDepartment', departmentId: '4', name: '研发部' }],
  're-parent department': [{ type: 'moveDepartment', departmentId: '5', parentId: '2' }],
  'delete department': [{ type: 'deleteDepartment', departmentId: '5' }],
  'field rules': [{ type: 'setFieldRules', cells: [{ roleId: '180170', module: 'customer', field: 'mobile', access: 'edit', mask: 'none' }] }],
};

describe('each kind of change, pushed alone and verified by re-pull', () => {
  for (const [name, ops] of Object.entries(KINDS)) {
    it(name, async () => {
      const emu = await startEmulator({ snapshot: smallOrganisation() });
      const ws = await createWorkspace(emu);
      const sync = syncFor(ws.data);
      try {
        const base = (await sync.pull()).snapshot;
        const plan = await sync.plan({ draftId: `d-${name}`, base, ops });
        expect(plan.status, JSON.stringify(plan.refusals)).toBe('ready');
        expect(plan.steps.length).toBeGreaterThan(0);
        emu.control.clearCalls();
        const report = await sync.push(plan);
        expect(report.failure, report.failure?.message).toBeUndefined();
        // The server answered every write with code 0: nothing it would refuse was sent.
        expect(emu.control.calls().filter((c) => c.code !== 0).map((c) => `${c.path} ${c.code}`)).toEqual([]);
        const verify = await sync.verify({ pushId: report.pushId, plannedOn: plan.plannedOn, projection: plan.projection });
        expect(verify.mismatches).toEqual([]);
        expect(verify.ok).toBe(true);
        const expected = snapshotView(remapIds(plan.projection, report.ids));
        const actual = serverView(emu);
        expect(actual.roles).toEqual(expected.roles);
        expect(actual.users).toEqual(expected.users);
        expect(actual.departments).toEqual(expected.departments);
        expect(actual.fieldRules).toEqual(expect.arrayContaining(expected.fieldRules));
      } finally {
        await sync.disconnect();
        ws.dispose();
        await emu.close();
      }
    }, 60_000);
  }
});
