import { newEnforcer, newModelFromString } from 'casbin';
import type { Enforcer } from 'casbin';
import type { Snapshot } from '../../../src-main/common/domain';

/** Plain RBAC: a user holds a permission when one of their roles has a policy line for it. */
export const RBAC_MODEL = `
[request_definition]
r = sub, obj

[policy_definition]
p = sub, obj

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.obj == p.obj && g(r.sub, p.sub)
`;

const SUPER_ROLE = 'role:*super*';

/**
 * The same snapshot as casbin policies, loaded in memory: one `p` line per (role, granted permission), one
 * `g` line per (user, role). WukongCRM's super admin (role remark `admin`, or a super user id) holds every
 * permission, so it becomes a role with a line for every permission — the same answers, no custom matcher.
 */
export async function buildCasbinPeer(snapshot: Snapshot): Promise<Enforcer> {
  const enforcer = await newEnforcer(newModelFromString(RBAC_MODEL));
  const policies: string[][] = [];
  for (const role of snapshot.roles) for (const p of new Set(role.permissionIds)) policies.push([`role:${role.id}`, p]);
  for (const p of snapshot.permissions) policies.push([SUPER_ROLE, p.id]);
  const adminRoles = new Set(snapshot.roles.filter((r) => r.remark === 'admin').map((r) => r.id));
  const superUsers = new Set(snapshot.superUserIds);
  const groupings: string[][] = [];
  for (const user of snapshot.users) {
    const held = new Set(user.roleIds);
    for (const roleId of held) groupings.push([`user:${user.id}`, `role:${roleId}`]);
    if (superUsers.has(user.id) || [...held].some((r) => adminRoles.has(r))) groupings.push([`user:${user.id}`, SUPER_ROLE]);
  }
  await enforcer.addPolicies(policies);
  await enforcer.addGroupingPolicies(groupings);
  return enforcer;
}

export function casbinHolds(enforcer: Enforcer, userId: string, permissionId: string): boolean {
  return enforcer.enforceSync(`user:${userId}`, permissionId);
}
