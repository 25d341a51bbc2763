/** What a logged-in user reads their own permissions from: Index.php#authList, User.php#getMenuAndRule / #resetAuthorityFiled. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { loginAs, type PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

type Tree = Record<string, Record<string, unknown>>;

describe('authList', () => {
  it('an ordinary user: complete chains of their roles as module → controller → action: true, plus the fixed extras', async () => {
    const seller = await loginAs(emulator, 3);
    const reply = await seller.json<Tree>('/admin/index/authList');
    const rw = { save: true, update: true, index: true, read: true };
    expect(reply.data).toEqual({
      crm: {
        leads: rw,
        // User 3 is a member of a customer pool (crm_customer_pool.user_ids): pool true.
        customer: { ...rw, pool: true },
        contacts: rw,
        activity: { index: true, save: true },
        pool: { index: true },
        followRecord: { index: true, save: true },
      },
      bi: { customer: { read: true } },
      oa: { taskExamine: {}, log: {}, calendar: {} },
      project: { projectLabelManage: { projectLabelAdd: false, projectLabelDelete: false, projectLabelUpdate: false }, projectManage: { save: false } },
      email: {},
      hrm: {},
      jxc: {},
      knowledge: {},
    });
    expect(reply.text).toContain('"email":{},"hrm":{},"jxc":{},"knowledge":{}');
    expect(reply.data).not.toHaveProperty('manage');
  });

  it('the login answer carries the same auth list', async () => {
    const seller = await loginAs(emulator, 3);
    const login = await seller.login('13800000003', emulator.userPassword);
    expect(login.data.authList).toEqual((await seller.json('/admin/index/authList')).data);
  });

  it('the administrator: every rule, disabled ones included; admin → manage with renamed keys; emptied work → []', async () => {
    const reply = await admin.json<Tree>('/admin/index/authList');
    const list = reply.data;
    expect(list.bi?.product).toEqual({ read: true });
    expect(list.crm?.customer).toMatchObject({ dealStatus: true, nearbyCustomer: true, pool: false });
    expect(list.crm?.customer).not.toHaveProperty('deal_status');
    expect(list.crm?.contract).toMatchObject({ discard: false });
    expect(reply.text).toContain('"work":[]');
    expect(list).not.toHaveProperty('admin');
    expect(list.manage).toEqual({
      system: { save: true, read: true, update: true },
      users: { read: true, userSave: true, userEnables: true, userUpdate: true, deptSave: true, deptUpdate: true, deptDelete: true },
      oa: { examine: true },
      crm: { field: true, pool: true, setting: true, achievement: true, print: true },
      work: { update: true },
      other_rule: { setwelcome: true, setworklogrule: true, welcome: true, worklogrule: true },
      configSet: { read: true, update: true },
      permission: { update: true },
      examineFlow: { index: true },
      adminLog: { actionRecord: true, systemLog: true, loginLog: true },
      init: { initData: true, index: null },
    });
  });

  it('follows role changes at once (no new login), and the data scope is not part of it', async () => {
    const seller = await loginAs(emulator, 3);
    const before = (await seller.json<Tree>('/admin/index/authList')).data;
    emulator.state.mutate({ type: 'setDataScope', groupId: 10, dataScope: 5 });
    expect((await seller.json<Tree>('/admin/index/authList')).data).toEqual(before);
    emulator.state.mutate({ type: 'revokeRules', groupId: 10, ruleIds: [2] });
    expect((await seller.json<Tree>('/admin/index/authList')).data.crm).not.toHaveProperty('leads');
  });
});
