/**
 * Form-urlencoded vs JSON bodies and how Spring's binding failures surface (reference §0;
 * core/exception/ExceptionHandlerAdvice.java): only `@Valid` violations are code 400, every other
 * binding problem is a ServletException or HttpMessageNotReadableException → code 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const lastReason = () => emulator.control.calls().at(-1)?.reason;

describe('request bodies', () => {
  it('reads @RequestParam endpoints from a form body or the query string; JSON leaves the parameter missing (500)', async () => {
    expect((await admin.form('/adminRole/queryDataType', { userId: 102, menuId: 28 })).data).toBe(1);
    expect((await admin.call('/adminRole/queryDataType', { query: { userId: 101, menuId: 28 } })).data).toBe(5);
    const json = await admin.json('/adminRole/queryDataType', { userId: 102, menuId: 28 });
    expect(json).toMatchObject({ status: 200, code: 500, msg: '网络错误，请稍候再试', data: null });
    expect(lastReason()).toMatch(/^MissingServletRequestParameterException: .*'userId'/);
  });

  it('reads @RequestBody endpoints from JSON only: a form body is HttpMediaTypeNotSupported (500), nothing applied', async () => {
    const form = await admin.form('/adminRole/updateRoleMenu', { roleId: 180170, menuIds: '28' });
    expect(form).toMatchObject({ status: 200, code: 500 });
    expect(lastReason()).toMatch(/^HttpMediaTypeNotSupportedException/);
    expect(emulator.state.role(180170)?.menuIds.length).toBe(75);
  });

  it('answers 500 for an empty body, malformed JSON and values Jackson cannot bind', async () => {
    expect((await admin.call('/adminDept/addDept', { method: 'POST' })).code).toBe(500);
    const res = await fetch(`${emulator.url}/adminDept/addDept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Admin-Token': admin.token ?? '' },
      body: '{"pid": 2,',
    });
    expect(await res.json()).toMatchObject({ code: 500, msg: '网络错误，请稍候再试' });
    expect((await admin.json('/adminDept/queryDeptTree', null)).code).toBe(500);
    expect(lastReason()).toMatch(/Required request body is missing/);
    expect((await admin.json('/adminDept/addDept', { pid: 'two', name: 'x' })).code).toBe(500);
    expect((await admin.json('/adminDept/addDept', { pid: true, name: 'x' })).code).toBe(500);
    expect((await admin.json('/adminDept/addDept', { pid: 2147483648, name: 'x' })).code).toBe(500);
    expect((await admin.json('/adminRole/relatedUser', { userIds: 102, roleIds: [180168] })).code).toBe(500);
    expect((await admin.form('/adminRole/delete', { roleId: 'abc' })).code).toBe(500);
    expect((await admin.json('/adminDept/deleteDept/abc')).code).toBe(500);
    expect(emulator.state.departments().some((d) => d.name === 'x')).toBe(false);
  });

  it('coerces what Jackson coerces: numeric strings, truncated floats, "" → null; unknown keys are ignored', async () => {
    expect((await admin.json('/adminDept/addDept', { pid: ' 4 ', name: '强转组', ownerUserId: 104.9, nonsense: { a: 1 } })).code).toBe(0);
    expect(emulator.state.departments().find((d) => d.name === '强转组')).toMatchObject({ pid: 4, ownerUserId: 104 });
    expect((await admin.json('/adminDept/addDept', { pid: 4, name: 12345 })).code).toBe(0);
    expect(emulator.state.departments().some((d) => d.name === '12345')).toBe(true);
    // pid "" binds as null: @NotNull → 400.
    expect(await admin.json('/adminDept/addDept', { pid: '', name: 'y' })).toMatchObject({ code: 400, msg: '不能为null' });
  });

  it('answers 400 only for @Valid constraints: @Size(max = 20) counts UTF-16 units', async () => {
    const tooLong = await admin.json('/adminDept/addDept', { pid: 2, name: '一二三四五六七八九十一二三四五六七八九十一' });
    expect(tooLong).toMatchObject({ code: 400, msg: '个数必须在0和20之间' });
    expect((await admin.json('/adminDept/addDept', { pid: 2, name: '😀'.repeat(11) })).code).toBe(400);
    expect((await admin.json('/adminDept/addDept', { pid: 2 })).code).toBe(400);
  });
});
