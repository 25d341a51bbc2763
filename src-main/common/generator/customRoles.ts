import type { DataScope, Role } from '../domain';
import { WUKONG_ROLE_GROUP } from '../wukong';
import type { DepartmentFunction } from './departmentNames';
import { actionsAt, type GrantLevel, type GroupGrantCatalogue } from './grantCatalogue';
import type { SeededRandom } from './prng';

/** A generated role and who it is meant for, so people can be given roles that fit their job. */
export interface GeneratedRole {
  role: Role;
  audience: DepartmentFunction;
  senior: boolean;
}

interface RoleTemplate {
  title: string;
  audience: DepartmentFunction;
  senior: boolean;
  scopes: readonly DataScope[];
}

/** Custom roles admins typically add per role type; CRM titles get a regional prefix such as 华东区. */
const TEMPLATES: Readonly<Record<string, readonly RoleTemplate[]>> = {
  [WUKONG_ROLE_GROUP.crm]: [
    { title: '销售主管', audience: 'sales', senior: true, scopes: [2, 3, 4] },
    { title: '销售总监', audience: 'sales', senior: true, scopes: [4, 5] },
    { title: '销售专员', audience: 'sales', senior: false, scopes: [1] },
    { title: '大客户经理', audience: 'sales', senior: false, scopes: [1, 2] },
    { title: '渠道经理', audience: 'sales', senior: true, scopes: [2, 3] },
    { title: '电销专员', audience: 'sales', senior: false, scopes: [1] },
    { title: '客服专员', audience: 'service', senior: false, scopes: [1, 3] },
    { title: '客服主管', audience: 'service', senior: true, scopes: [3, 4] },
    { title: '市场专员', audience: 'marketing', senior: false, scopes: [1, 3] },
    { title: '市场经理', audience: 'marketing', senior: true, scopes: [3, 4] },
    { title: '回款专员', audience: 'finance', senior: false, scopes: [3, 5] },
    { title: '财务审核', audience: 'finance', senior: true, scopes: [5] },
    { title: '合同管理员', audience: 'finance', senior: false, scopes: [4, 5] },
    { title: '数据分析员', audience: 'executive', senior: false, scopes: [5] },
  ],
  [WUKONG_ROLE_GROUP.system]: [
    { title: '系统运维管理员', audience: 'tech', senior: true, scopes: [5] },
    { title: '组织架构管理员', audience: 'hr', senior: false, scopes: [5] },
    { title: '审批流配置员', audience: 'admin', senior: false, scopes: [5] },
    { title: '日志审计员', audience: 'finance', senior: false, scopes: [5] },
  ],
  [WUKONG_ROLE_GROUP.office]: [
    { title: '公告发布员', audience: 'admin', senior: false, scopes: [5] },
    { title: '通讯录管理员', audience: 'hr', senior: false, scopes: [5] },
  ],
  [WUKONG_ROLE_GROUP.project]: [
    { title: '项目经理', audience: 'tech', senior: true, scopes: [5] },
    { title: 'PMO专员', audience: 'tech', senior: false, scopes: [5] },
  ],
  [WUKONG_ROLE_GROUP.hrm]: [
    { title: '招聘专员', audience: 'hr', senior: false, scopes: [1, 3] },
    { title: '薪酬专员', audience: 'hr', senior: false, scopes: [4, 5] },
    { title: 'HR业务伙伴', audience: 'hr', senior: false, scopes: [3, 4] },
    { title: '人事主管', audience: 'hr', senior: true, scopes: [4, 5] },
  ],
  [WUKONG_ROLE_GROUP.jxc]: [
    { title: '仓库管理员', audience: 'supply', senior: false, scopes: [3, 5] },
    { title: '采购专员', audience: 'supply', senior: false, scopes: [1, 2] },
    { title: '库存会计', audience: 'finance', senior: false, scopes: [5] },
    { title: '销售订单专员', audience: 'sales', senior: false, scopes: [1, 3] },
    { title: '供应链主管', audience: 'supply', senior: true, scopes: [4, 5] },
  ],
};

/** How often each role type gets a custom role (project-member roles are WukongCRM type 6, not modelled). */
const GROUP_SHARE: ReadonlyArray<readonly [string, number]> = [
  [WUKONG_ROLE_GROUP.crm, 62],
  [WUKONG_ROLE_GROUP.system, 6],
  [WUKONG_ROLE_GROUP.office, 3],
  [WUKONG_ROLE_GROUP.project, 6],
  [WUKONG_ROLE_GROUP.hrm, 12],
  [WUKONG_ROLE_GROUP.jxc, 11],
];

/** Which CRM modules each audience works in, at what level; seniors get one level more on most of them. */
const CRM_PROFILE: Readonly<Record<DepartmentFunction, Readonly<Record<string, GrantLevel>>>> = {
  sales: {
    'crm:leads': 'standard', 'crm:customer': 'standard', 'crm:contacts': 'standard', 'crm:business': 'standard',
    'crm:contract': 'standard', 'crm:followRecord': 'standard', 'crm:receivables': 'read', 'crm:product': 'read',
    'bi:achievement': 'read', 'bi:business': 'read', 'bi:ranking': 'read',
  },
  service: {
    'crm:customer': 'read', 'crm:contacts': 'standard', 'crm:visit': 'full', 'crm:followRecord': 'standard',
    'crm:outwork': 'full', 'crm:leads': 'read',
  },
  marketing: { 'crm:marketing': 'full', 'crm:leads': 'standard', 'crm:customer': 'read', 'bi:portrait': 'read', 'bi:customer': 'read' },
  finance: {
    'crm:contract': 'read', 'crm:receivables': 'full', 'crm:receivablesPlan': 'full', 'crm:invoice': 'full',
    'crm:customer': 'read', 'crm:product': 'read', 'bi:contract': 'read',
  },
  executive: {
    'crm:leads': 'read', 'crm:customer': 'read', 'crm:contacts': 'read', 'crm:business': 'read', 'crm:contract': 'read',
    'crm:receivables': 'read', 'bi:achievement': 'read', 'bi:business': 'read', 'bi:customer': 'read', 'bi:contract': 'read',
    'bi:product': 'read', 'bi:portrait': 'read', 'bi:ranking': 'read',
  },
  tech: {},
  hr: {},
  admin: {},
  supply: {},
};

const BUMP: Readonly<Record<GrantLevel, GrantLevel>> = { read: 'standard', standard: 'full', full: 'full' };

export interface CustomRoleOptions {
  count: number;
  /** First role id; WukongCRM continues its auto-increment after the seed roles (180175). */
  firstId: number;
  /** Regional prefixes for role names (华东区, 上海分公司); may be empty. */
  regionPrefixes: readonly string[];
  /** Names already used per group (the default roles), so custom names stay unique (error 1117, reference §4.2). */
  takenNames: ReadonlyMap<string, ReadonlySet<string>>;
}

export function generateCustomRoles(rng: SeededRandom, catalogues: ReadonlyMap<string, GroupGrantCatalogue>, options: CustomRoleOptions): GeneratedRole[] {
  const names = new Map<string, Set<string>>();
  for (const [group, taken] of options.takenNames) names.set(group, new Set(taken));
  const out: GeneratedRole[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const groupId = rng.weighted(GROUP_SHARE);
    const template = rng.pick(TEMPLATES[groupId] ?? []);
    const catalogue = catalogues.get(groupId);
    if (!catalogue) throw new Error(`role group ${groupId} has no catalogue`);
    const usedNames = names.get(groupId) ?? new Set<string>();
    names.set(groupId, usedNames);
    const name = uniqueRoleName(rng, template.title, groupId === WUKONG_ROLE_GROUP.crm, options.regionPrefixes, usedNames);
    out.push({
      role: {
        id: String(options.firstId + i),
        name,
        groupId,
        dataScope: rng.pick(template.scopes),
        permissionIds: drawGrants(rng, catalogue, template),
        enabled: rng.chance(0.96),
        remark: null,
        label: null,
      },
      audience: template.audience,
      senior: template.senior,
    });
  }
  return out;
}

/**
 * A role name not yet used in its group. CRM roles usually carry a regional prefix (华东区销售主管); other roles
 * are plain (薪酬专员) until taken, then regional (华南区薪酬专员); only then numbered, as WukongCRM's copy does.
 */
function uniqueRoleName(rng: SeededRandom, title: string, regional: boolean, prefixes: readonly string[], used: Set<string>): string {
  const candidates: string[] = [];
  if (!regional || prefixes.length === 0 || rng.chance(0.3)) candidates.push(title);
  for (let k = 0; k < 6 && prefixes.length > 0; k += 1) candidates.push(`${rng.pick(prefixes)}${title}`);
  candidates.push(title);
  for (const candidate of candidates) {
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  const base = candidates[candidates.length - 2] ?? title;
  for (let n = 2; ; n += 1) {
    if (!used.has(`${base}${n}`)) {
      used.add(`${base}${n}`);
      return `${base}${n}`;
    }
  }
}

/** Grants for a role: its audience's CRM profile, or a few random modules for the other role types. */
function drawGrants(rng: SeededRandom, catalogue: GroupGrantCatalogue, template: RoleTemplate): string[] {
  const plan = new Map<string, GrantLevel>();
  const profile = catalogue.groupId === WUKONG_ROLE_GROUP.crm ? CRM_PROFILE[template.audience] : {};
  for (const [key, level] of Object.entries(profile)) {
    if (rng.chance(0.1)) continue; // admins rarely tick the textbook set exactly
    plan.set(key, template.senior && rng.chance(0.6) ? BUMP[level] : level);
  }
  if (plan.size === 0) {
    const wanted = Math.min(catalogue.modules.length, rng.int(1, 4));
    for (let k = 0; k < wanted * 3 && plan.size < wanted; k += 1) {
      const module = rng.pick(catalogue.modules);
      plan.set(module.key, rng.weighted<GrantLevel>([['read', 3], ['standard', 3], ['full', template.senior ? 4 : 1]]));
    }
  }
  const granted: string[] = [];
  for (const [key, level] of plan) {
    const module = catalogue.moduleByKey.get(key);
    if (!module) continue;
    const actions = actionsAt(module, level);
    // The WukongCRM UI sends a directory id only when every action under it is ticked (reference §5.2).
    if (actions.length === module.actions.length) granted.push(module.directoryId);
    granted.push(...actions);
  }
  return granted;
}
