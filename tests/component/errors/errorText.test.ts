// @vitest-environment jsdom
import '../support/jsdom';
import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../src-main/common/ipc';
import { ApiError } from '../../../src-renderer/api/client';
import { describeError, errorText, pushFailureText } from '../../../src-renderer/components/errors/errorText';

const failed = (error: AppErrorData) => new ApiError(error);

describe('describeError', () => {
  it('words a connector failure by its code in both languages, the server’s code and endpoint filled in', () => {
    const error = failed({ code: 'REMOTE', message: 'POST /adminUser/setUser: the server answered code 500 every time', details: { kind: 'connector', code: 'SERVER_REJECTED', serverCode: 500, endpoint: 'POST /adminUser/setUser' } });
    expect(errorText(error, 'zh-CN')).toBe('服务器每次都以同样的方式拒绝 POST /adminUser/setUser（服务器代码 500），重试也不会成功。');
    expect(errorText(error, 'en')).toBe('The server refused POST /adminUser/setUser the same way on every attempt (server code 500). Sending it again will not help.');
  });

  it('keeps the server’s own message, as it came, under the sentence', () => {
    const error = failed({ code: 'REMOTE', message: 'business rule', details: { kind: 'connector', code: 'BUSINESS_ERROR', serverCode: 1117, serverMessage: '角色名已存在', endpoint: 'POST /adminRole/add' } });
    expect(describeError(error, 'zh-CN')).toEqual({ summary: '服务器按其业务规则拒绝了 POST /adminRole/add（服务器代码 1117）。', lines: ['服务器返回：角色名已存在'] });
  });

  it('leaves the server’s message out where the sentence already says it all (a wrong password)', () => {
    const error = failed({ code: 'REMOTE', message: 'login refused', details: { kind: 'connector', code: 'LOGIN_FAILED', serverCode: 1004, serverMessage: '账号或密码错误', endpoint: 'POST /login' } });
    expect(errorText(error, 'en')).toBe('Wrong user name or password (server code 1004).');
  });

  it('fills what the connector did not know with a dash, never “undefined”', () => {
    const error = failed({ code: 'REMOTE', message: 'shape', details: { kind: 'connector', code: 'MALFORMED_RESPONSE' } });
    expect(errorText(error, 'en')).toBe('The server answered in an unexpected shape at — (field —).');
  });

  it('lists each broken rule in the reader’s language, with the WukongCRM code when the CRM has one', () => {
    const error = failed({
      code: 'REFUSED',
      message: 'Sales still has 3 people',
      details: {
        kind: 'draftProblems',
        problems: [
          { code: 'DEPARTMENT_HAS_USERS', message: { en: 'Sales still has 3 people', 'zh-CN': '销售部仍有 3 人' }, wukongCode: 1111 },
          { code: 'UNKNOWN_PERMISSION', message: { en: 'permission 99 does not exist', 'zh-CN': '权限 99 不存在' }, wukongCode: null, gesture: { number: 2, text: { en: 'grant 99', 'zh-CN': '授予 99' } } },
        ],
      },
    });
    expect(describeError(error, 'zh-CN')).toEqual({ summary: '被 CRM 规则拒绝，未记录任何修改。', lines: ['销售部仍有 3 人（悟空CRM 会返回 1111）', '第 2 项修改（授予 99）：权限 99 不存在'] });
    expect(describeError(error, 'en').lines).toEqual(['Sales still has 3 people (WukongCRM would answer 1111)', 'Change 2 (grant 99): permission 99 does not exist']);
  });

  it('words the push gate’s three refusals and the store’s codes', () => {
    const gate = failed({ code: 'REFUSED', message: 'type it', details: { kind: 'gate', need: 'typedName', draftName: '销售范围' } });
    expect(errorText(gate, 'zh-CN')).toBe('请输入草稿名称（“销售范围”）以确认此次推送。');
    const override = failed({ code: 'REFUSED', message: '1 blocking', details: { kind: 'gate', need: 'override', blocking: [{ ruleId: 'r', message: { en: 'Sales may delete customers', 'zh-CN': '销售可删除客户' } }] } });
    expect(describeError(override, 'zh-CN')).toEqual({ summary: '有 1 项阻止性检查妨碍此次推送：请填写书面理由以覆盖。', lines: ['销售可删除客户'] });
    const newer = failed({ code: 'NEWER_VERSION', message: 'newer', details: { kind: 'store', code: 'NEWER_VERSION', fileVersion: 31, supportedVersion: 21 } });
    expect(errorText(newer, 'zh-CN')).toBe('此工作区由更新版本的 Gatehouse 保存（文件版本 31，当前版本最高可读 21）。请升级 Gatehouse 后再打开。');
    const weak = failed({ code: 'INVALID_INPUT', message: 'a passphrase needs at least 12 characters', details: { kind: 'store', code: 'WEAK_PASSPHRASE' } });
    expect(errorText(weak, 'zh-CN')).toBe('口令太短，不足以保护工作区。');
  });

  it('names the invalid fields under one sentence', () => {
    const error = failed({ code: 'INVALID_INPUT', message: 'invalid input for drafts.rename', details: { kind: 'fields', issues: [{ path: 'name', message: 'String must contain at least 1 character(s)' }] } });
    expect(describeError(error, 'zh-CN')).toEqual({ summary: '部分输入无效：', lines: ['name：String must contain at least 1 character(s)'] });
  });

  it('gives a Chinese reader the code’s sentence first when the main process sent only its English message', () => {
    const error = failed({ code: 'NOT_FOUND', message: 'this workspace has no snapshot yet: connect to the CRM and pull' });
    expect(describeError(error, 'zh-CN')).toEqual({ summary: '未找到，可能已被删除。', lines: ['Gatehouse 原文：this workspace has no snapshot yet: connect to the CRM and pull'] });
    expect(describeError(error, 'en')).toEqual({ summary: 'this workspace has no snapshot yet: connect to the CRM and pull', lines: [] });
  });

  it('says “cancelled” in the reader’s language whatever was cancelled', () => {
    expect(errorText(failed({ code: 'CANCELLED', message: 'sync.pull was cancelled' }), 'zh-CN')).toBe('已取消，未保存任何内容。');
  });

  it('shows an error that never crossed the boundary as it is', () => {
    expect(errorText(new Error('socket closed'), 'zh-CN')).toBe('socket closed');
  });

  it('words a push report’s failed call by its connector code; the main process’s sentence follows only a bare “refused”', () => {
    const timeout = { code: 'TIMEOUT', message: 'POST /adminRole/add timed out after 30000 ms', endpoint: 'POST /adminRole/add' };
    expect(pushFailureText(timeout, 'zh-CN')).toBe('服务器未在规定时间内响应。');
    const business = { code: 'BUSINESS_ERROR', message: 'the server said: 角色名已存在', endpoint: 'POST /adminRole/add', serverCode: 1117 };
    expect(pushFailureText(business, 'zh-CN')).toBe('服务器按其业务规则拒绝了 POST /adminRole/add（服务器代码 1117）。 Gatehouse 原文：the server said: 角色名已存在');
    expect(pushFailureText({ code: 'SOMETHING_NEW', message: 'odd', endpoint: 'x', serverCode: 7 }, 'en')).toBe('odd (7)');
  });
});
