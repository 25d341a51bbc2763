import { ConnectorError } from '../../connectorError';
import { wukongEndpoints } from '../api';
import type { StepOf } from '../plan/steps';
import type { WukongRole } from '../schemas';
import { readRole, readRoleOrFail, readUser, roleIdsOf, usersWithRole } from './serverReads';
import type { StepContext, StepExecutor } from './stepContext';

/** The role the server created for this step: same type and name, not there when planned, not claimed (§9). */
async function findCreatedRole(step: StepOf<'createRole'>, ctx: StepContext): Promise<WukongRole | undefined> {
  const roles = await ctx.session.call(wukongEndpoints.rolesOfType(step.roleType), ctx.signal);
  const claimed = ctx.ids.claimed();
  return roles.find((r) => r.roleName === step.name && !step.existing.includes(r.roleId) && !claimed.has(r.roleId));
}

export const createRole: StepExecutor<StepOf<'createRole'>> = {
  async probe(step, ctx) {
    const role = await findCreatedRole(step, ctx);
    return role ? { serverId: String(role.roleId) } : null;
  },
  async send(step, ctx) {
    await ctx.session.call(
      wukongEndpoints.addRole({
        roleName: step.name,
        roleType: step.roleType,
        ...(step.label === null ? {} : { label: step.label }),
        ...(step.dataScope === undefined ? {} : { dataType: step.dataScope }),
      }),
      ctx.signal,
    );
    // `add` returns no id (§4.2, §9): find the new role by re-reading its type.
    const role = await findCreatedRole(step, ctx);
    if (!role) throw new ConnectorError('ID_NOT_FOUND', `role "${step.name}" was created but is not listed by getRoleByType/${step.roleType}`, { endpoint: 'POST /adminRole/add' });
    return { serverId: String(role.roleId) };
  },
};

export const renameRole: StepExecutor<StepOf<'renameRole'>> = {
  async probe(step, ctx) {
    const role = await readRoleOrFail(ctx, step.roleType, ctx.ids.server(step.role));
    if (role.roleName === step.name) return { alreadyDone: true };
    // Renamed by someone else since the plan: their name stays.
    if (step.from !== undefined && role.roleName !== step.from) return { alreadyDone: true, changedElsewhere: [role.roleName] };
    return null;
  },
  async send(step, ctx) {
    // `update` runs add()'s uniqueness check, which counts the role itself: an unchanged name answers 1117
    // (§4.2). Re-read first and send only a name that really changes.
    const done = await renameRole.probe(step, ctx);
    if (done) return done;
    await ctx.session.call(wukongEndpoints.updateRole({ roleId: ctx.ids.server(step.role), roleName: step.name, roleType: step.roleType }), ctx.signal);
    return {};
  },
};

function wantsChange(step: StepOf<'setRoleAccess'>, role: WukongRole): boolean {
  const held = new Set([...(role.rules.data ?? []), ...(role.rules.bi ?? [])].map(String));
  return (
    step.grant.some((p) => !held.has(p)) ||
    step.revoke.some((p) => held.has(p)) ||
    (step.dataScope !== undefined && step.dataScope !== role.dataType) ||
    (step.enabled !== undefined && step.enabled !== (role.status !== 0))
  );
}

export const setRoleAccess: StepExecutor<StepOf<'setRoleAccess'>> = {
  async probe(step, ctx) {
    const role = await readRoleOrFail(ctx, step.roleType, ctx.ids.server(step.role));
    return wantsChange(step, role) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    // updateRoleMenu replaces every grant (§4.2): re-read the role right before writing and send
    // server-now ∪ grant − revoke, so a grant someone else made meanwhile survives (ARCHITECTURE §3).
    const roleId = ctx.ids.server(step.role);
    const role = await readRoleOrFail(ctx, step.roleType, roleId);
    if (!wantsChange(step, role)) return { alreadyDone: true };
    const revoke = new Set(step.revoke.map(Number));
    const menuIds = [...new Set([...(role.rules.data ?? []), ...(role.rules.bi ?? []), ...step.grant.map(Number)])].filter((id) => !revoke.has(id));
    // updateById needs a non-null column besides the id (else code 500, nothing applied): send the name and
    // scope the server holds right now (so a concurrent rename is not undone), the draft's scope where it changes.
    await ctx.session.call(
      wukongEndpoints.updateRoleMenu({
        roleId,
        roleName: role.roleName,
        dataType: step.dataScope ?? role.dataType,
        menuIds,
        ...(step.enabled === undefined ? {} : { status: step.enabled ? 1 : 0 }),
      }),
      ctx.signal,
    );
    return {};
  },
};

export const setFieldRules: StepExecutor<StepOf<'setFieldRules'>> = {
  async probe(step, ctx) {
    const rows = await ctx.session.call(wukongEndpoints.roleFields(ctx.ids.server(step.role), step.label), ctx.signal);
    const byName = new Map(rows.map((r) => [r.fieldName, r]));
    return step.cells.every((c) => byName.get(c.field)?.authLevel === c.authLevel && byName.get(c.field)?.maskType === c.maskType) ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    // saveRoleField updates rows matched by id (§6): read them (queryRoleField creates them for a new role)
    // and send back only the rows that change, so other fields edited meanwhile are left alone.
    const roleId = ctx.ids.server(step.role);
    const rows = await ctx.session.call(wukongEndpoints.roleFields(roleId, step.label), ctx.signal);
    const byName = new Map(rows.map((r) => [r.fieldName, r]));
    const elsewhere: string[] = [];
    const changed = step.cells.flatMap((c) => {
      const row = byName.get(c.field);
      if (!row) {
        throw new ConnectorError('WRITE_NOT_APPLIED', `role ${roleId} has no field row ${c.field} for label ${step.label}; saveRoleField cannot create one (§6)`, {
          endpoint: 'POST /crmField/queryRoleField',
        });
      }
      if (row.authLevel === c.authLevel && row.maskType === c.maskType) return [];
      // Someone else set this field since the plan was made: theirs stays.
      if (c.from && (row.authLevel !== c.from.authLevel || row.maskType !== c.from.maskType)) {
        elsewhere.push(c.field);
        return [];
      }
      return [{ ...row, authLevel: c.authLevel, maskType: c.maskType }];
    });
    const noted = elsewhere.length > 0 ? { changedElsewhere: elsewhere } : {};
    // saveRoleField with an empty list is never sent (updateBatchById of nothing).
    if (changed.length === 0) return { alreadyDone: true, ...noted };
    await ctx.session.call(wukongEndpoints.saveRoleField(changed), ctx.signal);
    return noted;
  },
};

export const assignRole: StepExecutor<StepOf<'assignRole'>> = {
  async probe(step, ctx) {
    const holders = await usersWithRole(ctx, ctx.ids.server(step.role));
    return step.userIds.every((u) => holders.has(Number(u))) ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    const roleId = ctx.ids.server(step.role);
    const userIds = step.userIds.map(Number);
    await ctx.session.call(wukongEndpoints.relatedUser(userIds, [roleId]), ctx.signal);
    // relatedUser drops roles the caller may not assign without a word (§4.3): check that it took.
    const holders = await usersWithRole(ctx, roleId);
    const missing = userIds.filter((u) => !holders.has(u));
    if (missing.length > 0) {
      throw new ConnectorError(
        'WRITE_NOT_APPLIED',
        `relatedUser accepted role ${roleId} for ${missing.length} user(s) (${missing.slice(0, 5).join(', ')}) but did not assign it: this account may not assign that role (§4.3)`,
        { endpoint: 'POST /adminRole/relatedUser' },
      );
    }
    return {};
  },
};

export const unassignRole: StepExecutor<StepOf<'unassignRole'>> = {
  async probe(step, ctx) {
    const user = await readUser(ctx, Number(step.userId), step.login);
    return roleIdsOf(user).includes(ctx.ids.server(step.role)) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    // unbindingUser answers 1133 for a user's last role (§4.2); the plan assigns new roles first.
    await ctx.session.call(wukongEndpoints.unbindingUser(Number(step.userId), ctx.ids.server(step.role)), ctx.signal);
    return {};
  },
};

export const deleteRole: StepExecutor<StepOf<'deleteRole'>> = {
  async probe(step, ctx) {
    return (await readRole(ctx, step.roleType, ctx.ids.server(step.role))) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    await ctx.session.call(wukongEndpoints.deleteRole(ctx.ids.server(step.role)), ctx.signal);
    return {};
  },
};
