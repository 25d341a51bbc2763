import type { Department, FieldRule, LocalizedText, Role, Snapshot, User, UserStatus } from '../domain';
import type { WukongCatalogue } from '../wukong';
import { WUKONG_ROLE_GROUP, WUKONG_ROOT_DEPARTMENT_ID, WUKONG_SUPER_ROLE_ID, WUKONG_SUPER_USER_ID } from '../wukong';
import { UniqueNames, loginFor } from './chineseNames';
import { memberTitles, type DepartmentFunction } from './departmentNames';
import { crmFields } from './generateOrganisation';
import { initialFieldRules } from './fieldRules';
import { SeededRandom } from './prng';

/** The company the built-in demo workspace shows. */
export const DEMO_COMPANY: LocalizedText = { 'zh-CN': '星河科技', en: 'Xinghe Technology' };
const DEMO_SEED = 20260302;
const DEMO_TAKEN_AT = '2026-03-02T09:00:00.000Z';

const D = { root: WUKONG_ROOT_DEPARTMENT_ID, sales1: '14853', sales2: '14854', east: '14855', marketing: '14856', service: '14857', finance: '14858', tech: '14859', shanghai: '14860' } as const;
const R = { salesManager: '180169', seller: '180170', systemSettings: '180163', projectAdmin: '180171', sales1Manager: '180176', eastLead: '180177', customerEditor: '180178', marketer: '180179', marketerCopy: '180180' } as const;
const U = { admin: WUKONG_SUPER_USER_ID, ceo: '14774', liLei: '14775', hanMeimei: '14776', linTao: '14777', eastHead: '14778', sales2Head: '14779', marketingHead: '14780', serviceHead: '14781', financeHead: '14782', techHead: '14783', shanghaiHead: '14784', disabled: '14785', noRole: '14786', inactive: '14787' } as const;

/**
 * Problems baked into the demo on purpose, so every lint and picture has something to show. Ids are fixed.
 * - liLei: 李雷, 销售一部 manager; his two roles grant `crm:customer:index` (menu 28) with scopes 2 and 3. WukongCRM
 *   takes the largest (3, own department; reference §7.1), so he silently loses sight of his two direct reports who
 *   sit in 华东大区 (`liLeiReportsInOtherDepartment`).
 * - disabledUserWithRoles: 郑凯 left the company and was disabled but still holds 销售员角色.
 * - unusedRoleId: 市场专员(1), a leftover of WukongCRM's "copy role" (reference §4.2), held by nobody.
 * - identicalRoleIds: 市场专员 and its copy grant the same menus with the same scope.
 * - editWithoutViewRoleId: 客户资料维护员 grants `crm:customer:update` (27) without view list/detail (28/29).
 * - activeUserWithoutRole: 马晓东 is active but holds no role (WukongCRM refuses to *enable* such a user, 1113,
 *   but role replacement can leave one behind).
 * - inactiveUser: 何雨萱 was added but never logged in (status 2 → inactive).
 * - fieldConflict: 吴磊 holds 华东区销售主管, which hides customer `mobile`, and 客户资料维护员, which may edit it;
 *   the most permissive access wins (reference §6), so the hiding does nothing for him.
 */
export const DEMO_FACTS = {
  liLeiUserId: U.liLei,
  liLeiRoleIds: [R.sales1Manager, R.eastLead],
  liLeiReportsInOtherDepartment: [U.hanMeimei, U.linTao],
  disabledUserWithRoles: U.disabled,
  unusedRoleId: R.marketerCopy,
  identicalRoleIds: [R.marketer, R.marketerCopy],
  editWithoutViewRoleId: R.customerEditor,
  activeUserWithoutRole: U.noRole,
  inactiveUser: U.inactive,
  fieldConflict: { userId: U.shanghaiHead, module: 'customer', field: 'mobile', editRoleId: R.customerEditor, hiddenRoleId: R.eastLead },
  /** Menu `crm:customer:index`. */
  customerListPermissionId: '28',
} as const;

const DEPARTMENTS: ReadonlyArray<readonly [id: string, parentId: string | null, name: string, head: string, fn: DepartmentFunction]> = [
  [D.root, null, '全公司', U.ceo, 'executive'],
  [D.sales1, D.root, '销售一部', U.liLei, 'sales'],
  [D.sales2, D.root, '销售二部', U.sales2Head, 'sales'],
  [D.east, D.root, '华东大区', U.eastHead, 'sales'],
  [D.marketing, D.root, '市场部', U.marketingHead, 'marketing'],
  [D.service, D.root, '客服部', U.serviceHead, 'service'],
  [D.finance, D.root, '财务部', U.financeHead, 'finance'],
  [D.tech, D.root, '技术部', U.techHead, 'tech'],
  [D.shanghai, D.east, '上海办事处', U.shanghaiHead, 'sales'],
];

/** The hand-placed people: [id, name, pinyin, department, manager, title, status, roles]. */
const PEOPLE: ReadonlyArray<readonly [string, string, string, string, string | null, string, UserStatus, readonly string[]]> = [
  [U.admin, '管理员', 'admin', D.root, null, '系统管理员', 'active', [WUKONG_SUPER_ROLE_ID]],
  [U.ceo, '周建国', 'zhoujianguo', D.root, null, '总经理', 'active', [R.salesManager, R.systemSettings]],
  [U.liLei, '李雷', 'lilei', D.sales1, U.ceo, '销售经理', 'active', [R.sales1Manager, R.eastLead]],
  [U.hanMeimei, '韩梅梅', 'hanmeimei', D.east, U.liLei, '销售代表', 'active', [R.seller]],
  [U.linTao, '林涛', 'lintao', D.east, U.liLei, '高级销售代表', 'active', [R.seller]],
  [U.eastHead, '王海峰', 'wanghaifeng', D.east, U.ceo, '区域总监', 'active', [R.eastLead]],
  [U.sales2Head, '张伟', 'zhangwei', D.sales2, U.ceo, '销售经理', 'active', [R.salesManager]],
  [U.marketingHead, '陈思', 'chensi', D.marketing, U.ceo, '市场经理', 'active', [R.marketer, R.seller]],
  [U.serviceHead, '刘洋', 'liuyang', D.service, U.ceo, '客服主管', 'active', [R.seller, R.customerEditor]],
  [U.financeHead, '赵静', 'zhaojing', D.finance, U.ceo, '财务经理', 'active', [R.seller]],
  [U.techHead, '孙浩', 'sunhao', D.tech, U.ceo, '技术总监', 'active', [R.systemSettings, R.projectAdmin]],
  [U.shanghaiHead, '吴磊', 'wulei', D.shanghai, U.eastHead, '办事处主任', 'active', [R.eastLead, R.customerEditor]],
  [U.disabled, '郑凯', 'zhengkai', D.sales1, U.liLei, '销售代表', 'disabled', [R.seller]],
  [U.noRole, '马晓东', 'maxiaodong', D.tech, U.techHead, '软件工程师', 'active', []],
  [U.inactive, '何雨萱', 'heyuxuan', D.service, U.serviceHead, '客服专员', 'inactive', [R.seller]],
];

/** Seeded filler staff per department, reporting to the department head, holding the department's usual roles. */
const FILLERS: ReadonlyArray<readonly [department: string, count: number, roles: readonly string[]]> = [
  [D.sales1, 7, [R.seller]],
  [D.sales2, 9, [R.seller]],
  [D.east, 5, [R.seller]],
  [D.shanghai, 4, [R.seller]],
  [D.marketing, 5, [R.marketer]],
  [D.service, 6, [R.seller]],
  [D.finance, 4, [R.seller]],
  [D.tech, 5, [R.projectAdmin]],
];

/** The built-in demo workspace: 星河科技, 9 departments, 60 people, the 14 seed roles and 5 custom ones. */
export function createDemoSnapshot(catalogue: WukongCatalogue): Snapshot {
  const idOfKey = permissionIdsByKey(catalogue);
  const customRoles = demoRoles(idOfKey);
  const roles = [...catalogue.defaultRoles, ...customRoles];

  const departments: Department[] = DEPARTMENTS.map(([id, parentId, name, head], sort) => ({ id, parentId, name, headUserId: head, sort }));
  const fnOf = new Map(DEPARTMENTS.map(([id, , , , fn]) => [id, fn]));
  const headOf = new Map(DEPARTMENTS.map(([id, , , head]) => [id, head]));

  const users: User[] = PEOPLE.map(([id, name, pinyin, departmentId, managerId, title, status, roleIds], index) => ({
    id,
    login: index === 0 ? 'admin' : loginFor(pinyin, index),
    name,
    departmentId,
    managerId,
    status,
    title,
    roleIds: [...roleIds],
  }));
  const rng = new SeededRandom(DEMO_SEED);
  const names = new UniqueNames();
  for (const [, name] of PEOPLE) names.reserve(name);
  for (const [departmentId, count, roleIds] of FILLERS) {
    for (let k = 0; k < count; k += 1) {
      const index = users.length;
      const person = names.next(rng);
      users.push({
        id: String(Number(WUKONG_SUPER_USER_ID) + index),
        login: loginFor(person.pinyin, index),
        name: person.name,
        departmentId,
        managerId: headOf.get(departmentId) ?? U.ceo,
        status: 'active',
        title: rng.pick(memberTitles(fnOf.get(departmentId) ?? 'sales')),
        roleIds: [...roleIds],
      });
    }
  }

  return {
    schemaVersion: 1,
    source: { kind: 'demo', seed: DEMO_SEED, takenAt: DEMO_TAKEN_AT },
    departments,
    users,
    permissions: [...catalogue.permissions],
    roleGroups: [...catalogue.roleGroups],
    roles,
    fields: [...catalogue.fields],
    fieldRules: demoFieldRules(catalogue, roles),
    superUserIds: [WUKONG_SUPER_USER_ID],
  };
}

function demoRoles(idOf: (keys: readonly string[]) => string[]): Role[] {
  const crm = WUKONG_ROLE_GROUP.crm;
  const role = (id: string, name: string, dataScope: Role['dataScope'], keys: readonly string[]): Role => ({
    id, name, groupId: crm, dataScope, permissionIds: idOf(keys), enabled: true, remark: null, label: null,
  });
  const verbs = (module: string, list: readonly string[]) => list.map((v) => `crm:${module}:${v}`);
  const marketing = [...verbs('marketing', ['save', 'index', 'update', 'delete', 'updateStatus', 'read']), ...verbs('leads', ['save', 'index', 'read']), 'crm:customer:index'];
  return [
    role(R.sales1Manager, '销售一部经理', 2, [
      'crm:customer', ...verbs('customer', ['dealStatus', 'save', 'update', 'index', 'read', 'excelimport', 'excelexport', 'delete', 'transfer', 'putinpool', 'lock', 'teamsave', 'nearbyCustomer']),
      ...verbs('leads', ['save', 'update', 'index', 'read']), ...verbs('contacts', ['save', 'update', 'index', 'read']),
      ...verbs('business', ['save', 'update', 'index', 'read']), ...verbs('contract', ['index', 'read']), ...verbs('followRecord', ['read', 'save', 'update']),
    ]),
    role(R.eastLead, '华东区销售主管', 3, [
      ...verbs('customer', ['save', 'update', 'index', 'read', 'excelexport', 'transfer']), ...verbs('contacts', ['index', 'read']),
      ...verbs('business', ['index', 'read']), 'crm:followRecord:read',
    ]),
    role(R.customerEditor, '客户资料维护员', 1, ['crm:customer:update', 'crm:contacts:update']),
    role(R.marketer, '市场专员', 1, marketing),
    role(R.marketerCopy, '市场专员(1)', 1, marketing),
  ];
}

/** Seed rules for every CRM role (as WukongCRM initialises them), with the demo's deliberate overrides. */
function demoFieldRules(catalogue: WukongCatalogue, roles: readonly Role[]): FieldRule[] {
  const fields = crmFields(catalogue.fields);
  const rules = roles.filter((r) => r.groupId === WUKONG_ROLE_GROUP.crm).flatMap((r) => initialFieldRules(r.id, fields));
  const override = (roleId: string, module: string, field: string, change: Partial<FieldRule>) => {
    const rule = rules.find((r) => r.roleId === roleId && r.module === module && r.field === field);
    if (!rule) throw new Error(`demo: no field rule ${roleId} ${module}.${field}`);
    Object.assign(rule, change);
  };
  const { fieldConflict } = DEMO_FACTS;
  override(fieldConflict.hiddenRoleId, fieldConflict.module, fieldConflict.field, { access: 'hidden' });
  override(fieldConflict.editRoleId, fieldConflict.module, fieldConflict.field, { access: 'edit', mask: 'none' });
  override(R.eastLead, 'customer', 'email', { mask: 'list' });
  override(R.seller, 'contract', 'money', { access: 'read' });
  override(R.marketer, 'customer', 'telephone', { access: 'read' });
  override(R.marketerCopy, 'customer', 'telephone', { access: 'read' });
  return rules;
}

/** Resolve realm paths to menu ids; a path the catalogue lacks is a programming error in the demo. */
function permissionIdsByKey(catalogue: WukongCatalogue): (keys: readonly string[]) => string[] {
  const byKey = new Map<string, string>();
  for (const p of catalogue.permissions) if (!byKey.has(p.key)) byKey.set(p.key, p.id);
  return (keys) =>
    keys.map((key) => {
      const id = byKey.get(key);
      if (!id) throw new Error(`demo: permission ${key} is not in the catalogue`);
      return id;
    });
}
