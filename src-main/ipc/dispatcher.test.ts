import { describe, expect, it } from 'vitest';
import { AppError } from '../common/ipc';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handlerTypes';

const viewers = [{ userId: 'u1', scope: 5 }];

// Only the channels these tests call; the dispatcher never touches the others.
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': () => ({ name: 'Gatehouse', version: '0.0.0', transport: 'browser', platform: 'linux' }),
    'access.whoCanSee': ({ ownerId }) => {
      if (ownerId !== 'u1') throw new AppError('NOT_FOUND', `no user with id ${ownerId}`);
      return { viewers };
    },
    'roles.list': () => ({ groups: [], roles: [] }),
    'catalogue.list': () => ({ permissions: [] }),
    ...overrides,
  } as Handlers;
}

const ctx = { transport: 'browser' as const };
const silent = () => undefined;

describe('dispatcher', () => {
  it('answers a valid call with its value', async () => {
    const result = await createDispatcher(handlers(), silent)('access.whoCanSee', { draftId: null, ownerId: 'u1', permissionId: 'p1' }, ctx);
    expect(result).toEqual({ ok: true, value: { viewers } });
  });

  it('refuses a channel outside the contract without calling anything', async () => {
    const result = await createDispatcher(handlers(), silent)('fs.readFile', { path: '/etc/passwd' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('rejects invalid input with the failing field named, not a crash', async () => {
    const result = await createDispatcher(handlers(), silent)('access.whoCanSee', { draftId: null, ownerId: 42, permissionId: 'p1' }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details).toEqual({ kind: 'fields', issues: [{ path: 'ownerId', message: expect.any(String) }] });
  });

  it('rejects unexpected extra input fields (strict inputs)', async () => {
    const result = await createDispatcher(handlers(), silent)('app.info', { sneaky: true }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('passes an AppError through with its code', async () => {
    const result = await createDispatcher(handlers(), silent)('access.whoCanSee', { draftId: null, ownerId: 'nobody', permissionId: 'p1' }, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no user with id nobody' } });
  });

  it('hides an unexpected exception behind INTERNAL and logs it', async () => {
    const lines: string[] = [];
    const failing = handlers({
      'roles.list': () => {
        throw new Error('database is on fire');
      },
    });
    const result = await createDispatcher(failing, (l) => lines.push(l))('roles.list', {}, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'roles.list failed unexpectedly' } });
    expect(lines.join('\n')).toContain('database is on fire');
  });

  it('refuses to send output that breaks the contract', async () => {
    const broken = handlers({ 'org.view': () => ({ departments: [], users: [{ id: 1 }], roles: [], groups: [] }) as never });
    const result = await createDispatcher(broken, silent)('org.view', { draftId: null }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
