import { ConnectorError } from '../../connectorError';
import { wukongEndpoints } from '../api';
import type { WukongRole, WukongUser } from '../schemas';
import type { StepContext } from './stepContext';

/** Re-reads a push makes right before writing: the server is the truth, not the snapshot (reference §9). */

export async function readRole(ctx: StepContext, roleType: number, roleId: number): Promise<WukongRole | undefined> {
  const roles = await ctx.session.call(wukongEndpoints.rolesOfType(roleType), ctx.signal);
  return roles.find((r) => r.roleId === roleId);
}

export async function readRoleOrFail(ctx: StepContext, roleType: number, roleId: number): Promise<WukongRole> {
  const role = await readRole(ctx, roleType, roleId);
  if (!role) throw new ConnectorError('WRITE_NOT_APPLIED', `role ${roleId} no longer exists on the server`, { endpoint: `POST /adminRole/getRoleByType/${roleType}` });
  return role;
}

/** `queryUserList` filtered by login (LIKE on realname or mobile; the login is the mobile, §3), then by id. */
export async function readUser(ctx: StepContext, userId: number, login: string): Promise<WukongUser> {
  for (let page = 1; ; page++) {
    const answer = await ctx.session.call(wukongEndpoints.userPage(page, 100, { realname: login }), ctx.signal);
    const user = answer.list.find((u) => u.userId === userId);
    if (user) return user;
    if (page >= answer.totalPage) break;
  }
  throw new ConnectorError('WRITE_NOT_APPLIED', `user ${userId} (${login}) was not found on the server`, { endpoint: 'POST /adminUser/queryUserList' });
}

/** Ids of the users holding a role (`queryUserList` with `roleId`, §3), every page. */
export async function usersWithRole(ctx: StepContext, roleId: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let page = 1; ; page++) {
    const answer = await ctx.session.call(wukongEndpoints.userPage(page, 100, { roleId }), ctx.signal);
    for (const u of answer.list) ids.add(u.userId);
    if (page >= answer.totalPage || answer.list.length === 0) return ids;
  }
}

/** Ids of the users whose department is exactly `deptId` (`queryUserList` with `deptId`, no sub-departments, §3). */
export async function usersInDepartment(ctx: StepContext, deptId: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let page = 1; ; page++) {
    const answer = await ctx.session.call(wukongEndpoints.userPage(page, 100, { deptId }), ctx.signal);
    for (const u of answer.list) ids.add(u.userId);
    if (page >= answer.totalPage || answer.list.length === 0) return ids;
  }
}

export function roleIdsOf(user: WukongUser): number[] {
  return (user.roleId ?? '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)).map(Number);
}
