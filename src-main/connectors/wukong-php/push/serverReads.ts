import { ConnectorError } from '../../connectorError';
import { phpEndpoints } from '../api';
import { splitIds, type PhpGroup, type PhpStructure, type PhpUser } from '../schemas';
import type { StepContext } from './stepContext';

/**
 * Re-reads a push makes right before writing: the server is the truth, not the snapshot. There is no single-role
 * or single-department read (`groups/read` has no route, OBSERVED §3.5), so each reads its whole list.
 */

export interface ServerRole extends PhpGroup {
  /** The category it is listed in (1 / 2 / 6 / 9). */
  category: number;
  /** The stored rule ids, as written (unknown and other-category ids included: they are sent back as they are). */
  ruleIds: string[];
}

export async function readRoles(ctx: StepContext): Promise<ServerRole[]> {
  const tree = await ctx.session.call(phpEndpoints.groupTree(), ctx.signal);
  return tree.flatMap((c) => c.list.map((g) => ({ ...g, category: c.pid, ruleIds: splitIds(g.rules) })));
}

export async function readRole(ctx: StepContext, roleId: number): Promise<ServerRole | undefined> {
  return (await readRoles(ctx)).find((r) => r.id === roleId);
}

export async function readRoleOrFail(ctx: StepContext, roleId: number): Promise<ServerRole> {
  const role = await readRole(ctx, roleId);
  if (!role) throw new ConnectorError('WRITE_NOT_APPLIED', `role ${roleId} no longer exists on the server`, { endpoint: 'POST /admin/groups/index' });
  return role;
}

export async function readStructures(ctx: StepContext): Promise<PhpStructure[]> {
  return ctx.session.call(phpEndpoints.structures(), ctx.signal);
}

export async function readUsers(ctx: StepContext): Promise<Map<number, PhpUser>> {
  const page = await ctx.session.call(phpEndpoints.users(), ctx.signal);
  return new Map(page.list.map((u) => [u.id, u]));
}

export async function readUserOrFail(ctx: StepContext, userId: number): Promise<PhpUser> {
  const user = (await readUsers(ctx)).get(userId);
  if (!user) throw new ConnectorError('WRITE_NOT_APPLIED', `user ${userId} was not found on the server`, { endpoint: 'POST /admin/users/index' });
  return user;
}

/** The ids of the roles a user holds (users/index `groupids`: roles that still exist). */
export function roleIdsOf(user: PhpUser): number[] {
  return splitIds(user.groupids).filter((s) => /^\d+$/.test(s)).map(Number);
}
