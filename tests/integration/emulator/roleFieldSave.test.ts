/**
 * `/crmField/saveRoleField` as `CrmRoleFieldServiceImpl#saveRoleField` performs it
 * (crm/.../service/impl/CrmRoleFieldServiceImpl.java): mask rules on the body's own fields, then
 * MyBatis-Plus `updateBatchById` without a transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

interface RoleField {
  id: number;
  fieldName: string;
  name: string;
  authLevel: number;
  maskType: number;
  type: number | null;
  label: number;
}

let emulator: RunningEmulator;
let admin: Client;
let rows: RoleField[];
beforeAll(async () => {
  ({ emulator, admin } = await startWithAdmin());
  rows = (await admin.form<RoleField[]>('/crmField/queryRoleField', { roleId: 180169, label: 2 })).data;
});
afterAll(() => emulator.close());

const stored = (id: number) => emulator.state.roleFields(180169, 2).find((f) => f.id === id)!;
const field = (name: string) => rows.find((f) => f.fieldName === name)!;

describe('saveRoleField', () => {
  it('answers 500 for an empty list (Assert.notEmpty in updateBatchById)', async () => {
    expect((await admin.json('/crmField/saveRoleField', [])).code).toBe(500);
    expect(emulator.control.calls().at(-1)?.reason).toMatch(/entityList must not be empty/);
  });

  it('judges the mask by the type sent: a maskable field sent without `type` gets maskType 0', async () => {
    const mobile = field('mobile');
    expect(mobile.type).toBe(7);
    expect((await admin.json('/crmField/saveRoleField', [{ ...mobile, maskType: 2 }])).code).toBe(0);
    expect(stored(mobile.id).maskType).toBe(2);
    const { type: _omit, ...withoutType } = mobile;
    expect((await admin.json('/crmField/saveRoleField', [{ ...withoutType, maskType: 2 }])).code).toBe(0);
    expect(stored(mobile.id).maskType).toBe(0);
  });

  it('writes every non-null column the row carries, e.g. a changed name', async () => {
    const website = field('website');
    expect((await admin.json('/crmField/saveRoleField', [{ ...website, name: '网址（改）', authLevel: 1 }])).code).toBe(0);
    expect(stored(website.id)).toMatchObject({ name: '网址（改）', authLevel: 1 });
  });

  it('resets the mask of a row sent as {id, authLevel}: a null maskType of an unmaskable (absent) type becomes 0', async () => {
    const mobile = field('mobile');
    await admin.json('/crmField/saveRoleField', [{ ...mobile, maskType: 1 }]);
    expect(stored(mobile.id).maskType).toBe(1);
    expect((await admin.json('/crmField/saveRoleField', [{ id: mobile.id, authLevel: 2 }])).code).toBe(0);
    expect(stored(mobile.id)).toMatchObject({ authLevel: 2, maskType: 0 });
  });

  it('keeps the rows before a failing batch (no transaction) and skips the ones after it', async () => {
    const [a, b, c] = [field('website'), field('mobile'), field('remark')];
    const answer = await admin.json('/crmField/saveRoleField', [
      { id: a.id, authLevel: 2 },
      // maskType null with a maskable type stays null: nothing to SET.
      { id: b.id, type: 7 },
      { id: c.id, authLevel: 1 },
    ]);
    expect(answer.code).toBe(500);
    expect(emulator.control.calls().at(-1)?.reason).toMatch(/^MySQL 1064/);
    expect(stored(a.id).authLevel).toBe(2);
    expect(stored(c.id).authLevel).toBe(c.authLevel);
  });

  it('saves nothing when a row breaks the mask loop first (null row → NPE)', async () => {
    const website = field('website');
    expect((await admin.json('/crmField/saveRoleField', [{ id: website.id, authLevel: 3 }, null])).code).toBe(500);
    expect(stored(website.id).authLevel).toBe(2);
  });
});
