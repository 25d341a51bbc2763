import { ConnectorError } from '../../connectorError';
import { wukongEndpoints } from '../api';
import type { StepOf } from '../plan/steps';
import type { WukongDept } from '../schemas';
import { readUser, roleIdsOf } from './serverReads';
import type { StepContext, StepExecutor } from './stepContext';

/** The department the server created for this step: same parent and name, not there when planned, not claimed. */
async function findCreatedDept(step: StepOf<'createDepartment'>, ctx: StepContext): Promise<WukongDept | undefined> {
  const depts = await ctx.session.call(wukongEndpoints.deptList(), ctx.signal);
  const parent = ctx.ids.server(step.parent);
  const claimed = ctx.ids.claimed();
  const candidates = depts.filter((d) => d.pid === parent && d.name === step.name && !step.existing.includes(d.deptId) && !claimed.has(d.deptId));
  if (candidates.length > 1) {
    throw new ConnectorError('ID_NOT_FOUND', `${candidates.length} new departments named "${step.name}" appeared under ${parent}; cannot tell which one this push created`, {
      endpoint: 'POST /adminDept/queryDeptTree',
    });
  }
  return candidates[0];
}

export const createDepartment: StepExecutor<StepOf<'createDepartment'>> = {
  async probe(step, ctx) {
    const dept = await findCreatedDept(step, ctx);
    return dept ? { serverId: String(dept.deptId) } : null;
  },
  async send(step, ctx) {
    const head = step.head === null ? null : ctx.ids.server(step.head);
    await ctx.session.call(wukongEndpoints.addDept({ pid: ctx.ids.server(step.parent), name: step.name, ...(head === null ? {} : { ownerUserId: head }) }), ctx.signal);
    // addDept returns no id (§2, §9): find the new department by re-reading the tree.
    const dept = await findCreatedDept(step, ctx);
    if (!dept) throw new ConnectorError('ID_NOT_FOUND', `department "${step.name}" was created but is not in the department list`, { endpoint: 'POST /adminDept/addDept' });
    return { serverId: String(dept.deptId) };
  },
};

async function readDept(ctx: StepContext, deptId: number): Promise<WukongDept | undefined> {
  return (await ctx.session.call(wukongEndpoints.deptList(), ctx.signal)).find((d) => d.deptId === deptId);
}

export const updateDepartment: StepExecutor<StepOf<'updateDepartment'>> = {
  async probe() {
    return null; // setDept writes absolute values: sending it again is harmless
  },
  async send(step, ctx) {
    // setDept writes name, pid and owner together (a missing owner clears it, §2): re-read and change only
    // what the draft changes.
    const deptId = ctx.ids.server(step.department);
    const current = await readDept(ctx, deptId);
    if (!current) throw new ConnectorError('WRITE_NOT_APPLIED', `department ${deptId} no longer exists on the server`, { endpoint: 'POST /adminDept/queryDeptTree' });
    const pid = step.parent === undefined ? current.pid : ctx.ids.server(step.parent);
    const name = step.name ?? current.name;
    const owner = step.head === undefined ? (current.ownerUserId ?? null) : step.head === null ? null : ctx.ids.server(step.head);
    if (pid === current.pid && name === current.name && owner === (current.ownerUserId ?? null)) return { alreadyDone: true };
    await ctx.session.call(wukongEndpoints.setDept({ deptId, pid, name, ownerUserId: owner }), ctx.signal);
    return {};
  },
};

export const deleteDepartment: StepExecutor<StepOf<'deleteDepartment'>> = {
  async probe(step, ctx) {
    return (await readDept(ctx, ctx.ids.server(step.department))) ? null : { alreadyDone: true };
  },
  async send(step, ctx) {
    await ctx.session.call(wukongEndpoints.deleteDept(ctx.ids.server(step.department)), ctx.signal);
    return {};
  },
};

export const moveUsers: StepExecutor<StepOf<'moveUsers'>> = {
  async probe() {
    return null; // setUserDept sets an absolute department: idempotent
  },
  async send(step, ctx) {
    await ctx.session.call(wukongEndpoints.setUserDept(ctx.ids.server(step.department), step.userIds.map(Number)), ctx.signal);
    return {};
  },
};

export const setManager: StepExecutor<StepOf<'setManager'>> = {
  async probe() {
    return null; // recomputed from a re-read each time
  },
  async send(step, ctx) {
    // setUser copies every non-null field, turns a missing parentId into 0 and replaces the roles with the
    // roleId CSV (§3): re-read the user and send back what the server holds, with the new manager only.
    const userId = Number(step.userId);
    const user = await readUser(ctx, userId, step.login);
    const parentId = step.manager === null ? 0 : ctx.ids.server(step.manager);
    if ((user.parentId ?? 0) === parentId) return { alreadyDone: true };
    const roles = roleIdsOf(user);
    await ctx.session.call(
      wukongEndpoints.setUser({ userId, realname: user.realname ?? null, deptId: user.deptId ?? null, post: user.post ?? null, parentId, roleId: roles.join(',') }),
      ctx.signal,
    );
    // setUser filters the roles by what the caller may assign (§4.3): a restricted account could strip some.
    const after = roleIdsOf(await readUser(ctx, userId, step.login));
    const lost = roles.filter((r) => !after.includes(r));
    if (lost.length > 0) {
      throw new ConnectorError('WRITE_NOT_APPLIED', `setUser changed user ${userId}'s manager but dropped roles ${lost.join(', ')} this account may not assign (§4.3)`, {
        endpoint: 'POST /adminUser/setUser',
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
    await ctx.session.call(wukongEndpoints.setUserStatus(step.userIds.map(Number), step.status === 'active' ? 1 : 0), ctx.signal);
    return {};
  },
};
