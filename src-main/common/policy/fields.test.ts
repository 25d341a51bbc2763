import { describe, expect, it } from 'vitest';
import type { FieldRule } from '../domain';
import { compilePolicy } from './compile';
import { fieldAccess } from './fields';
import { buildOrg } from './testing/orgBuilder';

const rule = (roleId: string, field: string, access: FieldRule['access'], mask: FieldRule['mask'] = 'none'): FieldRule =>
  ({ roleId, module: 'customer', field, access, mask });

const org = (userRoles: string[], fieldRules: FieldRule[], superUserIds: string[] = []) => buildOrg({
  departments: [['hq', null]],
  roles: { a: { scope: 1, grants: [] }, b: { scope: 1, grants: [] }, c: { scope: 1, grants: [] } },
  users: [['u', 'hq', null, userRoles]],
  fieldRules,
  superUserIds,
});

const byField = (s: ReturnType<typeof org>) => Object.fromEntries(fieldAccess(compilePolicy(s), 'u', 'customer').map((e) => [e.field, e]));

describe('field access (reference §6)', () => {
  it('the most permissive access wins across roles', () => {
    const f = byField(org(['a', 'b'], [rule('a', 'mobile', 'hidden'), rule('b', 'mobile', 'read')]));
    expect(f.mobile!.access).toBe('read');
    expect(f.mobile!.decidedByRoleIds).toEqual(['b']);
  });

  it('the strictest mask wins, and the server takes it over all roles, not only the user\'s', () => {
    const f = byField(org(['a', 'b'], [rule('a', 'mobile', 'edit', 'list'), rule('b', 'mobile', 'read', 'none'), rule('c', 'mobile', 'read', 'listDetail')]));
    expect(f.mobile!.access).toBe('edit');
    expect(f.mobile!.ownRolesMask).toBe('list');
    expect(f.mobile!.mask).toBe('listDetail');
  });

  it('a field with no row for any of the user\'s roles is not stripped: edit, and says it is not initialised', () => {
    const f = byField(org(['a'], [rule('b', 'email', 'hidden')]));
    expect(f.email!.access).toBe('edit');
    expect(f.email!.initialised).toBe(false);
    expect(f.customer_name!.access).toBe('edit');
  });

  it('an uninitialised role adds nothing: one hiding row still hides', () => {
    const f = byField(org(['a', 'b'], [rule('a', 'email', 'hidden')]));
    expect(f.email!.access).toBe('hidden');
  });

  it('masking is skipped for super admins', () => {
    const f = byField(org(['a'], [rule('a', 'mobile', 'read', 'listDetail')], ['u']));
    expect(f.mobile!.mask).toBe('none');
    expect(f.mobile!.access).toBe('read');
  });

  it('returns nothing for an unknown module', () => {
    expect(fieldAccess(compilePolicy(org(['a'], [])), 'u', 'spaceships')).toEqual([]);
  });
});
