/** Menu trees, field permissions and data scope (reference §5.2, §6, §7). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, loginAs, startWithAdmin } from './client';

interface Menu {
  menuId: number;
  realm: string;
  childMenu: Menu[];
}
interface RoleField {
  id: number;
  fieldName: string;
  fieldId: number | null;
  authLevel: number;
  maskType: number;
  operateType: number;
  type: number | null;
}

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const flatten = (m: Menu): Menu[] => [m, ...m.childMenu.flatMap(flatten)];

describe('getMenuListByType', () => {
  it('gives the crm tree and the bi tree without oa and jxc for CRM roles', async () => {
    const { data } = await admin.json<{ data: Menu; bi: Menu }>('/adminMenu/getMenuListByType/2');
    expect(data.data).toMatchObject({ menuId: 1, realm: 'crm' });
    expect(flatten(data.data).length).toBe(emulator.state.db.prepare('SELECT count(*) AS n FROM wk_admin_menu WHERE menu_id = 1 OR parent_id = 1 OR parent_id IN (SELECT menu_id FROM wk_admin_menu WHERE parent_id = 1)').pluck().get());
    expect(data.bi.childMenu.map((m) => m.realm)).not.toContain('oa');
    expect(data.bi.childMenu.map((m) => m.realm)).not.toContain('jxc');
    expect(data.bi.childMenu.map((m) => m.menuId)).toContain(97);
  });

  it('gives office roles only the oa part of bi, and system roles no bi', async () => {
    const office = (await admin.json<{ data: Menu; bi: Menu }>('/adminMenu/getMenuListByType/7')).data;
    expect(office.data.realm).toBe('oa');
    expect(office.bi.childMenu.map((m) => m.menuId)).toEqual([146]);
    const system = (await admin.json<{ data: Menu; bi?: Menu }>('/adminMenu/getMenuListByType/1')).data;
    expect(system.data.menuId).toBe(3);
    expect(system).not.toHaveProperty('bi');
  });
});

describe('field permissions', () => {
  it('initialises a role’s rows on first read (seed fields authLevel 3, system fields 2) and keeps them', async () => {
    const first = (await admin.form<RoleField[]>('/crmField/queryRoleField', { roleId: 180169, label: 3 })).data;
    const seedFields = emulator.state.db.prepare('SELECT count(*) FROM wk_crm_field WHERE label = 3').pluck().get() as number;
    expect(first.filter((f) => f.fieldId !== null)).toHaveLength(seedFields);
    expect(first.filter((f) => f.fieldId !== null).every((f) => f.authLevel === 3)).toBe(true);
    expect(first.find((f) => f.fieldName === 'owner_user_name')).toMatchObject({ fieldId: null, authLevel: 2, operateType: 4, type: null });
    expect(first.find((f) => f.fieldName === 'customer_id')?.operateType).toBe(4);
    const again = (await admin.form<RoleField[]>('/crmField/queryRoleField', { roleId: 180169, label: 3 })).data;
    expect(again.map((f) => f.id)).toEqual(first.map((f) => f.id));
  });

  it('serves the snapshot’s rules for a seeded role', async () => {
    const rows = (await admin.form<RoleField[]>('/crmField/queryRoleField', { roleId: 180170, label: 2 })).data;
    expect(rows.find((f) => f.fieldName === 'mobile')).toMatchObject({ authLevel: 2, maskType: 1, type: 7 });
    expect(rows.find((f) => f.fieldName === 'remark')?.authLevel).toBe(1);
  });

  it('saves by id: rows without id are ignored, masks are forced to 0 on unmaskable fields', async () => {
    const rows = (await admin.form<RoleField[]>('/crmField/queryRoleField', { roleId: 180169, label: 2 })).data;
    const mobile = rows.find((f) => f.fieldName === 'mobile')!;
    const website = rows.find((f) => f.fieldName === 'website')!;
    const payload = [
      { ...mobile, authLevel: 2, maskType: 2 },
      { ...website, authLevel: 1, maskType: 1 },
      { ...mobile, id: undefined, fieldName: 'ghost', authLevel: 1 },
    ];
    expect((await admin.json('/crmField/saveRoleField', payload)).code).toBe(0);
    const after = emulator.state.roleFields(180169, 2);
    expect(after.find((f) => f.id === mobile.id)).toMatchObject({ authLevel: 2, maskType: 2 });
    expect(after.find((f) => f.id === website.id)).toMatchObject({ authLevel: 1, maskType: 0 });
    expect(after).toHaveLength(rows.length);
  });
});

describe('data scope', () => {
  it('queryDataType takes the largest dataType among roles granting that menu (1 when none)', async () => {
    const dataType = async (userId: number, menuId: number) => (await admin.form<number>('/adminRole/queryDataType', { userId, menuId })).data;
    expect(await dataType(102, 28)).toBe(1);
    emulator.state.mutate({ type: 'setDataType', roleId: 180168, dataType: 4 });
    emulator.state.mutate({ type: 'grantMenus', roleId: 180168, menuIds: [28] });
    expect(await dataType(103, 28)).toBe(4); // 销售员 (1) + 公告管理员 (4) → 4
    expect(await dataType(103, 29)).toBe(1); // only 销售员 grants 29
    expect(await dataType(101, 9999)).toBe(1);
  });

  it('queryUserByAuth gives a super-admin caller everyone, others their scope', async () => {
    const everyone = (await admin.form<number[]>('/adminRole/queryUserByAuth', { userId: 102, menuId: 28 })).data;
    expect(everyone.sort((a, b) => a - b)).toEqual([101, 102, 103, 104, 105, 106, 14773]);
    const seller = await loginAs(emulator, '13800000101');
    expect((await seller.form<number[]>('/adminRole/queryUserByAuth', { userId: 102, menuId: 28 })).data).toEqual([102]);
    // 103 holds 28 with dataType 4 → own department 3 and below
    expect((await seller.form<number[]>('/adminRole/queryUserByAuth', { userId: 103, menuId: 28 })).data.sort()).toEqual([102, 103]);
    emulator.state.mutate({ type: 'setDataType', roleId: 180170, dataType: 2 });
    expect((await seller.form<number[]>('/adminRole/queryUserByAuth', { userId: 102, menuId: 29 })).data.sort()).toEqual([102, 103]);
  });
});
