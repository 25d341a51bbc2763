import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DraftRejectedError, problem } from '../common/draft';
import { AppError, appErrorSchema, fieldIssues } from '../common/ipc';
import { compilePolicy, effectiveScope } from '../common/policy';
import { ConnectorError } from '../connectors';
import { StoreError } from '../store';
import { toAppError } from './errorMapping';

const empty = compilePolicy({
  schemaVersion: 1,
  source: { kind: 'demo', takenAt: '2026-11-29T00:00:00Z' },
  departments: [],
  users: [],
  permissions: [],
  roleGroups: [],
  roles: [],
  fields: [],
  fieldRules: [],
  superUserIds: [],
});

/** What the renderer receives: the error as plain data, read back through the contract's own schema (the wire does). */
function onTheWire(error: unknown) {
  const mapped = toAppError(error);
  expect(mapped).toBeInstanceOf(AppError);
  const data = JSON.parse(JSON.stringify({ code: mapped!.code, message: mapped!.message, details: mapped!.details }));
  return appErrorSchema.parse(data);
}

describe('toAppError', () => {
  it('turns an unknown id asked of the engine into NOT_FOUND, not an internal error', () => {
    let thrown: unknown;
    try {
      effectiveScope(empty, 'nobody', '28');
    } catch (error) {
      thrown = error;
    }
    expect(toAppError(thrown)).toMatchObject({ code: 'NOT_FOUND', message: 'unknown user nobody' });
  });

  it('keeps the store codes a person can act on, and the store’s own code for the words', () => {
    expect(onTheWire(new StoreError('WRONG_KEY', 'wrong passphrase'))).toEqual({ code: 'WRONG_KEY', message: 'wrong passphrase', details: { kind: 'store', code: 'WRONG_KEY' } });
    // INVALID_INPUT alone would not say that the passphrase is what is wrong.
    expect(onTheWire(new StoreError('WEAK_PASSPHRASE', 'too short'))).toMatchObject({ code: 'INVALID_INPUT', details: { kind: 'store', code: 'WEAK_PASSPHRASE' } });
  });

  it('passes on the versions of a newer file, and no other store facts (paths moved aside stay in the main process)', () => {
    expect(onTheWire(new StoreError('NEWER_VERSION', 'newer', { fileVersion: 31, supportedVersion: 21 })).details).toEqual({ kind: 'store', code: 'NEWER_VERSION', fileVersion: 31, supportedVersion: 21 });
    expect(onTheWire(new StoreError('DAMAGED', 'damaged', { movedTo: ['/home/ana/.gatehouse/w.db.damaged'] })).details).toEqual({ kind: 'store', code: 'DAMAGED' });
  });

  it('carries a connector failure as its code with the server’s code, endpoint, field and status as data', () => {
    const error = new ConnectorError('MALFORMED_RESPONSE', 'POST /adminUser/queryUserList answered an unexpected shape', {
      endpoint: 'POST /adminUser/queryUserList',
      field: 'data.list[3].userId',
      httpStatus: 200,
      serverCode: 0,
    });
    expect(onTheWire(error)).toEqual({
      code: 'REMOTE',
      message: 'POST /adminUser/queryUserList answered an unexpected shape',
      details: { kind: 'connector', code: 'MALFORMED_RESPONSE', endpoint: 'POST /adminUser/queryUserList', field: 'data.list[3].userId', httpStatus: 200, serverCode: 0 },
    });
    expect(onTheWire(new ConnectorError('LOGIN_FAILED', 'login refused', { serverCode: 1004, serverMessage: '用户名或密码错误', endpoint: 'POST /login' })).details).toEqual({
      kind: 'connector',
      code: 'LOGIN_FAILED',
      serverCode: 1004,
      serverMessage: '用户名或密码错误',
      endpoint: 'POST /login',
    });
  });

  it('keeps a cancelled connector call CANCELLED, not a remote failure', () => {
    expect(onTheWire(new ConnectorError('CANCELLED', 'cancelled'))).toEqual({ code: 'CANCELLED', message: 'cancelled', details: { kind: 'connector', code: 'CANCELLED' } });
  });

  it('gives every broken rule of a rejected draft with its code, both languages and the code WukongCRM would answer', () => {
    const rejected = new DraftRejectedError([
      problem('DEPARTMENT_HAS_USERS', 0, { en: 'Sales still has 3 people', 'zh-CN': '销售部仍有 3 人' }, { departmentId: '7' }),
      problem('UNKNOWN_PERMISSION', 1, { en: 'permission 99 does not exist', 'zh-CN': '权限 99 不存在' }, { permissionId: '99' }),
    ]);
    expect(onTheWire(rejected)).toEqual({
      code: 'REFUSED',
      message: 'DEPARTMENT_HAS_USERS (operation 0): Sales still has 3 people',
      details: {
        kind: 'draftProblems',
        problems: [
          { code: 'DEPARTMENT_HAS_USERS', message: { en: 'Sales still has 3 people', 'zh-CN': '销售部仍有 3 人' }, wukongCode: 1111 },
          { code: 'UNKNOWN_PERMISSION', message: { en: 'permission 99 does not exist', 'zh-CN': '权限 99 不存在' }, wukongCode: null },
        ],
      },
    });
  });

  it('leaves an AppError a service threw as it is, details included', () => {
    const thrown = new AppError('REFUSED', 'type the name', { kind: 'gate', need: 'typedName', draftName: 'Sales' });
    expect(toAppError(thrown)).toBe(thrown);
  });

  it('leaves anything unexpected to the dispatcher (INTERNAL)', () => {
    expect(toAppError(new Error('boom'))).toBeNull();
  });
});

describe('fieldIssues', () => {
  it('names the fields and zod’s reason, never the value that was sent', () => {
    const parsed = z.object({ passphrase: z.string().min(12), nested: z.object({ n: z.number() }) }).safeParse({ passphrase: 'hunter2', nested: { n: 'x' } });
    const details = fieldIssues(parsed.error!);
    expect(details.kind).toBe('fields');
    expect(details.issues.map((i) => i.path)).toEqual(['passphrase', 'nested.n']);
    expect(JSON.stringify(details)).not.toContain('hunter2');
  });
});
