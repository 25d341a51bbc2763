/**
 * `/adminUser/queryUserList` details from `AdminUserServiceImpl#queryUserList`, `AdminUserMapper.xml`,
 * `core/entity/PageEntity.java` and `core/entity/BasePage.java`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

interface Page {
  list: { userId: number; roleId: string; roleName: string; userIdentity: number }[];
  totalRow: number;
  totalPage: number;
  pageSize: number;
  pageNumber: number;
  lastPage: boolean;
}

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const list = (body: unknown) => admin.json<Page>('/adminUser/queryUserList', body);

describe('queryUserList', () => {
  it('answers 500 for a department that is gone (getById(deptId).getOwnerUserId() → NPE)', async () => {
    expect((await list({ deptId: 999 })).code).toBe(500);
  });

  it('answers 500 for an explicit null page, limit or pageType (unboxing in PageEntity)', async () => {
    for (const body of [{ page: null }, { limit: null }, { pageType: null }]) expect((await list(body)).code).toBe(500);
  });

  it('marks the super admin (userIdentity 0) only when page is 1', async () => {
    // page 0 reads the first page (BasePage clamps it) but `getPage() == 1` is false: no mark.
    const all = (await list({ page: 0, limit: 10 })).data.list;
    expect(all[0]?.userId).toBe(14773);
    expect(all[0]?.userIdentity).toBe(2);
    expect((await list({ pageType: 0 })).data.list.find((u) => u.userId === 14773)?.userIdentity).toBe(0);
  });

  it('treats page ≤ 1 as page 1, and caps limit at 100 only for pageType 1', async () => {
    expect((await list({ page: 0, limit: 2 })).data).toMatchObject({ pageNumber: 1, pageSize: 2 });
    expect((await list({ pageType: 2, limit: 500 })).data.pageSize).toBe(500);
    expect((await list({ limit: 500 })).data.pageSize).toBe(100);
  });

  it('says lastPage false for a page past the end (pageNumber == totalPage, not >=)', async () => {
    expect((await list({ page: 9, limit: 3 })).data).toMatchObject({ totalPage: 3, lastPage: false, list: [] });
  });

  it('passes % and _ through to LIKE as wildcards', async () => {
    expect((await list({ pageType: 0, realname: '%' })).data.list.length).toBe(7);
  });

  it('renders "" for a user without roles, and drops role ids whose role is gone', async () => {
    emulator.state.db.prepare('INSERT INTO wk_admin_user_role (user_id, role_id) VALUES (104, 424242)').run();
    const users = (await list({ pageType: 0 })).data.list;
    expect(users.find((u) => u.userId === 104)).toMatchObject({ roleId: '180164' });
    emulator.state.db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = 104').run();
    expect((await list({ pageType: 0 })).data.list.find((u) => u.userId === 104)).toMatchObject({ roleId: '', roleName: '' });
  });
});
