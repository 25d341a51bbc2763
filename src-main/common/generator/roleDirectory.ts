import type { Role } from '../domain';
import { WUKONG_ROLE_GROUP, WUKONG_SUPER_ROLE_ID } from '../wukong';
import type { GeneratedRole } from './customRoles';
import type { DepartmentFunction } from './departmentNames';
import type { SeededRandom } from './prng';

/** Seed roles and who they suit (reference §5.6); project-member roles (type 5) are assigned inside projects, not here. */
const DEFAULT_ROLE_AUDIENCE: ReadonlyArray<readonly [roleId: string, audiences: readonly DepartmentFunction[] | '*', senior: boolean | '*']> = [
  ['180163', ['tech'], true], // 系统设置管理员
  ['180164', ['hr'], '*'], // 部门与员工管理员
  ['180165', ['admin'], '*'], // 审批流管理员
  ['180166', ['admin'], '*'], // 工作台管理员
  ['180167', ['sales', 'executive'], true], // 客户管理员
  ['180168', ['admin', 'hr'], '*'], // 公告管理员
  ['180169', ['sales', 'service', 'marketing', 'finance', 'executive'], true], // 销售经理角色
  ['180170', '*', false], // 销售员角色
  ['180171', ['tech'], '*'], // 项目管理员
  ['180175', '*', true], // 上级角色 (HRM superior)
];

const FUNCTIONS: readonly DepartmentFunction[] = ['executive', 'sales', 'service', 'marketing', 'finance', 'tech', 'hr', 'admin', 'supply'];

/** Group ids as plain module constants: the hot loop runs once per person. */
const { crm: CRM, system: SYSTEM, office: OFFICE, project: PROJECT, hrm: HRM, jxc: JXC } = WUKONG_ROLE_GROUP;

/**
 * Role ids by group, audience and seniority, so a person can be handed roles that fit the job. Pools fall back
 * from (group, function, seniority) to (group, seniority) to the whole group.
 */
export class RoleDirectory {
  /** group → function ('*' = any) → [staff pool, senior pool, any-seniority pool]. */
  private readonly pools = new Map<string, Map<DepartmentFunction | '*', [string[], string[], string[]]>>();

  constructor(defaultRoles: readonly Role[], custom: readonly GeneratedRole[]) {
    const groupOf = new Map(defaultRoles.map((r) => [r.id, r.groupId]));
    for (const [roleId, audiences, senior] of DEFAULT_ROLE_AUDIENCE) {
      const groupId = groupOf.get(roleId);
      if (!groupId) continue;
      for (const fn of audiences === '*' ? FUNCTIONS : audiences) {
        for (const s of senior === '*' ? [true, false] : [senior]) this.add(groupId, fn, s, roleId);
      }
    }
    for (const { role, audience, senior } of custom) this.add(role.groupId, audience, senior, role.id);
  }

  private add(groupId: string, fn: DepartmentFunction, senior: boolean, roleId: string): void {
    let byFunction = this.pools.get(groupId);
    if (!byFunction) {
      byFunction = new Map();
      this.pools.set(groupId, byFunction);
    }
    for (const key of [fn, '*'] as const) {
      let entry = byFunction.get(key);
      if (!entry) {
        entry = [[], [], []];
        byFunction.set(key, entry);
      }
      const pool = entry[senior ? 1 : 0];
      if (key === fn || !pool.includes(roleId)) pool.push(roleId);
      if (key === '*' && !entry[2].includes(roleId)) entry[2].push(roleId);
    }
  }

  /** A role of the group for this kind of person, or undefined if the group has none at all. */
  pick(rng: SeededRandom, groupId: string, fn: DepartmentFunction, senior: boolean): string | undefined {
    const byFunction = this.pools.get(groupId);
    if (!byFunction) return undefined;
    const level = senior ? 1 : 0;
    const exact = byFunction.get(fn)?.[level];
    if (exact && exact.length > 0) return rng.pick(exact);
    const any = byFunction.get('*');
    const sameSeniority = any?.[level];
    if (sameSeniority && sameSeniority.length > 0) return rng.pick(sameSeniority);
    return any && any[2].length > 0 ? rng.pick(any[2]) : undefined;
  }

  /**
   * Roles for one person, the way WukongCRM admins hand them out: CRM people get 1–3 CRM roles, back-office
   * people the role of their system plus often the basic CRM role, heads sometimes the HRM superior role,
   * and a few people an administrative system role.
   */
  rolesFor(rng: SeededRandom, fn: DepartmentFunction, senior: boolean): string[] {
    const roles: string[] = [];
    switch (fn) {
      case 'sales':
      case 'service':
      case 'marketing':
      case 'executive':
        addRole(roles, this.pick(rng, CRM, fn, senior));
        if (rng.chance(0.3)) addRole(roles, this.pick(rng, CRM, fn, !senior && rng.chance(0.2)));
        if (rng.chance(0.08)) addRole(roles, this.pick(rng, CRM, 'executive', false));
        if (fn === 'sales' && rng.chance(0.05)) addRole(roles, this.pick(rng, JXC, 'sales', false));
        break;
      case 'finance':
        addRole(roles, this.pick(rng, CRM, fn, senior));
        if (rng.chance(0.25)) addRole(roles, this.pick(rng, JXC, 'finance', senior));
        break;
      case 'tech':
        if (rng.chance(0.5)) addRole(roles, this.pick(rng, PROJECT, fn, senior));
        if (senior && rng.chance(0.2)) addRole(roles, this.pick(rng, SYSTEM, fn, senior));
        if (rng.chance(0.5)) addRole(roles, this.pick(rng, CRM, 'sales', false));
        break;
      case 'hr':
        addRole(roles, this.pick(rng, HRM, fn, senior));
        if (rng.chance(0.15)) addRole(roles, this.pick(rng, OFFICE, fn, senior));
        if (rng.chance(0.2)) addRole(roles, this.pick(rng, SYSTEM, fn, senior));
        if (rng.chance(0.3)) addRole(roles, this.pick(rng, CRM, 'sales', false));
        break;
      case 'admin':
        addRole(roles, this.pick(rng, OFFICE, fn, senior));
        if (rng.chance(0.15)) addRole(roles, this.pick(rng, SYSTEM, fn, senior));
        if (rng.chance(0.4)) addRole(roles, this.pick(rng, CRM, 'sales', false));
        break;
      case 'supply':
        addRole(roles, this.pick(rng, JXC, fn, senior));
        if (rng.chance(0.3)) addRole(roles, this.pick(rng, CRM, 'sales', false));
        break;
    }
    if (senior && rng.chance(0.35)) addRole(roles, this.pick(rng, HRM, fn, true));
    if (rng.chance(0.01)) addRole(roles, this.pick(rng, SYSTEM, fn, senior));
    if (roles.length === 0) addRole(roles, this.pick(rng, CRM, 'sales', false));
    return roles;
  }
}

function addRole(roles: string[], roleId: string | undefined): void {
  if (roleId !== undefined && roleId !== WUKONG_SUPER_ROLE_ID && !roles.includes(roleId)) roles.push(roleId);
}
