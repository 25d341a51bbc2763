import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../compile';
import type { OrgSpec } from '../testing/orgBuilder';
import { buildOrg } from '../testing/orgBuilder';
import type { LintOptions } from './index';
import { lintSnapshot } from './index';

const findings = (spec: OrgSpec, rule: string, options: LintOptions = {}) =>
  lintSnapshot(compilePolicy(buildOrg(spec)), { ...options, rules: [rule] });

const depts: OrgSpec['departments'] = [['hq', null], ['sales', 'hq'], ['ops', 'hq']];

describe('lint: scope combination that loses access', () => {
  const spec = (deptScope: 3 | 4 | 5): OrgSpec => ({
    departments: depts,
    roles: { team: { scope: 2, grants: ['crm:customer:index'] }, dept: { scope: deptScope, grants: ['crm:customer:index'] } },
    users: [['lilei', 'sales', null, ['team', 'dept']], ['han', 'ops', 'lilei', []], ['mei', 'sales', 'lilei', []]],
  });

  it('names the user, the lost report and the roles for 2 + 3', () => {
    const [f, ...rest] = findings(spec(3), 'scope-combination-loses-access');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.refs.userIds).toEqual(['lilei', 'han']);
    expect(f!.refs.roleIds).toEqual(['team', 'dept']);
    expect(f!.refs.permissionIds).toEqual(['28']);
    expect(f!.message.en).toContain('the server takes 3');
    expect(f!.message['zh-CN']).toContain('服务器只取 3');
  });

  it('stays quiet when 5 covers the subordinates', () => {
    expect(findings(spec(5), 'scope-combination-loses-access')).toEqual([]);
  });

  it('stays quiet when every report is inside the department anyway', () => {
    const s = spec(3);
    s.users = s.users.filter(([id]) => id !== 'han');
    expect(findings(s, 'scope-combination-loses-access')).toEqual([]);
  });
});

describe('lint: users and roles', () => {
  const spec: OrgSpec = {
    departments: depts,
    roles: { used: { scope: 1, grants: ['crm:customer:index'] }, unused: { scope: 1, grants: ['crm:customer:read'] } },
    users: [
      ['ok', 'sales', null, ['used']],
      ['gone', 'sales', null, ['used'], 'disabled'],
      ['new', 'sales', null, ['used'], 'inactive'],
      ['idle', 'ops', null, []],
      ['off', 'ops', null, [], 'disabled'],
    ],
  };

  it('disabled (warning) and inactive (info) users still holding roles', () => {
    const got = findings(spec, 'dormant-user-holds-roles').map((f) => [f.refs.userIds[0], f.severity]);
    expect(got).toEqual([['gone', 'warning'], ['new', 'info']]);
  });

  it('active users with no role, not disabled ones', () => {
    expect(findings(spec, 'active-user-without-role').map((f) => f.refs.userIds)).toEqual([['idle']]);
  });

  it('roles with no members', () => {
    expect(findings(spec, 'role-without-members').map((f) => f.refs.roleIds)).toEqual([['unused']]);
  });
});

describe('lint: duplicate roles', () => {
  it('same group, scope and grants; a different scope or group is not a duplicate', () => {
    const got = findings({
      departments: depts,
      roles: {
        a: { scope: 2, grants: ['crm:customer:index', 'crm:customer:read'] },
        b: { scope: 2, grants: ['crm:customer:read', 'crm:customer:index'] },
        c: { scope: 3, grants: ['crm:customer:index', 'crm:customer:read'] },
        d: { scope: 2, grants: ['crm:customer:index', 'crm:customer:read'], group: 'sys' },
      },
      users: [],
    }, 'duplicate-roles');
    expect(got.map((f) => f.refs.roleIds)).toEqual([['a', 'b']]);
  });
});

describe('lint: separation of duties', () => {
  const spec: OrgSpec = {
    departments: depts,
    roles: {
      contracts: { scope: 1, grants: ['crm:contract:save'] },
      receivables: { scope: 1, grants: ['crm:receivables:delete'] },
      admin: { scope: 5, grants: [], remark: 'admin' },
    },
    users: [['both', 'sales', null, ['contracts', 'receivables']], ['one', 'sales', null, ['contracts']], ['root', 'hq', null, ['admin']]],
  };

  it('flags a user holding both sides of a default pair, not super admins', () => {
    const [f, ...rest] = findings(spec, 'separation-of-duties');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.refs.userIds).toEqual(['both']);
    expect(new Set(f!.refs.roleIds)).toEqual(new Set(['contracts', 'receivables']));
  });

  it('uses the configured pairs instead of the defaults', () => {
    const pairs = [{ id: 'x', a: 'crm:contract:save', b: 'crm:customer:index', severity: 'warning' as const, label: { 'zh-CN': 'x', en: 'x' } }];
    expect(findings(spec, 'separation-of-duties', { sodPairs: pairs })).toEqual([]);
  });
});

describe('lint: broad scope on sensitive modules', () => {
  const spec = (people: number): OrgSpec => ({
    departments: depts,
    roles: { all: { scope: 5, grants: ['crm:customer:index', 'crm:contract:index'] } },
    users: Array.from({ length: people }, (_, i) => [`u${i}`, 'sales', null, ['all']] as [string, string, null, string[]]),
  });

  it('reports each sensitive scoped action above the threshold', () => {
    const got = findings(spec(3), 'broad-scope-on-sensitive-module', { broadScopeThreshold: 2 });
    expect(got.map((f) => f.refs.permissionIds[0])).toEqual(['28', '55']);
    expect(got[0]!.refs.userIds).toHaveLength(3);
    expect(got[0]!.refs.roleIds).toEqual(['all']);
  });

  it('not at or below the threshold, nor outside the sensitive modules', () => {
    expect(findings(spec(2), 'broad-scope-on-sensitive-module', { broadScopeThreshold: 2 })).toEqual([]);
    expect(findings(spec(3), 'broad-scope-on-sensitive-module', { broadScopeThreshold: 2, sensitiveModules: ['crm:leads'] })).toEqual([]);
  });
});

describe('lint: actions granted without list or read', () => {
  const spec = (otherRoles: string[]): OrgSpec => ({
    departments: depts,
    roles: {
      editor: { scope: 1, grants: ['crm:customer:update', 'crm:customer:excelexport'] },
      viewer: { scope: 1, grants: ['crm:customer:index'] },
      orphan: { scope: 1, grants: ['crm:contract:delete'] },
    },
    users: [['ed', 'sales', null, ['editor', ...otherRoles]]],
  });

  it('warns when a member gets no list/read anywhere, info for a role without members', () => {
    const got = findings(spec([]), 'action-without-read').map((f) => [f.refs.roleIds[0], f.severity, f.refs.userIds]);
    expect(got).toEqual([['editor', 'warning', ['ed']], ['orphan', 'info', []]]);
  });

  it('drops to info when another role of every member grants the list', () => {
    const got = findings(spec(['viewer']), 'action-without-read').map((f) => [f.refs.roleIds[0], f.severity, f.refs.userIds]);
    expect(got).toEqual([['editor', 'info', []], ['orphan', 'info', []]]);
  });
});

describe('lint: field edit overriding a hidden field', () => {
  it('flags the pair of roles and the users holding both', () => {
    const spec: OrgSpec = {
      departments: depts,
      roles: { hide: { scope: 1, grants: [] }, edit: { scope: 1, grants: [] } },
      users: [['both', 'sales', null, ['hide', 'edit']], ['one', 'sales', null, ['hide']]],
      fieldRules: [
        { roleId: 'hide', module: 'customer', field: 'mobile', access: 'hidden', mask: 'none' },
        { roleId: 'edit', module: 'customer', field: 'mobile', access: 'edit', mask: 'none' },
        { roleId: 'edit', module: 'customer', field: 'email', access: 'edit', mask: 'none' },
      ],
    };
    const got = findings(spec, 'field-edit-overrides-hidden');
    expect(got.map((f) => [f.refs.roleIds, f.refs.userIds])).toEqual([[['hide', 'edit'], ['both']]]);
    expect(got[0]!.message.en).toContain('customer: role "hide" hides mobile but "edit" lets it be edited');
  });
});

describe('lint: reports beyond the recursion depth', () => {
  it('flags a scope-2 manager with a chain longer than 20', () => {
    const users = Array.from({ length: 23 }, (_, i) => [`u${i}`, 'sales', i ? `u${i - 1}` : null, i ? [] : ['team']] as [string, string, string | null, string[]]);
    const spec: OrgSpec = { departments: depts, roles: { team: { scope: 2, grants: ['crm:customer:index'] } }, users };
    const got = findings(spec, 'reports-beyond-recursion-depth');
    expect(got.map((f) => f.refs.userIds)).toEqual([['u0']]);
    expect(got[0]!.message.en).toContain('2 reports more than 20 levels down');
  });
});

describe('lintSnapshot', () => {
  it('sorts errors before warnings before info', () => {
    const all = lintSnapshot(compilePolicy(buildOrg({
      departments: depts,
      roles: { c: { scope: 1, grants: ['crm:contract:save', 'crm:receivables:delete'] }, unused: { scope: 1, grants: [] } },
      users: [['x', 'sales', null, ['c']], ['idle', 'sales', null, []]],
    })));
    const order = { error: 0, warning: 1, info: 2 };
    expect(all.map((f) => order[f.severity])).toEqual([...all.map((f) => order[f.severity])].sort());
    expect(new Set(all.map((f) => f.ruleId))).toEqual(new Set(['separation-of-duties', 'active-user-without-role', 'role-without-members', 'action-without-read']));
  });
});

describe('lint: delete or export of sensitive records held by many', () => {
  const spec = (people: number, grant = 'crm:customer:delete'): OrgSpec => ({
    departments: depts,
    roles: { sales: { scope: 1, grants: ['crm:customer:index', grant] } },
    users: Array.from({ length: people }, (_, i): OrgSpec['users'][number] => [`u${i}`, 'sales', null, ['sales']]),
  });

  it('is an error above 100 people, named in words, with the roles and the people', () => {
    const [f, ...rest] = findings(spec(101), 'destructive-action-held-widely');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.refs.roleIds).toEqual(['sales']);
    expect(f!.refs.userIds).toHaveLength(101);
    // The permission is named by its path, never by its key.
    expect(f!.message.en).toMatch(/^101 people hold "[^"]+ › [^"]+"/);
    expect(f!.message.en).not.toMatch(/crm:customer/);
    expect(f!.message['zh-CN']).toContain('101 人拥有');
  });

  it('counts export too, and stays quiet at 100 people or for a module that is not sensitive', () => {
    expect(findings(spec(101, 'crm:customer:excelexport'), 'destructive-action-held-widely')).toHaveLength(1);
    expect(findings(spec(100), 'destructive-action-held-widely')).toEqual([]);
    expect(findings(spec(101, 'crm:product:delete'), 'destructive-action-held-widely')).toEqual([]);
  });
});
