import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile';
import { impact } from './impact';
import { buildOrg } from './testing/orgBuilder';

const base = buildOrg({
  departments: [['hq', null], ['sales', 'hq']],
  roles: {
    rep: { scope: 1, grants: ['crm:customer:index', 'crm:customer:read'] },
    lead: { scope: 2, grants: ['crm:customer:index'] },
    finance: { scope: 5, grants: ['crm:receivables:index'] },
  },
  users: [
    ['amy', 'sales', null, ['rep', 'lead']],
    ['bob', 'sales', 'amy', ['rep']],
    ['cat', 'hq', null, ['finance']],
  ],
  fieldRules: [{ roleId: 'rep', module: 'customer', field: 'mobile', access: 'edit', mask: 'none' }],
});

const withRole = (id: string, change: (r: (typeof base.roles)[number]) => (typeof base.roles)[number]) =>
  ({ ...base, roles: base.roles.map((r) => (r.id === id ? change(r) : r)) });

describe('impact between two snapshots', () => {
  it('a one-role change reports only that role\'s holders, with gains, losses and scope changes counted', () => {
    const after = withRole('rep', (r) => ({ ...r, dataScope: 3, permissionIds: ['28', '32'] }));
    const report = impact(compilePolicy(base), compilePolicy(after));
    const byUser = Object.fromEntries(report.users.map((u) => [u.userId, u.permissions.map((c) => `${c.permissionId}:${c.before}->${c.after}`).sort()]));
    // amy: index was max(1, 2) = 2, now max(3, 2) = 3; read lost; delete gained.
    expect(byUser).toEqual({ amy: ['28:2->3', '29:1->0', '32:0->3'], bob: ['28:1->3', '29:1->0', '32:0->3'] });
    expect(report.counts).toMatchObject({ usersAffected: 2, gained: 2, lost: 2, widened: 2, narrowed: 0 });
    expect(report.counts.candidatesExamined).toBe(2); // cat holds no changed role: never looked at
  });

  it('reports field access changes, and a server-wide mask change reaches users of other roles', () => {
    const after = { ...base, fieldRules: [{ roleId: 'rep', module: 'customer', field: 'mobile', access: 'hidden' as const, mask: 'list' as const }] };
    const report = impact(compilePolicy(base), compilePolicy(after));
    const fields = Object.fromEntries(report.users.map((u) => [u.userId, u.fields.map((f) => `${f.field}:${f.before.access}/${f.before.mask}->${f.after.access}/${f.after.mask}`)]));
    expect(fields).toEqual({ amy: ['mobile:edit/none->hidden/list'], bob: ['mobile:edit/none->hidden/list'], cat: ['mobile:edit/none->edit/list'] });
  });

  it('marks moved users, and lists added and removed users with what they hold', () => {
    const after = {
      ...base,
      users: [
        { ...base.users[0]!, departmentId: 'hq' },
        base.users[1]!,
        { ...base.users[2]!, id: 'dan' },
      ],
    };
    const report = impact(compilePolicy(base), compilePolicy(after));
    const kinds = Object.fromEntries(report.users.map((u) => [u.userId, [u.kind, u.moved, u.permissions.length]]));
    expect(kinds).toEqual({ amy: ['changed', true, 0], dan: ['added', false, 1], cat: ['removed', false, 1] });
  });

  it('a permission gone from the catalogue is lost by its holders although no role object changed', () => {
    const after = { ...base, permissions: base.permissions.filter((p) => p.id !== '62') };
    const report = impact(compilePolicy(base), compilePolicy(after));
    expect(report.users.map((u) => [u.userId, u.permissions.map((c) => `${c.permissionId}:${c.before}->${c.after}`)])).toEqual([['cat', ['62:5->0']]]);
  });

  it('finds nothing between a snapshot and itself', () => {
    const policy = compilePolicy(base);
    expect(impact(policy, policy).users).toEqual([]);
  });
});
