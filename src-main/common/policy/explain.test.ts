import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile';
import { explain } from './explain';
import { buildOrg } from './testing/orgBuilder';

/** 李雷 leads sales; two of his three reports sit in other departments. */
const org = (lileiRoles: string[], superUserIds: string[] = []) => {
  const s = buildOrg({
    departments: [['hq', null], ['sales', 'hq'], ['ops', 'hq']],
    roles: {
      team: { scope: 2, grants: ['crm:customer:index'] },
      dept: { scope: 3, grants: ['crm:customer:index', 'crm:customer:read'] },
      other: { scope: 5, grants: ['crm:contract:index'] },
    },
    users: [
      ['lilei', 'sales', null, lileiRoles],
      ['han', 'ops', 'lilei', []],
      ['wang', 'hq', 'lilei', []],
      ['mei', 'sales', 'lilei', []],
    ],
    superUserIds,
  });
  return { ...s, users: s.users.map((u) => ({ ...u, name: { lilei: '李雷', han: '韩梅梅', wang: '王芳', mei: '梅梅' }[u.id]! })) };
};

describe('explain', () => {
  it('shows every role, which grants, which wins, and who is lost when 2 meets 3', () => {
    const e = explain(compilePolicy(org(['team', 'dept', 'other'])), 'lilei', '28');
    expect(e.effectiveScope).toBe(3);
    expect(e.roles.map((r) => [r.roleId, r.grants, r.scope, r.wins])).toEqual([
      ['team', true, 2, false],
      ['dept', true, 3, true],
      ['other', false, 5, false],
    ]);
    expect([...e.grantingScopes]).toEqual([2, 3]);
    expect(new Set(e.lostOwnerIds)).toEqual(new Set(['han', 'wang']));
    expect(e.consequence.en).toContain('the server takes 3');
    expect(e.consequence.en).toContain('李雷 no longer sees the 2 reports outside the department');
    expect(e.consequence.en).toContain('韩梅梅');
    expect(e.consequence['zh-CN']).toContain('服务器取最大值 3');
    expect(e.consequence['zh-CN']).toContain('看不到本部门以外的 2 名下属');
  });

  it('says nothing is lost when the scopes are nested', () => {
    const s = org(['dept', 'team']);
    const nested = { ...s, roles: s.roles.map((r) => (r.id === 'team' ? { ...r, dataScope: 1 as const } : r)) };
    const e = explain(compilePolicy(nested), 'lilei', '28');
    expect(e.effectiveScope).toBe(3);
    expect(e.lostOwnerIds).toEqual([]);
    expect(e.consequence.en).toContain('already covers');
  });

  it('explains a permission no role grants', () => {
    const e = explain(compilePolicy(org(['other'])), 'lilei', '28');
    expect(e.effectiveScope).toBe(0);
    expect(e.roles.every((r) => !r.grants && !r.wins)).toBe(true);
    expect(e.consequence.en).toMatch(/None of 李雷's roles grants .*crm:customer:index/);
    expect(e.consequence['zh-CN']).toContain('不能使用');
  });

  it('explains a super admin by user id', () => {
    const e = explain(compilePolicy(org([], ['lilei'])), 'lilei', '28');
    expect(e.superAdmin).toBe('user');
    expect(e.effectiveScope).toBe(5);
    expect(e.visibleOwnerCount).toBe(4);
    expect(e.consequence.en).toContain('super admin');
  });

  it('counts reports beyond the recursion depth', () => {
    const e = explain(compilePolicy(org(['team']), { recursionDepth: 0 }), 'lilei', '28');
    expect(e.effectiveScope).toBe(2);
    expect(e.visibleOwnerCount).toBe(1);
    expect(e.beyondDepthCount).toBe(3);
    expect(e.consequence.en).toContain('more than 0 levels down');
  });
});
