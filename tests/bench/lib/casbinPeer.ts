import { DefaultRoleManager, newEnforcer, newModelFromString } from 'casbin';
import type { Enforcer } from 'casbin';
import type { Role, Snapshot } from '../../../src-main/common/domain';
import { RECURSION_DEPTH, SUPER_ROLE_ID, SUPER_USER_ID, dataAuth, scopeLevels } from './wukongScope';

/**
 * node-casbin answering WukongCRM's data-scope question the way casbin is meant to be used: the facts live in
 * role managers, the rule in the model, and a handful of policy lines name the scope levels.
 *
 * - `g`  (role manager, levels + 2 deep): user → role → "menu/level" → "menu/next lower level" → … So
 *   `g(u, "m:28/3")` holds exactly when some role of u granting menu 28 has data_type ≥ 3.
 * - `g2` (20 levels, WukongCRM's recursion limit): user → direct manager. `g2(owner, viewer)`: the owner's
 *   manager chain reaches the viewer within 20 steps (it goes round a cycle like `getChildList` does).
 * - `g3` (20 levels): department → parent department (`pid`). `g3(ownerDept, viewerDept)`: the owner's
 *   department is the viewer's or below it within 20 levels; a missing department row is a node with no parent.
 * - Policy lines `p = level, above, scope`, one per raw data_type present (largest first) and one for the super
 *   admin. The max rule is written as a negation: the line for level L applies when u reaches "menu/L" and not
 *   "menu/(the level above L)" — L is the largest. `scope` is `DataAuthEnum.valueOf(L)`.
 *
 * Requests are (viewer, viewer's department, owner, owner's department, menu), the way an application hands casbin
 * the subject's and the record's attributes; the departments come from a map filled once at load.
 */
export const DATA_SCOPE_MODEL = `
[request_definition]
r = sub, subDept, own, ownDept, menu

[policy_definition]
p = level, above, scope

[role_definition]
g = _, _
g2 = _, _
g3 = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = (p.level == "super" && (r.sub == "u:${SUPER_USER_ID}" || g(r.sub, "r:${SUPER_ROLE_ID}"))) || (p.level != "super" && g(r.sub, r.menu + "/" + p.level) && (p.above == "" || !g(r.sub, r.menu + "/" + p.above)) && (r.sub == r.own || p.scope == "5" || (p.scope == "2" && g2(r.own, r.sub)) || (p.scope == "3" && r.subDept == r.ownDept) || (p.scope == "4" && g3(r.ownDept, r.subDept))))
`;

/**
 * The same rule with no policy lines: the levels written into the matcher, so casbin evaluates it once per request
 * instead of once per line. Faster, but it cannot say which line matched, so it answers decisions only.
 */
export function matcherOnlyModel(levels: readonly number[]): string {
  const reach = (scope: number) =>
    scope === 5 ? 'true' : scope === 2 ? 'g2(r.own, r.sub)' : scope === 3 ? 'r.subDept == r.ownDept' : scope === 4 ? 'g3(r.ownDept, r.subDept)' : 'false';
  const parts = levels.map((level, i) =>
    `(g(r.sub, r.menu + "/${level}")${i ? ` && !g(r.sub, r.menu + "/${levels[i - 1]}")` : ''} && (r.sub == r.own || ${reach(dataAuth(level))}))`);
  return DATA_SCOPE_MODEL.replace(/^m = .*$/m, `m = r.sub == "u:${SUPER_USER_ID}" || g(r.sub, "r:${SUPER_ROLE_ID}") || ${parts.join(' || ')}`);
}

export interface CasbinPeer {
  readonly enforcer: Enforcer;
  /** May `viewer` see records owned by `owner` through `menu`? */
  canSee(viewer: string, owner: string, menu: string): boolean;
  /** Effective scope of (user, menu), 0 = no grant: the policy line casbin reports for the user's own records. */
  scopeOf?(user: string, menu: string): number;
  /** Replace one role's data type and grants through casbin's policy API (remove and add grouping lines). */
  updateRole(before: Role, after: Role): Promise<void>;
  /** Grouping lines and policy lines loaded. */
  readonly lines: number;
}

const userNode = (id: string) => `u:${id}`;
const deptNode = (id: string) => `d:${id}`;
const menuNode = (id: string) => `m:${id}`;

function grantLines(role: Role): string[][] {
  const out: string[][] = [];
  for (const menu of new Set(role.permissionIds)) out.push([`r:${role.id}`, `${menuNode(menu)}/${role.dataScope}`]);
  return out;
}

export async function buildCasbinPeer(snapshot: Snapshot, options: { matcherOnly?: boolean } = {}): Promise<CasbinPeer> {
  const levels = scopeLevels(snapshot);
  const enforcer = await newEnforcer(newModelFromString(options.matcherOnly ? matcherOnlyModel(levels) : DATA_SCOPE_MODEL));
  enforcer.setNamedRoleManager('g', new DefaultRoleManager(levels.length + 2));
  enforcer.setNamedRoleManager('g2', new DefaultRoleManager(RECURSION_DEPTH));
  enforcer.setNamedRoleManager('g3', new DefaultRoleManager(RECURSION_DEPTH));

  const policies: string[][] = [['super', '', '5']];
  levels.forEach((level, i) => policies.push([String(level), i === 0 ? '' : String(levels[i - 1]), String(dataAuth(level))]));

  // One batch per table: casbin checks each added line against the table (a linear scan), which is cheap only
  // while the table is empty.
  const g: string[][] = [];
  for (const user of snapshot.users) for (const roleId of new Set(user.roleIds)) g.push([userNode(user.id), `r:${roleId}`]);
  for (const role of snapshot.roles) g.push(...grantLines(role));
  for (const menu of snapshot.permissions) {
    for (let i = 0; i + 1 < levels.length; i++) g.push([`${menuNode(menu.id)}/${levels[i]}`, `${menuNode(menu.id)}/${levels[i + 1]}`]);
  }
  const g2: string[][] = [];
  for (const user of snapshot.users) if (user.managerId !== null) g2.push([userNode(user.id), userNode(user.managerId)]);
  const g3: string[][] = [];
  for (const dept of snapshot.departments) if (dept.parentId !== null) g3.push([deptNode(dept.id), deptNode(dept.parentId)]);

  if (!options.matcherOnly) await enforcer.addPolicies(policies);
  await enforcer.addGroupingPolicies(g);
  if (g2.length) await enforcer.addNamedGroupingPolicies('g2', g2);
  if (g3.length) await enforcer.addNamedGroupingPolicies('g3', g3);

  // The application's directory: user id → (casbin name, department name), filled once.
  const directory = new Map<string, readonly [string, string]>();
  for (const user of snapshot.users) directory.set(user.id, [userNode(user.id), deptNode(user.departmentId)]);
  const entry = (id: string) => {
    const found = directory.get(id);
    if (!found) throw new Error(`casbin peer: unknown user ${id}`);
    return found;
  };

  const scopeOf = (user: string, menu: string) => {
    const [u, ud] = entry(user);
    const [ok, line] = enforcer.enforceExSync(u, ud, u, ud, menuNode(menu));
    return ok ? Number(line[2]) : 0;
  };
  return {
    enforcer,
    lines: (options.matcherOnly ? 0 : policies.length) + g.length + g2.length + g3.length,
    canSee(viewer, owner, menu) {
      const [v, vd] = entry(viewer);
      const [o, od] = entry(owner);
      return enforcer.enforceSync(v, vd, o, od, menuNode(menu));
    },
    ...(options.matcherOnly ? {} : { scopeOf }),
    async updateRole(before, after) {
      const removed = grantLines(before);
      if (removed.length) await enforcer.removeGroupingPolicies(removed);
      const added = grantLines(after);
      if (added.length) await enforcer.addGroupingPolicies(added);
      if (!levels.includes(after.dataScope as number)) throw new Error('casbin peer: a new data_type level needs new policy lines');
    },
  };
}
