/** Form-urlencoded vs JSON bodies and validation errors as code 400 (reference §0, §1.3, §9). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

describe('request bodies', () => {
  it('reads @RequestParam endpoints from a form body or the query string, not from JSON', async () => {
    expect((await admin.form('/adminRole/queryDataType', { userId: 102, menuId: 28 })).data).toBe(1);
    expect((await admin.call('/adminRole/queryDataType', { query: { userId: 101, menuId: 28 } })).data).toBe(5);
    const json = await admin.json('/adminRole/queryDataType', { userId: 102, menuId: 28 });
    expect(json).toMatchObject({ status: 200, code: 400, msg: "Required request parameter 'userId' is not present" });
  });

  it('reads @RequestBody endpoints from JSON only', async () => {
    const form = await admin.form('/adminRole/updateRoleMenu', { roleId: 180170, menuIds: '28' });
    expect(form).toMatchObject({ status: 200, code: 400 });
    expect(form.msg).toMatch(/JSON/);
    expect(emulator.state.role(180170)?.menuIds.length).toBe(75);
  });

  it('answers 400 for malformed JSON, wrong types and broken bean constraints', async () => {
    const broken = await admin.call('/adminDept/addDept', { method: 'POST', json: undefined, form: undefined, query: undefined });
    expect(broken.code).toBe(400);
    const res = await fetch(`${emulator.url}/adminDept/addDept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Admin-Token': admin.token ?? '' },
      body: '{"pid": 2,',
    });
    expect(await res.json()).toMatchObject({ code: 400, msg: expect.stringMatching(/JSON/) });
    expect((await admin.json('/adminDept/addDept', { pid: 'two', name: 'x' })).code).toBe(400);
    const tooLong = await admin.json('/adminDept/addDept', { pid: 2, name: '一二三四五六七八九十一二三四五六七八九十一' });
    expect(tooLong).toMatchObject({ code: 400, msg: expect.stringContaining('name') });
    expect((await admin.form('/adminRole/delete', { roleId: 'abc' })).code).toBe(400);
  });
});
