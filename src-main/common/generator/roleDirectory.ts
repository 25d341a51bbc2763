import type { Role } from '../domain';
import { WUKONG_ROLE_GROUP, WUKONG_SUPER_ROLE_ID } from '../wukong/constants';
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

/**
 * Role ids by group, audience and seniority, so a person can be handed roles that fit the job. Pools fall back
 * from (group, function, seniority) to (group, seniority) to the whole group.
 */
export class RoleDirectory {
  private readonly pools = new Map<string, string[]>();

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
    for (const key of [`${groupId}|${fn}|${senior}`, `${groupId}|*|${senior}`, `${groupId}|*|*`]) {
      const pool = this.pools.get(key);
      if (pool) pool.push(roleId);
      else this.pools.set(key, [roleId]);
    }
  }

  /** A role of the group for this kind of person, or undefined if the group has none at all. */
  pick(rng: SeededRandom, groupId: string, fn: DepartmentFunction, senior: boolean): string | undefined {
    const pool = this.pools.get(`${groupId}|${fn}|${senior}`) ?? this.pools.get(`${groupId}|*|${senior}`) ?? this.pools.get(`${groupId}|*|*`);
    return pool ? rng.pick(pool) : undefined;
  }

  /**
   * Roles for one person, the way WukongCRM admins hand them out: CRM people get 1–3 CRM roles, back-office
   * people the role of their system plus often the basic CRM role, heads sometimes the HRM superior role,
   * and a few people an administrative system role.
   */
  rolesFor(rng: SeededRandom, fn: DepartmentFunction, senior: boolean): string[] {
    const roles: string[] = [];
    const add = (roleId: string | undefined) => {
      if (roleId !== undefined && roleId !== WUKONG_SUPER_ROLE_ID && !roles.includes(roleId)) roles.push(roleId);
    };
    const { crm, system, office, project, hrm, jxc } = WUKONG_ROLE_GROUP;
    switch (fn) {
      case 'sales':
      case 'service':
      case 'marketing':
      case 'executive':
        add(this.pick(rng, crm, fn, senior));
        if (rng.chance(0.3)) add(this.pick(rng, crm, fn, !senior && rng.chance(0.2)));
        if (rng.chance(0.08)) add(this.pick(rng, crm, 'executive', false));
        if (fn === 'sales' && rng.chance(0.05)) add(this.pick(rng, jxc, 'sales', false));
        break;
      case 'finance':
        add(this.pick(rng, crm, fn, senior));
        if (rng.chance(0.25)) add(this.pick(rng, jxc, 'finance', senior));
        break;
      case 'tech':
        if (rng.chance(0.5)) add(this.pick(rng, project, fn, senior));
        if (rng.chance(0.5)) add(this.pick(rng, crm, 'sales', false));
        break;
      case 'hr':
        add(this.pick(rng, hrm, fn, senior));
        if (rng.chance(0.2)) add(this.pick(rng, system, fn, senior));
        if (rng.chance(0.3)) add(this.pick(rng, crm, 'sales', false));
        break;
      case 'admin':
        add(this.pick(rng, office, fn, senior));
        if (rng.chance(0.15)) add(this.pick(rng, system, fn, senior));
        if (rng.chance(0.4)) add(this.pick(rng, crm, 'sales', false));
        break;
      case 'supply':
        add(this.pick(rng, jxc, fn, senior));
        if (rng.chance(0.3)) add(this.pick(rng, crm, 'sales', false));
        break;
    }
    if (senior && rng.chance(0.35)) add(this.pick(rng, hrm, fn, true));
    if (rng.chance(0.01)) add(this.pick(rng, system, fn, senior));
    if (roles.length === 0) add(this.pick(rng, crm, 'sales', false));
    return roles;
  }
}
