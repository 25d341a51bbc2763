import { ConnectorError } from '../../connectorError';
import { phpEndpoints } from '../api';
import { usesSetParent, type StepOf } from '../plan/steps';
import type { PhpStructure } from '../schemas';
import { readStructures, readUserOrFail, readUsers, roleIdsOf } from './serverReads';
import type { StepContext, StepExecutor } from './stepContext';

/** The department the server created for this step: same parent and name, not there when planned, not claimed. */
async function findCreatedDept(step: StepOf<'createDepartment'>, ctx: StepContext): Promise<PhpStructure | undefined> {
  const parent = ctx.ids.server(step.parent);
  const claimed = ctx.ids.claimed();
  const candidates = (await readStructures(ctx)).filter((d) => d.pid === parent && d.name === step.name && !step.existing.includes(d.id) && !claimed.has(d.id));
  if (candidates.length > 1) {
    throw new ConnectorError('ID_NOT_FOUND', `${candidates.length} new departments named "${step.name}" appeared under ${parent}; cannot tell which one this push created`, {
      endpoint: 'POST /admin/structures/index',
    });
  }
  return candidates[0];
}

export const createDepartment: StepExecutor<StepOf<'createDepartment'>> = {
  async probe(step, ctx) {
    const dept = await findCreatedDept(step, ctx);
    return dept ? { serverId: String(dept.id) } : null;
  },
  async send(step, ctx) {
    const head = step.head === null ? 0 : ctx.ids.server(step.head);
    await ctx.session.call(phpEndpoints.saveStructure({ name: step.name, pid: ctx.ids.server(step.parent), owner_user_id: head }), ctx.signal);
    // structures/save answers 添加成功, not the id (Structures::save): find the new department by re-reading.
    const dept = await findCreatedDept(step, ctx);
    if (!dept) throw new ConnectorError('ID_NOT_FOUND', `department "${step.name}" was created but is not in the department list`, { endpoint: 'POST /admin/structures/save' });
    return { serverId: String(dept.id) };
  },
};

async function readDept(ctx: StepContext, deptId: number): Promise<PhpStructure | undefined> {
  return (await readStructures(ctx)).find((d) => d.id === deptId);
}

export const updateDepartment: StepExecutor<StepOf<'updateDepartment'>> = {
  async probe() {
    return null; // structures/update writes absolute values: sending it again is harmless
  },
  async send(step, ctx) {
    const deptId = ctx.ids.server(step.department);
    const current = await readDept(ctx, deptId);
    if (!current) throw new ConnectorError('WRITE_NOT_APPLIED', `department ${deptId} no longer exists on the server`, { endpoint: 'POST /admin/structures/index' });
    const asServer = (id: string | null) => (id === null ? 0 : ctx.ids.server(id));
    // A field someone else changed since the plan keeps their value (compared with what the plan was made on).
    const elsewhere: string[] = [];
    const pick = <T>(wanted: T | undefined, held: T, planned: T | undefined, what: string): T => {
      if (wanted === undefined || wanted === held) return held;
      if (planned !== undefined && planned !== held) {
        elsewhere.push(what);
        return held;
      }
      return wanted;
    };
    const pid = pick(step.parent === undefined ? undefined : ctx.ids.server(step.parent), current.pid, step.from ? asServer(step.from.parent) : undefined, 'parent');
    const name = pick(step.name, current.name, step.from?.name, 'name');
    const owner = pick(step.head === undefined ? undefined : asServer(step.head), current.owner_user_id, step.from ? asServer(step.from.head) : undefined, 'head');
    const noted = elsewhere.length > 0 ? { changedElsewhere: elsewhere } : {};
    if (pid === current.pid && name === current.name && owner === current.owner_user_id) return { alreadyDone: true, ...noted };
    // `name` is required (validate/AdminStructure.php); the other columns are written only when sent.
    await ctx.session.call(
      phpEndpoints.updateStructure({
        id: deptId,
        name,
        ...(pid === current.pid ? {} : { pid }),
        ...(owner === current.owner_user_id ? {} : { owner_user_id: owner }),
      }),
      ctx.signal,
    );
    return noted;
  },
};

export const deleteDepartment: StepExecutor<StepOf<'deleteDepartment'>> = {
  async probe(step, ctx) {
    return (await readDept(ctx, ctx.ids.server(step.department))) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    // A second delete answers 删除失败: look first.
    const done = await deleteDepartment.probe(step, ctx);
    if (done) return done;
    await ctx.session.call(phpEndpoints.deleteStructure(ctx.ids.server(step.department)), ctx.signal);
    return {};
  },
};

export const moveUsers: StepExecutor<StepOf<'moveUsers'>> = {
  async probe(step, ctx) {
    const target = ctx.ids.server(step.department);
    const users = await readUsers(ctx);
    return step.userIds.every((u) => users.get(Number(u))?.structure_id === target) ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    // Re-read before writing: someone another admin moved elsewhere since the plan (or since a crash) is left where
    // they put them; those already in the department are not sent (setUserDept fails when its last UPDATE
    // changes no row, User::setUserDept).
    const target = ctx.ids.server(step.department);
    if (!(await readDept(ctx, target))) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `department ${target} no longer exists on the server: nobody can be moved into it`, { endpoint: 'POST /admin/structures/index' });
    }
    const users = await readUsers(ctx);
    const elsewhere: string[] = [];
    const toMove: number[] = [];
    for (const u of step.userIds) {
      const user = users.get(Number(u));
      if (!user) {
        elsewhere.push(u);
        continue;
      }
      if (user.structure_id === target) continue;
      const from = step.from?.[u];
      // A user without a department (structure_id 0) is shown in the top one: they may be moved from there.
      if (from !== undefined && from !== null && user.structure_id !== 0 && user.structure_id !== ctx.ids.server(from)) {
        elsewhere.push(u);
        continue;
      }
      toMove.push(user.id);
    }
    const noted = elsewhere.length > 0 ? { changedElsewhere: elsewhere } : {};
    if (toMove.length === 0) return { alreadyDone: true, ...noted };
    await ctx.session.call(phpEndpoints.setUserDept(toMove, target), ctx.signal);
    return noted;
  },
};

export const setManager: StepExecutor<StepOf<'setManager'>> = {
  async probe() {
    return null; // recomputed from a re-read each time
  },
  async send(step, ctx) {
    const userId = Number(step.userId);
    const user = await readUserOrFail(ctx, userId);
    const parentId = step.manager === null ? 0 : ctx.ids.server(step.manager);
    if (user.parent_id === parentId) return { alreadyDone: true };
    // Another admin gave them a different superior since the plan: theirs stays.
    if (step.from !== undefined && user.parent_id !== (step.from === null ? 0 : ctx.ids.server(step.from))) return { alreadyDone: true, changedElsewhere: [step.userId] };
    if (usesSetParent(step)) {
      // Only parent_id changes (Users::setParent); it refuses loops (直属上级不能是自己下属).
      await ctx.session.call(phpEndpoints.setParent([userId], parentId), ctx.signal);
      return {};
    }
    // users/update requires group_id and REPLACES the roles with it (User::updateDataById → Access::userGroup
    // 'update'): send back exactly what the server holds, read a moment ago, then check nothing was lost.
    const roles = roleIdsOf(user);
    if (roles.length === 0) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `user ${userId} holds no role, and users/update refuses a user without one (请至少勾选一个用户组)`, {
        endpoint: 'POST /admin/users/update',
      });
    }
    await ctx.session.call(phpEndpoints.updateUser({ id: userId, parent_id: parentId, group_id: roles }), ctx.signal);
    const after = await readUserOrFail(ctx, userId);
    const lost = roles.filter((r) => !roleIdsOf(after).includes(r));
    if (after.parent_id !== parentId || lost.length > 0) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `users/update answered success but user ${userId} has superior ${after.parent_id}${lost.length ? ` and lost roles ${lost.join(', ')}` : ''}`, {
        endpoint: 'POST /admin/users/update',
      });
    }
    return {};
  },
};

export const setUserStatus: StepExecutor<StepOf<'setUserStatus'>> = {
  async probe() {
    return null; // absolute status: idempotent
  },
  async send(step, ctx) {
    const status = step.status === 'active' ? 1 : step.status === 'disabled' ? 0 : 2;
    // Users::enables silently drops user 1 for status 0 (and answers 参数错误 if nobody is left); the plan never
    // disables user 1 (SUPER_ADMIN_DISABLE).
    await ctx.session.call(phpEndpoints.enableUsers(step.userIds.map(Number), status), ctx.signal);
    return {};
  },
};
