import { ConnectorError } from '../../connectorError';
import { phpEndpoints } from '../api';
import type { StepOf } from '../plan/steps';
import type { PhpUser } from '../schemas';
import { readRole, readRoleOrFail, readRoles, readUsers, roleIdsOf, type ServerRole } from './serverReads';
import type { StepContext, StepExecutor } from './stepContext';

/**
 * The role the server created for this step: same category and title, not there when planned, not claimed. Titles
 * are not unique on the PHP edition (Group::createData checks nothing), so two candidates cannot be told apart.
 */
async function findCreatedRole(step: StepOf<'createRole'>, ctx: StepContext): Promise<ServerRole | undefined> {
  const claimed = ctx.ids.claimed();
  const candidates = (await readRoles(ctx)).filter((r) => r.category === step.category && r.title === step.name && !step.existing.includes(r.id) && !claimed.has(r.id));
  if (candidates.length > 1) {
    throw new ConnectorError('ID_NOT_FOUND', `${candidates.length} new roles titled "${step.name}" appeared in category ${step.category}; cannot tell which one this push created`, {
      endpoint: 'POST /admin/groups/index',
    });
  }
  return candidates[0];
}

export const createRole: StepExecutor<StepOf<'createRole'>> = {
  async probe(step, ctx) {
    const role = await findCreatedRole(step, ctx);
    return role ? { serverId: String(role.id) } : null;
  },
  async send(step, ctx) {
    await ctx.session.call(
      phpEndpoints.saveGroup({ title: step.name, pid: step.category, type: step.dataScope, ...(step.remark ? { remark: step.remark } : {}) }),
      ctx.signal,
    );
    // groups/save answers {"data":1}, not the id (Groups::save): find the new role by re-reading.
    const role = await findCreatedRole(step, ctx);
    if (!role) throw new ConnectorError('ID_NOT_FOUND', `role "${step.name}" was created but is not listed in category ${step.category}`, { endpoint: 'POST /admin/groups/save' });
    return { serverId: String(role.id) };
  },
};

export const renameRole: StepExecutor<StepOf<'renameRole'>> = {
  async probe(step, ctx) {
    const role = await readRoleOrFail(ctx, ctx.ids.server(step.role));
    if (role.title === step.name) return { alreadyDone: true };
    // Renamed by someone else since the plan: their title stays.
    if (step.from !== undefined && role.title !== step.from) return { alreadyDone: true, changedElsewhere: [role.title] };
    return null;
  },
  async send(step, ctx) {
    const done = await renameRole.probe(step, ctx);
    if (done) return done;
    const roleId = ctx.ids.server(step.role);
    // With a non-empty title, update drops `rules` (Group.php updateDataById): only the title changes.
    await ctx.session.call(phpEndpoints.renameGroup(roleId, step.name), ctx.signal);
    // groups/update answers 编辑成功 whatever happened (Groups::update ignores updateDataById's result): look.
    const after = await readRoleOrFail(ctx, roleId);
    if (after.title !== step.name) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `groups/update answered success but role ${roleId} is still titled "${after.title}"`, { endpoint: 'POST /admin/groups/update' });
    }
    return {};
  },
};

function wantsChange(step: StepOf<'setRoleAccess'>, role: ServerRole): boolean {
  const held = new Set(role.ruleIds);
  return step.grant.some((p) => !held.has(p)) || step.revoke.some((p) => held.has(p)) || (step.dataScope !== undefined && step.dataScope !== role.type);
}

export const setRoleAccess: StepExecutor<StepOf<'setRoleAccess'>> = {
  async probe(step, ctx) {
    const role = await readRoleOrFail(ctx, ctx.ids.server(step.role));
    return wantsChange(step, role) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    // groups/update replaces the rules (Group.php updateDataById): re-read right before writing and send
    // server-now ∪ grant − revoke, so a grant someone else made meanwhile survives. No title, ever: with one the
    // rules would be ignored. The server adds the parents of what it is given; the plan already holds them.
    const roleId = ctx.ids.server(step.role);
    const role = await readRoleOrFail(ctx, roleId);
    if (!wantsChange(step, role)) return { alreadyDone: true };
    const revoke = new Set(step.revoke);
    const rules = [...new Set([...role.ruleIds, ...step.grant])].filter((id) => !revoke.has(id));
    await ctx.session.call(phpEndpoints.setGroupRules(roleId, rules, step.dataScope), ctx.signal);
    const after = await readRoleOrFail(ctx, roleId);
    if (wantsChange(step, after)) {
      const held = new Set(after.ruleIds);
      const missing = step.grant.filter((p) => !held.has(p));
      const kept = step.revoke.filter((p) => held.has(p));
      throw new ConnectorError(
        'WRITE_NOT_APPLIED',
        `groups/update answered success but role ${roleId} ${[
          missing.length ? `lacks ${missing.join(', ')}` : '',
          kept.length ? `still holds ${kept.join(', ')}` : '',
          step.dataScope !== undefined && after.type !== step.dataScope ? `has data scope ${after.type}` : '',
        ]
          .filter(Boolean)
          .join('; ')}`,
        { endpoint: 'POST /admin/groups/update' },
      );
    }
    return {};
  },
};

export const setRoleStatus: StepExecutor<StepOf<'setRoleStatus'>> = {
  async probe(step, ctx) {
    const role = await readRoleOrFail(ctx, ctx.ids.server(step.role));
    return (role.status !== 0) === step.enabled ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    const done = await setRoleStatus.probe(step, ctx);
    if (done) return done;
    await ctx.session.call(phpEndpoints.enableGroup(ctx.ids.server(step.role), step.enabled ? 1 : 0), ctx.signal);
    return {};
  },
};

export const deleteRole: StepExecutor<StepOf<'deleteRole'>> = {
  async probe(step, ctx) {
    return (await readRole(ctx, ctx.ids.server(step.role))) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    // A second delete answers 参数错误: look first.
    const done = await deleteRole.probe(step, ctx);
    if (done) return done;
    await ctx.session.call(phpEndpoints.deleteGroup(ctx.ids.server(step.role)), ctx.signal);
    return {};
  },
};

function holds(users: ReadonlyMap<number, PhpUser>, userId: number, roleId: number): boolean {
  const user = users.get(userId);
  return user !== undefined && roleIdsOf(user).includes(roleId);
}

export const assignRole: StepExecutor<StepOf<'assignRole'>> = {
  async probe(step, ctx) {
    const roleId = ctx.ids.server(step.role);
    const users = await readUsers(ctx);
    return step.userIds.every((u) => holds(users, Number(u), roleId)) ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    const roleId = ctx.ids.server(step.role);
    const users = await readUsers(ctx);
    // users/groups with an id that is not a user answers HTTP 500 after inserting the access row (OBSERVED §6.6):
    // send only people who still exist and do not hold the role yet.
    const gone = step.userIds.filter((u) => !users.has(Number(u)));
    const pending = step.userIds.map(Number).filter((u) => users.has(u) && !holds(users, u, roleId));
    const noted = gone.length > 0 ? { changedElsewhere: gone } : {};
    if (pending.length === 0) return { alreadyDone: true, ...noted };
    await ctx.session.call(phpEndpoints.addUserGroups(pending, [roleId]), ctx.signal);
    const after = await readUsers(ctx);
    const missing = pending.filter((u) => !holds(after, u, roleId));
    if (missing.length > 0) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `users/groups answered success but ${missing.length} user(s) (${missing.slice(0, 5).join(', ')}) do not hold role ${roleId}`, {
        endpoint: 'POST /admin/users/groups',
      });
    }
    return noted;
  },
};

export const unassignRole: StepExecutor<StepOf<'unassignRole'>> = {
  async probe(step, ctx) {
    const user = (await readUsers(ctx)).get(Number(step.userId));
    if (!user) return { alreadyDone: true, changedElsewhere: [step.userId] };
    return roleIdsOf(user).includes(ctx.ids.server(step.role)) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    // A second groupsDel answers 操作失败，请重试: look first. It refuses a user's only access row
    // (员工至少保留一个角色！); the plan assigns the new roles first.
    const done = await unassignRole.probe(step, ctx);
    if (done) return done;
    await ctx.session.call(phpEndpoints.removeUserGroup(Number(step.userId), ctx.ids.server(step.role)), ctx.signal);
    return {};
  },
};
