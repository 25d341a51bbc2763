import { describe, expect, it } from 'vitest';
import type { CrmEdition } from '../crm';
import type { DataScope, FieldRule, Snapshot } from '../domain';
import { compilePolicy } from './compile';
import { EDITION_RULES } from './editionRules';
import { explain } from './explain';
import { fieldAccess } from './fields';
import { impact } from './impact';
import { updatePolicy } from './incremental';
import { lintSnapshot } from './lints';
import { effectiveScope, holds, passesGateway } from './scope';
import { NaiveEngine } from './testing/naive';
import { buildOrg, type OrgSpec } from './testing/orgBuilder';
import { visibleOwnerIds } from './visibility';

/**
 * Each rule of editionRules.ts where the editions differ, on the PHP edition (WukongCRM-11.0-PHP v11.0.3) and on
 * Java beside it: every PHP expectation here fails under the Java rule. Engine and naive reference both answer.
 */

const JAVA: CrmEdition = 'wukong-crm-11';
const PHP: CrmEdition = 'wukong-php';

/** 李雷 in sales; 韩梅梅 his report in ops; 王 in a sub-department of sales; 梅 in sales. */
const org = (edition: CrmEdition, lileiRoles: string[], extra: Partial<OrgSpec> = {}): Snapshot => buildOrg({
  edition,
  departments: [['hq', null], ['sales', 'hq'], ['east', 'sales'], ['ops', 'hq']],
  roles: {
    self: { scope: 1, grants: ['crm:customer:index'] },
    team: { scope: 2, grants: ['crm:customer:index'] },
    dept: { scope: 3, grants: ['crm:customer:index'] },
    tree: { scope: 4, grants: ['crm:customer:index'] },
    tree2: { scope: 4, grants: ['crm:customer:index'] },
    all: { scope: 5, grants: ['crm:customer:index'] },
    odd: { scope: 6 as DataScope, grants: ['crm:customer:index'] },
    sysadmin: { scope: 1, grants: [], label: 1 },
    ...extra.roles,
  },
  users: [
    ['lilei', 'sales', null, lileiRoles],
    ['han', 'ops', 'lilei', []],
    ['wang', 'east', null, []],
    ['mei', 'sales', null, []],
    ...(extra.users ?? []),
  ],
  fieldRules: extra.fieldRules ?? [],
  superUserIds: extra.superUserIds ?? [],
});

/** The scope of 李雷 for the customer list (28), asserting the engine and the naive reference agree. */
const scope = (s: Snapshot, user = 'lilei', perm = '28') => {
  const got = effectiveScope(compilePolicy(s), user, perm);
  expect(got, 'engine and naive reference agree').toBe(new NaiveEngine(s).scope(user, perm));
  return got;
};

describe('data scope across roles: Java the widest, PHP the one met last in the user\'s order (User::getUserByPer, admin/model/User.php:1150)', () => {
  it('[dept tree, self]: PHP self only — the loop overwrites (observed on the real server); Java the tree', () => {
    expect(scope(org(PHP, ['tree', 'self']))).toBe(1);
    expect(visibleOwnerIds(compilePolicy(org(PHP, ['tree', 'self'])), 'lilei', '28')).toEqual(['lilei']);
    expect(scope(org(JAVA, ['tree', 'self']))).toBe(4);
  });

  it('[self, dept tree]: the tree on both (observed on the real server)', () => {
    expect(scope(org(PHP, ['self', 'tree']))).toBe(4);
    expect(new Set(visibleOwnerIds(compilePolicy(org(PHP, ['self', 'tree'])), 'lilei', '28'))).toEqual(new Set(['lilei', 'wang', 'mei']));
    expect(scope(org(JAVA, ['self', 'tree']))).toBe(4);
  });

  it('repeats are dropped keeping the first (array_unique): [tree, self, tree2] ends with self on PHP', () => {
    expect(scope(org(PHP, ['tree', 'self', 'tree2']))).toBe(1);
    expect(scope(org(JAVA, ['tree', 'self', 'tree2']))).toBe(4);
  });

  it('5 anywhere is everyone, whatever the order (in_array(5, $groupTypes))', () => {
    expect(scope(org(PHP, ['all', 'self']))).toBe(5);
    expect(scope(org(PHP, ['self', 'all']))).toBe(5);
  });

  it('a type outside 1..5 matches no branch and changes nothing on PHP; on Java it wins the max and reads as self', () => {
    expect(scope(org(PHP, ['dept', 'odd']))).toBe(3);
    expect(scope(org(JAVA, ['dept', 'odd']))).toBe(1); // DataAuthEnum.valueOf(6) = MYSELF
  });

  it('users with the same roles in another order share a profile on Java only', () => {
    const users: OrgSpec['users'] = [['a', 'sales', null, ['tree', 'self']], ['b', 'sales', null, ['self', 'tree']]];
    const php = compilePolicy(org(PHP, [], { users }));
    const java = compilePolicy(org(JAVA, [], { users }));
    const [a, b] = [php.userIndex.get('a')!, php.userIndex.get('b')!];
    expect(php.userProfile[a]).not.toBe(php.userProfile[b]);
    expect(java.userProfile[a]).toBe(java.userProfile[b]);
  });
});

describe('super admin: Java user 14773 / role 180162 (superAdmin.ts), PHP user 1 / role 1 (User::getAdminId, User.php:1124)', () => {
  const extra = (superRoles: string[]): Partial<OrgSpec> => ({
    roles: { 1: { scope: 1, grants: [] }, 180162: { scope: 1, grants: [] } },
    users: [['1', 'ops', null, []], ['rooty', 'ops', null, superRoles]],
  });

  it('user 1 is super admin on PHP without being listed; on Java it is an ordinary user', () => {
    expect(scope(org(PHP, ['self'], extra([])), '1')).toBe(5);
    expect(explain(compilePolicy(org(PHP, ['self'], extra([]))), '1', '28').superAdmin).toBe('user');
    expect(scope(org(JAVA, ['self'], extra([])), '1')).toBe(0);
  });

  it('role 1 makes its holder super admin on PHP, role 180162 does not; Java the other way round', () => {
    expect(scope(org(PHP, [], extra(['1'])), 'rooty')).toBe(5);
    expect(scope(org(PHP, [], extra(['180162'])), 'rooty')).toBe(0);
    expect(scope(org(JAVA, [], extra(['1'])), 'rooty')).toBe(0);
    expect(scope(org(JAVA, [], extra(['180162'])), 'rooty')).toBe(5);
  });
});

describe('a role of types 1 (adminGroupTypes, common.php:1546; the PHP pull keeps types in role.label)', () => {
  it('makes scope 2 read as everyone (getSubUserId, common.php:593) on PHP, nothing on Java', () => {
    expect(scope(org(PHP, ['team']))).toBe(2);
    expect(scope(org(PHP, ['team', 'sysadmin']))).toBe(5);
    expect(visibleOwnerIds(compilePolicy(org(PHP, ['team', 'sysadmin'])), 'lilei', '28').length).toBe(4);
    expect(scope(org(PHP, ['dept', 'sysadmin']))).toBe(3); // only 2 is read so
    expect(scope(org(JAVA, ['team', 'sysadmin']))).toBe(2);
    const e = explain(compilePolicy(org(PHP, ['team', 'sysadmin'])), 'lilei', '28');
    expect(e.consequence.en).toContain('reads self + reports as everyone');
    expect(e.consequence['zh-CN']).toContain('读作「全部」');
  });

  it('lets its holder through the gateway everywhere (AuthenticateBehavior, checkPerByAction) without holding the action', () => {
    const php = compilePolicy(org(PHP, ['sysadmin']));
    expect(passesGateway(php, 'lilei', '175')).toBe(true);
    expect(holds(php, 'lilei', '175')).toBe(false); // getUserByPer finds no role holding the rule: no records
    expect(new NaiveEngine(org(PHP, ['sysadmin'])).bypassesGateway('lilei')).toBe(true);
    expect(passesGateway(compilePolicy(org(JAVA, ['sysadmin'])), 'lilei', '175')).toBe(false);
  });
});

describe('recursion depth: Java 20 levels (Const.AUTH_DATA_RECURSION_NUM), PHP unbounded (getSubUser, Structure::getAllChild)', () => {
  const chain = (edition: CrmEdition) => buildOrg({
    edition,
    departments: [['hq', null]],
    roles: { team: { scope: 2, grants: ['crm:customer:index'] } },
    users: Array.from({ length: 26 }, (_, i): OrgSpec['users'][number] => [`c${i}`, 'hq', i === 0 ? null : `c${i - 1}`, i === 0 ? ['team'] : []]),
  });

  it('the head of a 25-report chain sees all 25 on PHP, 20 on Java', () => {
    expect(visibleOwnerIds(compilePolicy(chain(PHP)), 'c0', '28').length).toBe(26);
    expect(visibleOwnerIds(compilePolicy(chain(JAVA)), 'c0', '28').length).toBe(21);
    expect(compilePolicy(chain(PHP)).recursionDepth).toBe(Number.POSITIVE_INFINITY);
    expect(lintSnapshot(compilePolicy(chain(PHP)), { rules: ['reports-beyond-recursion-depth'] })).toEqual([]);
  });
});

describe('field rules across roles: PHP getFieldGrantStatus (common.php:2228) vs Java queryUserRoleField (fields.ts)', () => {
  const rule = (roleId: string, field: string, access: FieldRule['access'], mask: FieldRule['mask'] = 'none'): FieldRule =>
    ({ roleId, module: 'customer', field, access, mask });
  const fields = (edition: CrmEdition, roles: string[], fieldRules: FieldRule[], superRoles: string[] = []) => {
    const s = org(edition, roles, { fieldRules, roles: { 1: { scope: 1, grants: [] } }, users: [['boss', 'hq', null, superRoles]] });
    const user = superRoles.length ? 'boss' : 'lilei';
    const naive = new NaiveEngine(s);
    const got = Object.fromEntries(fieldAccess(compilePolicy(s), user, 'customer').map((e) => [e.field, e]));
    for (const [field, e] of Object.entries(got)) expect({ access: e.access, mask: e.mask }).toEqual(naive.field(user, 'customer', field));
    return got;
  };

  it('a role whose grant for the module does not list the field gives read + write on PHP; on Java it adds nothing', () => {
    const rules = [rule('self', 'mobile', 'hidden'), rule('team', 'email', 'read')];
    const php = fields(PHP, ['self', 'team'], rules);
    expect(php.mobile!.access).toBe('edit');
    expect(php.mobile!.decidedByRoleIds).toEqual(['team']);
    expect(php.email!.access).toBe('edit'); // self's grant does not list email
    expect(fields(JAVA, ['self', 'team'], rules).mobile!.access).toBe('hidden');
  });

  it('a role with no grant for the module contributes nothing on both; no grant at all leaves every field open', () => {
    expect(fields(PHP, ['self', 'team'], [rule('self', 'mobile', 'hidden')]).mobile!.access).toBe('hidden');
    const open = fields(PHP, ['team'], [rule('self', 'mobile', 'hidden')]);
    expect(open.mobile!.access).toBe('edit');
    expect(open.mobile!.initialised).toBe(false);
  });

  it('the most permissive grant wins on both (max of read, max of write)', () => {
    const rules = [rule('self', 'mobile', 'hidden'), rule('team', 'mobile', 'read')];
    expect(fields(PHP, ['self', 'team'], rules).mobile!.access).toBe('read');
    expect(fields(JAVA, ['self', 'team'], rules).mobile!.access).toBe('read');
  });

  it('a PHP super admin is not restricted (behind !isSuperAdministrators); a Java one keeps their roles\' access', () => {
    expect(fields(PHP, [], [rule('1', 'mobile', 'hidden')], ['1']).mobile!.access).toBe('edit');
    const java = buildOrg({
      departments: [['hq', null]], roles: { 180162: { scope: 1, grants: [] } }, users: [['boss', 'hq', null, ['180162']]],
      fieldRules: [rule('180162', 'mobile', 'hidden')],
    });
    expect(fieldAccess(compilePolicy(java), 'boss', 'customer').find((e) => e.field === 'mobile')!.access).toBe('hidden');
  });

  it('nothing masks on PHP (the grant holds read and write only); Java takes the strictest mask of all rows', () => {
    const rules = [rule('self', 'mobile', 'read', 'listDetail')];
    expect(fields(PHP, ['self'], rules).mobile!.mask).toBe('none');
    expect(fields(JAVA, ['self'], rules).mobile!.mask).toBe('listDetail');
  });
});

describe('explain on PHP names the role met last', () => {
  it('[dept tree, self]: self wins, and the words say "listed last", not "largest"', () => {
    const e = explain(compilePolicy(org(PHP, ['tree', 'self'])), 'lilei', '28');
    expect(e.effectiveScope).toBe(1);
    expect(e.roles.filter((r) => r.wins).map((r) => r.roleId)).toEqual(['self']);
    expect(new Set(e.lostOwnerIds)).toEqual(new Set(['wang', 'mei']));
    expect(e.consequence.en).toContain('the scope of the role listed last');
    expect(e.consequence.en).toContain('not the widest');
    expect(e.consequence['zh-CN']).toContain('排在最后');
    const java = explain(compilePolicy(org(JAVA, ['tree', 'self'])), 'lilei', '28');
    expect(java.roles.filter((r) => r.wins).map((r) => r.roleId)).toEqual(['tree']);
  });
});

describe('lints per edition', () => {
  const find = (s: Snapshot, rule: string) => lintSnapshot(compilePolicy(s), { rules: [rule] });

  it('role-order-cuts-scope: a narrower role listed after a wider one, PHP only, in both languages', () => {
    const [f, ...rest] = find(org(PHP, ['tree', 'self']), 'role-order-cuts-scope');
    expect(rest).toEqual([]);
    expect(f!.refs.userIds[0]).toBe('lilei');
    expect(new Set(f!.refs.userIds.slice(1))).toEqual(new Set(['wang', 'mei']));
    expect(f!.refs.roleIds).toEqual(['tree', 'self']);
    expect(f!.message.en).toContain('"self" (1 (self)) comes after "tree" (4 (department tree))');
    expect(f!.message.en).toContain('the role listed last, not the widest');
    expect(f!.message['zh-CN']).toContain('「self」（1（本人））排在 「tree」（4（本部门及下属部门））之后');
    expect(find(org(PHP, ['self', 'tree']), 'role-order-cuts-scope')).toEqual([]);
    expect(find(org(JAVA, ['tree', 'self']), 'role-order-cuts-scope')).toEqual([]);
  });

  it('field-edit-overrides-hidden: on PHP a grant that does not list the field opens it, and the message says so', () => {
    const fieldRules: FieldRule[] = [
      { roleId: 'self', module: 'customer', field: 'mobile', access: 'hidden', mask: 'none' },
      { roleId: 'team', module: 'customer', field: 'email', access: 'read', mask: 'none' },
    ];
    const [f, ...rest] = find(org(PHP, ['self', 'team'], { fieldRules }), 'field-edit-overrides-hidden');
    expect(rest).toEqual([]);
    expect(f!.refs.roleIds).toEqual(['self', 'team']);
    expect(f!.message.en).toContain('does not list it, which the PHP edition reads as view and edit');
    expect(f!.message['zh-CN']).toContain('未列出的字段视为可查看、可编辑');
    expect(find(org(JAVA, ['self', 'team'], { fieldRules }), 'field-edit-overrides-hidden')).toEqual([]);
  });

  it('scope-combination-loses-access on PHP: 2 beside 3 loses people in either order; on Java 2 + 3 always keeps 3', () => {
    // team (2) last: the department's others (mei) are lost; dept (3) last: the report in ops (han) is lost.
    expect(find(org(PHP, ['dept', 'team']), 'scope-combination-loses-access')[0]!.refs.userIds).toEqual(['lilei', 'mei']);
    expect(find(org(PHP, ['team', 'dept']), 'scope-combination-loses-access')[0]!.refs.userIds).toEqual(['lilei', 'han']);
    expect(find(org(PHP, ['team', 'dept']), 'scope-combination-loses-access')[0]!.message.en).toContain('no order gives both');
    expect(find(org(JAVA, ['dept', 'team']), 'scope-combination-loses-access')[0]!.refs.userIds).toEqual(['lilei', 'han']);
    expect(find(org(PHP, ['dept', 'team']), 'role-order-cuts-scope')).toEqual([]); // not nested: no order helps
  });
});

describe('drafts on PHP', () => {
  it('reordering someone\'s roles is a role gesture: patched, not recompiled, equal to a compile, and in the impact', () => {
    const users: OrgSpec['users'] = Array.from({ length: 20 }, (_, i): OrgSpec['users'][number] => [`p${i}`, 'ops', null, ['self']]);
    const before = org(PHP, ['self', 'tree'], { users });
    const after = { ...before, users: before.users.map((u) => (u.id === 'lilei' ? { ...u, roleIds: ['tree', 'self'] } : u)) };
    const base = compilePolicy(before);
    const update = updatePolicy(base, after);
    expect(update.incremental).toBe(true);
    expect(effectiveScope(update.policy, 'lilei', '28')).toBe(1);
    expect(impact(base, update.policy).users.map((u) => [u.userId, u.permissions.map((c) => `${c.permissionId} ${c.before}->${c.after}`)]))
      .toEqual([['lilei', ['28 4->1']]]);
    const java = { ...before, edition: JAVA };
    const javaAfter = { ...after, edition: JAVA };
    expect(impact(compilePolicy(java), compilePolicy(javaAfter)).users).toEqual([]);
  });

  it('a change of edition compiles afresh and every user is examined', () => {
    const s = org(JAVA, ['tree', 'self']);
    const update = updatePolicy(compilePolicy(s), { ...s, edition: PHP });
    expect(update.incremental).toBe(false);
    expect(update.reason).toBe('the edition changed');
    expect(impact(compilePolicy(s), update.policy).users.map((u) => u.userId)).toEqual(['lilei']);
  });
});

describe('the two rule tables', () => {
  it('an absent edition is Java', () => {
    const s = org(JAVA, ['self']);
    delete (s as { edition?: CrmEdition }).edition;
    expect(compilePolicy(s).rules).toBe(EDITION_RULES[JAVA]);
    expect(compilePolicy(s).recursionDepth).toBe(20);
  });
});
